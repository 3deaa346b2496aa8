# Copyright (c) 2026, petition_social_work developers. See LICENSE.

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import today

from petition_social_work.errors import ConsentRecordError
from petition_social_work.privacy.consent import (
	as_consent,
	check_petitioner_matches_case,
	check_signed_consent_attached,
	throw_problems,
)
from petition_social_work.rules.consent import consent_record_problems


class ConsentRecord(Document):
	def validate(self):
		check_petitioner_matches_case(self)
		check_signed_consent_attached(self)
		self.set_recorded_by()
		self.validate_terms()

	def set_recorded_by(self):
		if self.is_new():
			self.recorded_by = frappe.session.user
			self.recorded_on = today()

	def validate_terms(self):
		"""§4.5: a disclosure consent names its recipients; a withdrawal is made once, by `withdraw`, and is final."""
		before = self.get_doc_before_save()
		problems = consent_record_problems(
			as_consent(self),
			as_consent(before) if before else None,
			withdrawing=bool(self.flags.withdrawing),
		)
		throw_problems(problems, ConsentRecordError)

	@frappe.whitelist()
	def withdraw(self, reason: str) -> None:
		"""The petitioner withdraws the consent: from today it allows nothing, and the withdrawal is final."""
		self.check_permission("write")
		if self.withdrawn_on:
			frappe.throw(_("Consent {0} was already withdrawn.").format(self.name), ConsentRecordError)
		if not (reason or "").strip():
			frappe.throw(_("Give the reason the consent is withdrawn."), ConsentRecordError)
		self.update(
			{"withdrawn_on": today(), "withdrawn_by": frappe.session.user, "withdrawal_reason": reason}
		)
		self.flags.withdrawing = True
		self.save()
