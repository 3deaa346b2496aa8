"""Cases waiting too long for a sign-off, an interview review or a referral's reply (§7.1.4 timely
replies, §8.2 a supervision). Lists cases, so a worker sees only the cases they may see.

A document waits since it was last changed: a case awaiting sign-off or an interview awaiting review is
not edited while it waits, so its `modified` time is when it was handed over.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Date
from frappe.utils import add_days, cint, getdate, today

from petition_social_work.reporting.query import INTAKE, DateDiff, visible_rows, where_all
from petition_social_work.rules.lifecycle import AWAITING_SIGN_OFF

INTERVIEW, REFERRAL = "Petition Interview", "Petition Referral"
AWAITING_REVIEW = "Awaiting Review"
DEFAULT_DAYS = {"sign_off_days": 3, "review_days": 7, "reply_days": 14}


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_data(filters)
	return get_columns(), rows, None, get_chart(rows), get_summary(rows)


def get_columns() -> list[dict]:
	return [
		{"fieldname": "waiting_for", "label": _("Waiting For"), "fieldtype": "Data", "width": 150},
		{"fieldname": "reference_doctype", "label": _("Document Type"), "fieldtype": "Data", "hidden": 1},
		{
			"fieldname": "reference_name",
			"label": _("Document"),
			"fieldtype": "Dynamic Link",
			"options": "reference_doctype",
			"width": 160,
		},
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
		{"fieldname": "waiting_since", "label": _("Waiting Since"), "fieldtype": "Date", "width": 110},
		{"fieldname": "days_waiting", "label": _("Days Waiting"), "fieldtype": "Int", "width": 110},
		{"fieldname": "kind", "label": _("Kind"), "fieldtype": "Data", "hidden": 1},
	]


def threshold(filters: dict, key: str) -> int:
	days = cint(filters.get(key) if filters.get(key) not in (None, "") else DEFAULT_DAYS[key])
	if days < 0:
		frappe.throw(_("The number of days must not be negative."))
	return days


def get_data(filters: dict) -> list[dict]:
	rows = awaiting_sign_off(filters) + awaiting_review(filters) + awaiting_reply(filters)
	labels = {
		"sign_off": _("Supervisor Sign-off"),
		"review": _("Interview Review"),
		"reply": _("Referral Reply"),
	}
	for row in rows:
		row.waiting_for = labels[row.kind]
	return sorted(rows, key=lambda r: (-r.days_waiting, r.reference_name))


def awaiting_sign_off(filters: dict) -> list[dict]:
	intake = frappe.qb.DocType(INTAKE)
	cutoff = add_days(today(), -threshold(filters, "sign_off_days"))
	query = frappe.qb.from_(intake).select(
		intake.name.as_("reference_name"),
		intake.name.as_("petition_intake"),
		intake.petitioner_name,
		intake.responsible_worker,
		Date(intake.modified).as_("waiting_since"),
		DateDiff(getdate(), intake.modified).as_("days_waiting"),
	)
	conditions = [intake.workflow_state == AWAITING_SIGN_OFF, intake.modified < cutoff, *visible_rows(INTAKE)]
	if filters.get("responsible_worker"):
		conditions.append(intake.responsible_worker == filters["responsible_worker"])
	return labelled(where_all(query, conditions).run(as_dict=True), INTAKE, "sign_off")


def labelled(rows: list[dict], doctype: str, kind: str) -> list[dict]:
	for row in rows:
		row.reference_doctype, row.kind = doctype, kind
	return rows


def awaiting_review(filters: dict) -> list[dict]:
	return _case_record_rows(
		filters,
		INTERVIEW,
		"review",
		lambda record, cutoff: [
			record.workflow_state == AWAITING_REVIEW,
			record.modified < cutoff,
		],
		"modified",
		threshold(filters, "review_days"),
	)


def awaiting_reply(filters: dict) -> list[dict]:
	return _case_record_rows(
		filters,
		REFERRAL,
		"reply",
		lambda record, cutoff: [record.status == "Sent", record.referral_date <= cutoff],
		"referral_date",
		threshold(filters, "reply_days"),
	)


def _case_record_rows(filters, doctype, kind, conditions_for, since_field, days) -> list[dict]:
	"""Records hanging off a case by `petition_intake` that meet `conditions_for(record, cutoff)`."""
	record, intake = frappe.qb.DocType(doctype), frappe.qb.DocType(INTAKE)
	cutoff = add_days(today(), -days)
	query = (
		frappe.qb.from_(record)
		.join(intake)
		.on(intake.name == record.petition_intake)
		.select(
			record.name.as_("reference_name"),
			record.petition_intake,
			intake.petitioner_name,
			intake.responsible_worker,
			Date(record[since_field]).as_("waiting_since"),
			DateDiff(getdate(), record[since_field]).as_("days_waiting"),
		)
	)
	conditions = [*conditions_for(record, cutoff), *visible_rows(doctype)]
	if filters.get("responsible_worker"):
		conditions.append(intake.responsible_worker == filters["responsible_worker"])
	return labelled(where_all(query, conditions).run(as_dict=True), doctype, kind)


def get_chart(rows: list[dict]) -> dict:
	kinds = {
		"sign_off": _("Supervisor Sign-off"),
		"review": _("Interview Review"),
		"reply": _("Referral Reply"),
	}
	return {
		"data": {
			"labels": list(kinds.values()),
			"datasets": [
				{"name": _("Overdue"), "values": [sum(1 for r in rows if r.kind == kind) for kind in kinds]}
			],
		},
		"type": "bar",
		"colors": ["#ffa00a"],
	}


def get_summary(rows: list[dict]) -> list[dict]:
	return [
		{
			"label": _("Overdue"),
			"value": len(rows),
			"datatype": "Int",
			"indicator": "Orange" if rows else "Green",
		},
		{
			"label": _("Longest Wait (Days)"),
			"value": max((row.days_waiting for row in rows), default=0),
			"datatype": "Int",
			"indicator": "Red",
		},
	]
