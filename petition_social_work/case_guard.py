"""Guards shared by the case DocTypes: who may edit in a workflow state, and no work on an ended case."""

import frappe
from frappe import _
from frappe.model.workflow import get_workflow_name

from petition_social_work.errors import CaseStateError
from petition_social_work.rules.lifecycle import END_STATES

INTAKE = "Petition Intake"


def check_state_allows_edit(doc) -> None:
	"""Frappe checks who may move a document between workflow states; this checks who may edit it in one.

	The roles are the state's "allow edit" roles in the workflow, so an admin's edits of the workflow apply.
	"""
	if doc.is_new() or frappe.session.user == "Administrator":
		return
	before = doc.get_doc_before_save()
	if not before or before.get("workflow_state") != doc.get("workflow_state"):
		return
	workflow_name = get_workflow_name(doc.doctype)
	if not workflow_name:
		return
	workflow = frappe.get_cached_doc("Workflow", workflow_name)
	editors = {row.allow_edit for row in workflow.states if row.state == doc.workflow_state}
	if editors and not editors & set(frappe.get_roles()):
		frappe.throw(
			_("{0} {1} is {2}: only {3} may change it now.").format(
				_(doc.doctype), doc.name, _(doc.workflow_state), ", ".join(_(r) for r in sorted(editors))
			),
			CaseStateError,
		)


def check_case_open(doc) -> None:
	"""Plans, interviews and referrals are recorded only while the case is active: reopen an ended case first."""
	if not doc.petition_intake:
		return
	state = frappe.db.get_value(INTAKE, doc.petition_intake, "workflow_state")
	if state in END_STATES:
		frappe.throw(
			_("Case {0} is {1}: reopen it before recording more work on it.").format(
				doc.petition_intake, _(state)
			),
			CaseStateError,
		)
