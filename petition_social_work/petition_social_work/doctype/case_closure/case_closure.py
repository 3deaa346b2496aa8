# Copyright (c) 2026, petition_social_work developers. See LICENSE.

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.workflow import apply_workflow
from frappe.utils import now_datetime

from petition_social_work.errors import CaseStateError, ClosureIncompleteError, throw_problems
from petition_social_work.reporting.indexes import add_report_indexes
from petition_social_work.rules import lifecycle
from petition_social_work.rules.closure import REFERRAL_OUT, closure_problems, goals_from_plan

INTAKE = "Petition Intake"


class CaseClosure(Document):
	def validate(self):
		if not self.goals:
			self.prefill_goals()

	def before_submit(self):
		"""Appendix C is complete before the case closes: every goal rated, reasons and evaluation given."""
		throw_problems(
			closure_problems(self.as_dict(), [row.as_dict() for row in self.goals]),
			ClosureIncompleteError,
			title=_("Closure Incomplete"),
		)
		state = frappe.db.get_value(INTAKE, self.petition_intake, "workflow_state")
		if state != lifecycle.CLOSING_REVIEW:
			frappe.throw(
				_("Case {0} is {1}: request closure on the case before submitting its closure form.").format(
					self.petition_intake, _(state)
				),
				CaseStateError,
			)
		self.project_lead = frappe.session.user
		self.project_lead_signed_on = now_datetime()

	def on_submit(self):
		"""Submitting the closure closes the case (§7.1.4 j), as a referral out or as ended."""
		frappe.db.set_value(
			INTAKE,
			self.petition_intake,
			{"case_closure": self.name, "closure_category": self.category, "closed_on": self.closed_on},
		)
		action = (
			lifecycle.CLOSE_AS_REFERRED_ACTION if self.category == REFERRAL_OUT else lifecycle.CLOSE_ACTION
		)
		apply_workflow(frappe.get_doc(INTAKE, self.petition_intake), action)

	def before_cancel(self):
		if not (self.cancel_reason or "").strip():
			frappe.throw(
				_("Give the reason for reopening the case before cancelling its closure."), CaseStateError
			)

	def on_cancel(self):
		"""Cancelling the closure reopens the case; the reason is logged on the case."""
		frappe.db.set_value(
			INTAKE,
			self.petition_intake,
			{
				"case_closure": None,
				"closure_category": None,
				"closed_on": None,
				"reopen_reason": self.cancel_reason,
			},
		)
		apply_workflow(frappe.get_doc(INTAKE, self.petition_intake), lifecycle.REOPEN_ACTION)

	def prefill_goals(self):
		for row in goals_from_plan(get_plan_goals(self.petition_intake)):
			self.append("goals", row)


def get_plan_goals(case: str) -> list[dict]:
	plan = frappe.db.get_value("Service Plan", {"petition_intake": case}, "name")
	if not plan:
		return []
	return frappe.get_all(
		"Service Plan Goal",
		filters={"parent": plan, "parenttype": "Service Plan", "parentfield": "goals"},
		fields=["name", "goal"],
		order_by="idx asc",
	)


@frappe.whitelist()
def goals_for_case(petition_intake: str) -> list[dict]:
	"""The closure form's goal table, prefilled from the case's service plan."""
	frappe.get_doc(INTAKE, petition_intake).check_permission("read")
	return goals_from_plan(get_plan_goals(petition_intake))


def on_doctype_update():
	add_report_indexes("Case Closure")
