"""Outcomes of referrals per receiving unit (§6.4): how many were accepted, declined and completed, and
how long the receivers took to answer. A worker counts the referrals of the cases they may see."""

from collections import defaultdict

import frappe
from frappe import _

from petition_social_work.reporting.aggregates import referrals_by_status
from petition_social_work.reporting.query import percent, visible_rows

STATUSES = ("Sent", "Accepted", "Declined", "Completed")


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_data(filters)
	return get_columns(), rows, None, get_chart(rows), get_summary(rows)


def get_columns() -> list[dict]:
	return [
		{"fieldname": "referred_to", "label": _("Referred To"), "fieldtype": "Data", "width": 220},
		{"fieldname": "sent", "label": _("Awaiting Reply"), "fieldtype": "Int", "width": 120},
		{"fieldname": "accepted", "label": _("Accepted"), "fieldtype": "Int", "width": 100},
		{"fieldname": "declined", "label": _("Declined"), "fieldtype": "Int", "width": 100},
		{"fieldname": "completed", "label": _("Completed"), "fieldtype": "Int", "width": 100},
		{"fieldname": "total", "label": _("Referrals"), "fieldtype": "Int", "width": 100},
		{"fieldname": "completion_rate", "label": _("Completed (%)"), "fieldtype": "Percent", "width": 120},
		{
			"fieldname": "average_response_days",
			"label": _("Average Days to Reply"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 160,
		},
	]


def get_data(filters: dict) -> list[dict]:
	units = defaultdict(lambda: {**dict.fromkeys(s.lower() for s in STATUSES), "days": 0, "responded": 0})
	for row in referrals_by_status(filters, visible_rows("Petition Referral")):
		unit = units[row.referred_to or ""]
		unit[row.status.lower()] = (unit[row.status.lower()] or 0) + row.referrals
		unit["days"] += int(row.response_days or 0)
		unit["responded"] += row.responded

	rows = []
	for referred_to, unit in units.items():
		counts = {s.lower(): unit[s.lower()] or 0 for s in STATUSES}
		total = sum(counts.values())
		rows.append(
			{
				"referred_to": referred_to,
				**counts,
				"total": total,
				"completion_rate": percent(counts["completed"], total),
				"average_response_days": round(unit["days"] / unit["responded"], 1)
				if unit["responded"]
				else None,
			}
		)
	return sorted(rows, key=lambda r: (-r["total"], r["referred_to"]))


def get_chart(rows: list[dict]) -> dict:
	labels = {"sent": _("Awaiting Reply"), "accepted": _("Accepted"), "declined": _("Declined")}
	labels["completed"] = _("Completed")
	return {
		"data": {
			"labels": [row["referred_to"] for row in rows],
			"datasets": [
				{"name": label, "values": [row[key] for row in rows]} for key, label in labels.items()
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}


def get_summary(rows: list[dict]) -> list[dict]:
	total = sum(row["total"] for row in rows)
	return [
		{"label": _("Referrals"), "value": total, "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("Awaiting Reply"),
			"value": sum(row["sent"] for row in rows),
			"datatype": "Int",
			"indicator": "Orange",
		},
		{
			"label": _("Declined"),
			"value": sum(row["declined"] for row in rows),
			"datatype": "Int",
			"indicator": "Red",
		},
		{
			"label": _("Completed (%)"),
			"value": percent(sum(row["completed"] for row in rows), total),
			"datatype": "Percent",
			"indicator": "Green",
		},
	]
