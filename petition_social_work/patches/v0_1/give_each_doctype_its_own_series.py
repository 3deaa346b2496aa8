"""Numbered DocTypes moved from `format:…{#####}` names, which share one counter, to a series per prefix.

Each new series starts past the highest number already used under its prefix, so no name is reused.
"""

import re

import frappe

NUMBERED = (
	"Petitioner",
	"Petition Intake",
	"Service Plan",
	"Petition Interview",
	"Petition Referral",
	"Case Closure",
)


def execute():
	for doctype in NUMBERED:
		highest: dict[str, int] = {}
		for name in frappe.get_all(doctype, pluck="name"):
			match = re.fullmatch(r"(.*?)(\d+)", name)
			if match:
				prefix, number = match.group(1), int(match.group(2))
				highest[prefix] = max(highest.get(prefix, 0), number)
		series = frappe.qb.DocType("Series")
		for prefix, number in highest.items():
			current = frappe.db.get_value("Series", prefix, "current", order_by="name")
			if current is None:
				frappe.qb.into(series).columns(series.name, series.current).insert(prefix, number).run()
			elif current < number:
				frappe.qb.update(series).set(series.current, number).where(series.name == prefix).run()
