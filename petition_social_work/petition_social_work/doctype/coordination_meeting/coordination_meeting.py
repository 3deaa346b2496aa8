# Copyright (c) 2026, petition_social_work developers. See LICENSE.

from frappe.model.document import Document

from petition_social_work.errors import throw_problems
from petition_social_work.rules.coordination import meeting_problems


class CoordinationMeeting(Document):
	def validate(self):
		self.validate_outcome()

	def validate_outcome(self):
		"""§7.2.3 c–d: a meeting held records its decisions, and a reply names what was said and when."""
		throw_problems(meeting_problems(self.as_dict()), doctype=self.doctype)
