# Copyright (c) 2026, petition_social_work developers. See LICENSE.

import frappe
from frappe import _
from frappe.query_builder.functions import Max
from frappe.utils import cint, now_datetime

from petition_social_work.case_guard import check_case_open, check_state_allows_edit
from petition_social_work.crisis import raise_alert_from_interview
from petition_social_work.errors import SessionNumberError
from petition_social_work.privacy.sensitive import ProtectedDocument
from petition_social_work.reporting.indexes import add_report_indexes
from petition_social_work.rules import lifecycle
from petition_social_work.rules.sessions import can_remove_session, next_session_number


class PetitionInterview(ProtectedDocument):
	def before_insert(self):
		self.session_number = allocate_session_number(self.petition_intake)

	def validate(self):
		self.keep_session_number()
		check_case_open(self)
		self.record_review()
		check_state_allows_edit(self)

	def keep_session_number(self):
		"""Appendix B: a session keeps the number it got when it was recorded."""
		before = self.get_doc_before_save()
		if before and cint(self.session_number) != cint(before.session_number):
			frappe.throw(
				_("The session number is given when the session is recorded and cannot be changed."),
				exc=SessionNumberError,
			)

	def on_update(self):
		# §5.6 b, §5.8 a: a high risk found at this session alerts the supervisors within this request
		if self.has_value_changed("risk_level"):
			raise_alert_from_interview(self)

	def on_trash(self):
		numbers = frappe.get_all(
			"Petition Interview", filters={"petition_intake": self.petition_intake}, pluck="session_number"
		)
		if not can_remove_session(self.session_number, numbers):
			frappe.throw(
				_("Only the latest session of a case can be deleted; session {0} would leave a gap.").format(
					self.session_number
				),
				SessionNumberError,
			)

	def record_review(self):
		"""Appendix B: the supervisor's opinion is signed and dated when the interview is approved."""
		before = self.get_doc_before_save()
		if self.workflow_state == lifecycle.INTERVIEW_REVIEWED and (
			not before or before.workflow_state != lifecycle.INTERVIEW_REVIEWED
		):
			self.reviewed_by = frappe.session.user
			self.reviewed_on = now_datetime()


def allocate_session_number(case: str) -> int:
	"""The next session number of a case, safe under concurrent inserts.

	The case row is locked first, so two interviews of one case are numbered one after the other; the
	locking read then sees the latest committed sessions, not the transaction's older snapshot.
	"""
	frappe.db.get_value("Petition Intake", case, "name", for_update=True)
	interview = frappe.qb.DocType("Petition Interview")
	latest = (
		frappe.qb.from_(interview)
		.select(Max(interview.session_number))
		.where(interview.petition_intake == case)
		.for_update()
		.run()
	)
	return next_session_number([latest[0][0] or 0])


def on_doctype_update():
	frappe.db.add_unique("Petition Interview", ["petition_intake", "session_number"])
	add_report_indexes("Petition Interview")
