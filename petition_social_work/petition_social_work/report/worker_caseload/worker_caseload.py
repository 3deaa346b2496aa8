"""Open cases per worker against the ratios of §8.1 c: 65–70 rational or 5–10 irrational cases per
full-time worker. Workers over the band or inside it are flagged."""

from collections import defaultdict

import frappe
from frappe import _
from frappe.query_builder.functions import Count

from petition_social_work.reporting.query import INTAKE, where_all
from petition_social_work.roles import SOCIAL_WORKER
from petition_social_work.rules.caseload import (
	IRRATIONAL,
	IRRATIONAL_BAND,
	NEAR,
	OVER,
	RATIONAL_BAND,
	WITHIN,
	capacity_used,
	caseload_status,
)
from petition_social_work.rules.lifecycle import CLOSING_REVIEW, IN_SERVICE

# the cases a worker follows at the same time (同期跟进): opened and not yet closed
FOLLOWED_STATES = (IN_SERVICE, CLOSING_REVIEW)


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_data(filters)
	return get_columns(), rows, None, get_chart(rows), get_summary(rows)


def get_columns() -> list[dict]:
	return [
		{"fieldname": "worker", "label": _("Worker"), "fieldtype": "Link", "options": "User", "width": 240},
		{"fieldname": "worker_name", "label": _("Worker Name"), "fieldtype": "Data", "width": 140},
		{"fieldname": "rational", "label": _("Rational Cases"), "fieldtype": "Int", "width": 120},
		{"fieldname": "irrational", "label": _("Irrational Cases"), "fieldtype": "Int", "width": 120},
		{"fieldname": "capacity_used", "label": _("Capacity Used (%)"), "fieldtype": "Percent", "width": 140},
		{"fieldname": "status", "label": _("Caseload Status"), "fieldtype": "Data", "width": 130},
		{"fieldname": "status_key", "label": _("Status Key"), "fieldtype": "Data", "hidden": 1},
	]


def get_data(filters: dict) -> list[dict]:
	counts = defaultdict(lambda: {"rational": 0, "irrational": 0, "worker_name": ""})
	for worker, name in active_workers(filters):
		counts[worker]["worker_name"] = name
	for row in open_cases_by_worker(filters):
		entry = counts[row.responsible_worker]
		entry["irrational" if row.petition_behaviour == IRRATIONAL else "rational"] += row.cases
		entry["worker_name"] = entry["worker_name"] or row.responsible_worker_name or ""

	rows = []
	for worker, entry in counts.items():
		status = caseload_status(entry["rational"], entry["irrational"])
		rows.append(
			{
				"worker": worker,
				**entry,
				"capacity_used": round(100 * capacity_used(entry["rational"], entry["irrational"]), 1),
				"status": status_label(status),
				"status_key": status,
			}
		)
	return sorted(rows, key=lambda r: (-r["capacity_used"], r["worker"]))


def status_label(status: str) -> str:
	return {WITHIN: _("Within"), NEAR: _("Near Limit"), OVER: _("Over Limit")}[status]


def open_cases_by_worker(filters: dict) -> list[dict]:
	intake = frappe.qb.DocType(INTAKE)
	query = (
		frappe.qb.from_(intake)
		.select(
			intake.responsible_worker,
			intake.responsible_worker_name,
			intake.petition_behaviour,
			Count("*").as_("cases"),
		)
		.where(intake.workflow_state.isin(FOLLOWED_STATES))
		.where(intake.responsible_worker.isnotnull())
		.groupby(intake.responsible_worker, intake.responsible_worker_name, intake.petition_behaviour)
	)
	conditions = []
	if filters.get("worker"):
		conditions.append(intake.responsible_worker == filters["worker"])
	return where_all(query, conditions).run(as_dict=True)


def active_workers(filters: dict) -> list[tuple[str, str]]:
	"""Enabled users with the worker role, so a worker without open cases is listed too."""
	user, has_role = frappe.qb.DocType("User"), frappe.qb.DocType("Has Role")
	query = (
		frappe.qb.from_(user)
		.join(has_role)
		.on((has_role.parent == user.name) & (has_role.parenttype == "User"))
		.select(user.name, user.full_name)
		.distinct()
		.where((has_role.role == SOCIAL_WORKER) & (user.enabled == 1))
	)
	if filters.get("worker"):
		query = query.where(user.name == filters["worker"])
	return query.run()


def get_chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [row["worker_name"] or row["worker"] for row in rows],
			"datasets": [{"name": _("Capacity Used (%)"), "values": [row["capacity_used"] for row in rows]}],
		},
		"type": "bar",
		"colors": ["#5e64ff"],
	}


def get_summary(rows: list[dict]) -> list[dict]:
	over = sum(1 for row in rows if row["status_key"] == OVER)
	return [
		{"label": _("Workers"), "value": len(rows), "datatype": "Int", "indicator": "Blue"},
		{"label": _("Over Limit"), "value": over, "datatype": "Int", "indicator": "Red" if over else "Green"},
		{
			"label": _("Rational Band per Worker"),
			"value": f"{RATIONAL_BAND[0]}–{RATIONAL_BAND[1]}",
			"datatype": "Data",
			"indicator": "Grey",
		},
		{
			"label": _("Irrational Band per Worker"),
			"value": f"{IRRATIONAL_BAND[0]}–{IRRATIONAL_BAND[1]}",
			"datatype": "Data",
			"indicator": "Grey",
		},
	]
