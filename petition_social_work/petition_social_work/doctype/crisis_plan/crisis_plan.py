# Copyright (c) 2026, petition_social_work developers. See LICENSE.

import frappe

from petition_social_work.errors import CaseStateError, throw_problems
from petition_social_work.privacy.sensitive import ProtectedDocument
from petition_social_work.reporting.indexes import add_report_indexes
from petition_social_work.roles import sees_whole_service
from petition_social_work.rules import risk


class CrisisPlan(ProtectedDocument):
	def validate(self):
		self.guard_level_change()
		throw_problems(risk.handover_problems(self.as_dict()), CaseStateError)
		self.level_rank = risk.level_rank(self.warning_level)

	def guard_level_change(self):
		"""A worker may raise the warning level but not take it below what a supervisor set."""
		before = self.get_doc_before_save()
		by_supervisor = sees_whole_service() and frappe.session.user != "Administrator"
		problem = risk.level_change_problem(
			before.warning_level if before else None, self.warning_level, self.supervisor_level, by_supervisor
		)
		if problem:
			throw_problems([problem], CaseStateError)
		if by_supervisor and (not before or before.warning_level != self.warning_level):
			self.supervisor_level = self.warning_level


def on_doctype_update():
	add_report_indexes("Crisis Plan")
