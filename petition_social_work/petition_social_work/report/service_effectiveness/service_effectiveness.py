"""Effectiveness per period (§7.1.5 a): the indicator completion rate, goals achieved against goals set at
closing, read together with the rate of irrational petitions among the cases registered. Counts only: the
petition office liaison reads it."""

from collections import defaultdict

import frappe
from frappe import _

from petition_social_work.reporting.aggregates import behaviour_by_month, closure_goals_by_month
from petition_social_work.reporting.query import (
	date_range,
	months_between,
	percent,
	period_of,
	periodicity_of,
)

COUNTS = ("cases", "irrational", "closures", "goals", "achieved", "partly_achieved")


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_data(filters)
	return get_columns(), rows, None, get_chart(rows), get_summary(rows)


def get_columns() -> list[dict]:
	return [
		{"fieldname": "period", "label": _("Period"), "fieldtype": "Data", "width": 100},
		{"fieldname": "cases", "label": _("Cases Registered"), "fieldtype": "Int", "width": 130},
		{"fieldname": "irrational", "label": _("Irrational Petitions"), "fieldtype": "Int", "width": 140},
		{
			"fieldname": "irrational_rate",
			"label": _("Irrational Rate (%)"),
			"fieldtype": "Percent",
			"width": 140,
		},
		{"fieldname": "closures", "label": _("Cases Closed"), "fieldtype": "Int", "width": 110},
		{"fieldname": "goals", "label": _("Goals Set"), "fieldtype": "Int", "width": 100},
		{"fieldname": "achieved", "label": _("Goals Achieved"), "fieldtype": "Int", "width": 120},
		{
			"fieldname": "partly_achieved",
			"label": _("Goals Partly Achieved"),
			"fieldtype": "Int",
			"width": 150,
		},
		{
			"fieldname": "completion_rate",
			"label": _("Indicator Completion Rate (%)"),
			"fieldtype": "Percent",
			"width": 190,
		},
	]


def get_data(filters: dict) -> list[dict]:
	periodicity = periodicity_of(filters)
	periods = list(dict.fromkeys(period_of(m, periodicity) for m in months_between(*date_range(filters))))
	totals = {period: dict.fromkeys(COUNTS, 0) for period in periods}

	for row in behaviour_by_month(filters) + closure_goals_by_month(filters):
		period = totals[period_of(row.month, periodicity)]
		for key in COUNTS:
			period[key] += int(row.get(key) or 0)

	return [figures_row(period, counts) for period, counts in totals.items()]


def figures_row(period: str, counts: dict) -> dict:
	return {
		"period": period,
		**counts,
		"irrational_rate": percent(counts["irrational"], counts["cases"]),
		"completion_rate": percent(counts["achieved"], counts["goals"]),
	}


def get_chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [row["period"] for row in rows],
			"datasets": [
				{
					"name": _("Indicator Completion Rate (%)"),
					"values": [row["completion_rate"] for row in rows],
				},
				{"name": _("Irrational Rate (%)"), "values": [row["irrational_rate"] for row in rows]},
			],
		},
		"type": "line",
		"colors": ["#29cd42", "#ff5858"],
	}


def get_summary(rows: list[dict]) -> list[dict]:
	total = defaultdict(int)
	for row in rows:
		for key in COUNTS:
			total[key] += row[key]
	overall = figures_row("", total)
	return [
		{"label": _("Cases Registered"), "value": total["cases"], "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("Irrational Rate (%)"),
			"value": overall["irrational_rate"],
			"datatype": "Percent",
			"indicator": "Red",
		},
		{"label": _("Goals Set"), "value": total["goals"], "datatype": "Int", "indicator": "Grey"},
		{"label": _("Goals Achieved"), "value": total["achieved"], "datatype": "Int", "indicator": "Green"},
		{
			"label": _("Indicator Completion Rate (%)"),
			"value": overall["completion_rate"],
			"datatype": "Percent",
			"indicator": "Green",
		},
	]
