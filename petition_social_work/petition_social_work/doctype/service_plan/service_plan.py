# Copyright (c) 2026, petition_social_work developers. See LICENSE.

import frappe
from frappe import _
from frappe.model.document import Document

from petition_social_work.case_guard import check_case_open
from petition_social_work.errors import PetitionValidationError


class ServicePlan(Document):
	def validate(self):
		check_case_open(self)
		self.validate_agreement()

	def validate_agreement(self):
		"""§7.1.3 f: a signed agreement is recorded with its date and the signed copy."""
		if not self.agreement_signed:
			return
		if not self.agreement_signed_on or not self.service_agreement:
			frappe.throw(
				_("A signed service agreement needs its date and the signed copy attached."),
				PetitionValidationError,
			)
