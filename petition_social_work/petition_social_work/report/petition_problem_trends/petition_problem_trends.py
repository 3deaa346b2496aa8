"""High-frequency problem types and their trend by month, optionally per area or competent authority
(§8.2 b). Counts only: the petition office liaison reads it."""

from collections import defaultdict

import frappe
from frappe import _

from petition_social_work.reporting.aggregates import DIMENSIONS, cases_by_month
from petition_social_work.reporting.query import date_range, months_between, percent

CHART_SERIES = 5


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	months = months_between(*date_range(filters))
	area_field = area_field_of(filters)
	rows = get_data(filters, months, area_field)
	return get_columns(months, area_field), rows, None, get_chart(rows, months, area_field), get_summary(rows)


def area_field_of(filters: dict) -> str | None:
	group_by = filters.get("group_by")
	if not group_by:
		return None
	if group_by not in DIMENSIONS or group_by == "Matter Type":
		frappe.throw(_("Cannot group by {0}.").format(group_by))
	return DIMENSIONS[group_by]


def get_columns(months: list[str], area_field: str | None) -> list[dict]:
	columns = []
	if area_field == "problem_location":
		columns.append(
			{"fieldname": "area", "label": _("Problem Location"), "fieldtype": "Data", "width": 180}
		)
	elif area_field == "competent_authority":
		columns.append(
			{"fieldname": "area", "label": _("Competent Authority"), "fieldtype": "Data", "width": 200}
		)
	# Data, not Link: Frappe filters Link columns by the reader's rights, and the liaison reads no master data
	columns.append({"fieldname": "matter_type", "label": _("Matter Type"), "fieldtype": "Data", "width": 200})
	columns += [{"fieldname": month_field(m), "label": m, "fieldtype": "Int", "width": 80} for m in months]
	columns += [
		{"fieldname": "total", "label": _("Total"), "fieldtype": "Int", "width": 90},
		{"fieldname": "share", "label": _("Share (%)"), "fieldtype": "Percent", "width": 90},
		{"fieldname": "trend", "label": _("Trend"), "fieldtype": "Data", "width": 90},
	]
	return columns


def month_field(month: str) -> str:
	return "m_" + month.replace("-", "_")


def get_data(filters: dict, months: list[str], area_field: str | None) -> list[dict]:
	fields = ("matter_type", area_field) if area_field else ("matter_type",)
	counts = defaultdict(lambda: defaultdict(int))
	for row in cases_by_month(filters, fields):
		key = (row.get(area_field) or "") if area_field else "", row.matter_type
		counts[key][row.month] += row.cases

	grand_total = sum(sum(by_month.values()) for by_month in counts.values())
	rows = []
	for (area, matter_type), by_month in counts.items():
		total = sum(by_month.values())
		row = {"area": area, "matter_type": matter_type, "total": total, "share": percent(total, grand_total)}
		row.update({month_field(m): by_month.get(m, 0) for m in months})
		row["trend"] = trend_label([by_month.get(m, 0) for m in months])
		rows.append(row)
	return sorted(rows, key=lambda r: (-r["total"], r["area"], r["matter_type"] or ""))


def trend_label(series: list[int]) -> str:
	"""Rising or falling when the later half of the months has more or fewer cases than the earlier half."""
	half = len(series) // 2
	if not half:
		return _("Steady")
	earlier, later = sum(series[:half]), sum(series[-half:])
	if later > earlier:
		return _("Rising")
	if later < earlier:
		return _("Falling")
	return _("Steady")


def get_chart(rows: list[dict], months: list[str], area_field: str | None) -> dict:
	datasets = [
		{
			"name": f"{row['area']} · {row['matter_type']}" if area_field else row["matter_type"],
			"values": [row[month_field(m)] for m in months],
		}
		for row in rows[:CHART_SERIES]
	]
	return {"data": {"labels": months, "datasets": datasets}, "type": "line"}


def get_summary(rows: list[dict]) -> list[dict]:
	total = sum(row["total"] for row in rows)
	top = rows[0]["matter_type"] if rows else ""
	return [
		{"label": _("Cases Registered"), "value": total, "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("Problem Types"),
			"value": len({row["matter_type"] for row in rows}),
			"datatype": "Int",
			"indicator": "Grey",
		},
		{"label": _("Most Frequent Problem Type"), "value": top, "datatype": "Data", "indicator": "Orange"},
	]
