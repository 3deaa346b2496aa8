"""Crisis plans not yet resolved, the gravest and oldest first (§4.3 life first, §7.2.2). Lists cases, so a
worker sees only the crises of the cases they may see."""

import frappe
from frappe import _
from frappe.query_builder import Order
from frappe.query_builder.functions import Round, UnixTimestamp
from frappe.utils import now_datetime

from petition_social_work.reporting.query import INTAKE, visible_rows, where_all
from petition_social_work.rules.risk import WARNING_LEVELS

CRISIS = "Crisis Plan"
OPEN_STATUSES = ("Active", "Acknowledged", "Escalated")


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_data(filters)
	return get_columns(), rows, None, get_chart(rows), get_summary(rows)


def get_columns() -> list[dict]:
	return [
		{
			"fieldname": "crisis_plan",
			"label": _("Crisis Plan"),
			"fieldtype": "Link",
			"options": CRISIS,
			"width": 150,
		},
		{"fieldname": "warning_level", "label": _("Warning Level"), "fieldtype": "Data", "width": 150},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "petition_intake",
			"label": _("Case"),
			"fieldtype": "Link",
			"options": INTAKE,
			"width": 150,
		},
		{"fieldname": "petitioner_name", "label": _("Petitioner Name"), "fieldtype": "Data", "width": 120},
		{
			"fieldname": "responsible_worker",
			"label": _("Responsible Worker"),
			"fieldtype": "Link",
			"options": "User",
			"width": 200,
		},
		{"fieldname": "alerted_on", "label": _("Alerted On"), "fieldtype": "Datetime", "width": 160},
		{
			"fieldname": "hours_open",
			"label": _("Hours Open"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 100,
		},
		{
			"fieldname": "acknowledged_by",
			"label": _("Acknowledged By"),
			"fieldtype": "Link",
			"options": "User",
		},
		{"fieldname": "level_key", "label": _("Level Key"), "fieldtype": "Data", "hidden": 1},
	]


def get_data(filters: dict) -> list[dict]:
	crisis, intake = frappe.qb.DocType(CRISIS), frappe.qb.DocType(INTAKE)
	query = (
		frappe.qb.from_(crisis)
		.left_join(intake)
		.on(intake.name == crisis.petition_intake)
		.select(
			crisis.name.as_("crisis_plan"),
			crisis.warning_level.as_("level_key"),
			crisis.status,
			crisis.petition_intake,
			crisis.petitioner_name,
			intake.responsible_worker,
			crisis.alerted_on,
			crisis.acknowledged_by,
			Round((UnixTimestamp(now_datetime()) - UnixTimestamp(crisis.alerted_on)) / 3600, 1).as_(
				"hours_open"
			),
		)
		.where(crisis.status.isin(OPEN_STATUSES))
		.orderby(crisis.level_rank, order=Order.desc)
		.orderby(crisis.alerted_on)
	)
	conditions = visible_rows(CRISIS)
	if filters.get("warning_level"):
		conditions.append(crisis.warning_level == filters["warning_level"])
	if filters.get("status"):
		conditions.append(crisis.status == filters["status"])
	if filters.get("responsible_worker"):
		conditions.append(intake.responsible_worker == filters["responsible_worker"])

	rows = where_all(query, conditions).run(as_dict=True)
	labels = {value: _(value) for value in (*WARNING_LEVELS, *OPEN_STATUSES)}
	for row in rows:
		row.warning_level = labels.get(row.level_key, "")
		row.status = labels[row.status]
	return rows


def get_chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [_(level) for level in WARNING_LEVELS],
			"datasets": [
				{
					"name": _("Open Crises"),
					"values": [sum(1 for row in rows if row.level_key == level) for level in WARNING_LEVELS],
				}
			],
		},
		"type": "bar",
		"colors": ["#ff5858"],
	}


def get_summary(rows: list[dict]) -> list[dict]:
	return [
		{
			"label": _("Open Crises"),
			"value": len(rows),
			"datatype": "Int",
			"indicator": "Red" if rows else "Green",
		},
		{
			"label": _("Not Yet Acknowledged"),
			"value": sum(1 for row in rows if not row.acknowledged_by),
			"datatype": "Int",
			"indicator": "Orange",
		},
		{
			"label": _("Level I (Red)"),
			"value": sum(1 for row in rows if row.level_key == WARNING_LEVELS[-1]),
			"datatype": "Int",
			"indicator": "Red",
		},
	]
