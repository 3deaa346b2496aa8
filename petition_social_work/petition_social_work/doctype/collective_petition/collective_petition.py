# Copyright (c) 2026, petition_social_work developers. See LICENSE.

from frappe.model.document import Document
from frappe.utils import today

from petition_social_work.errors import throw_problems
from petition_social_work.rules.collective import collective_problems


class CollectivePetition(Document):
	def validate(self):
		self.validate_collective_rules()
		self.date_police_notification()

	def validate_collective_rules(self):
		"""§3.7, §7.2.1: five or more people, at most five representatives, persuasion before police."""
		members = [row.as_dict() for row in self.members]
		throw_problems(collective_problems(self.as_dict(), members), doctype=self.doctype)

	def date_police_notification(self):
		if self.police_notified and not self.police_notified_on:
			self.police_notified_on = today()
