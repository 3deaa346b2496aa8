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
		for prefix, number in highest.items():
			current = frappe.db.get_value("Series", prefix, "current", order_by="name")
			if current is None:
				frappe.db.sql("insert into `tabSeries` (`name`, `current`) values (%s, %s)", (prefix, number))
			elif current < number:
				frappe.db.sql("update `tabSeries` set `current` = %s where `name` = %s", (number, prefix))
