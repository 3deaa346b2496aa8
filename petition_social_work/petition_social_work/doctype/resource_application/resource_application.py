# Copyright (c) 2026, petition_social_work developers. See LICENSE.

from frappe.model.document import Document
from frappe.utils import today

from petition_social_work.case_guard import check_case_open
from petition_social_work.errors import ResourceApplicationError, throw_problems
from petition_social_work.rules.hardship import SUBMITTED, resource_application_problems


class ResourceApplication(Document):
	def validate(self):
		check_case_open(self)
		self.set_applied_on()
		self.validate_application()

	def set_applied_on(self):
		if self.status == SUBMITTED and not self.applied_on:
			self.applied_on = today()

	def validate_application(self):
		"""§6.3.1 c, §7.2.3 d: an application moves from submitted to a final decision, which is replied to."""
		before = self.get_doc_before_save()
		problems = resource_application_problems(
			before.status if before else None,
			self.status,
			resource_type=self.resource_type,
			resource_type_detail=self.resource_type_detail,
			amount_requested=self.amount_requested,
			amount_granted=self.amount_granted,
			applied_on=self.applied_on,
			decided_on=self.decided_on,
			result=self.result,
			replied_on=self.replied_to_petitioner_on,
		)
		throw_problems(problems, ResourceApplicationError, doctype=self.doctype)
