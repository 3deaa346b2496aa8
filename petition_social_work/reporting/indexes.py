"""Composite indexes the reports' grouped queries use (§8.2 b); created from the DocTypes'
`on_doctype_update`, so `bench migrate` keeps them."""

import frappe

REPORT_INDEXES = {
	# trends and effectiveness: a date range, grouped by problem type
	"Petition Intake": (
		("first_contact_date", "matter_type"),
		# caseload: open cases per worker and behaviour
		("workflow_state", "responsible_worker", "petition_behaviour"),
	),
	"Case Closure": (("docstatus", "closed_on"),),
	"Petition Referral": (("referral_date", "status"),),
	"Crisis Plan": (("status", "level_rank"),),
	"Petition Interview": (("workflow_state", "modified"),),
}


def add_report_indexes(doctype: str | None = None) -> None:
	"""Add the indexes of one DocType (from its `on_doctype_update`) or of all of them."""
	for name, indexes in REPORT_INDEXES.items():
		if doctype and name != doctype:
			continue
		for fields in indexes:
			frappe.db.add_index(name, list(fields), index_name="psw_report_" + "_".join(fields)[:50])
