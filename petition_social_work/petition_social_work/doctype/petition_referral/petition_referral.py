# Copyright (c) 2026, petition_social_work developers. See LICENSE.

import frappe
from frappe.model.document import Document
from frappe.utils import today

from petition_social_work.case_guard import check_case_open
from petition_social_work.errors import ReferralFollowUpError, throw_problems
from petition_social_work.privacy.consent import check_referral_consent
from petition_social_work.reporting.indexes import add_report_indexes
from petition_social_work.rules.referral import COMPLETED, referral_problems


class PetitionReferral(Document):
	def validate(self):
		check_case_open(self)
		self.validate_status()
		check_referral_consent(self)

	def validate_status(self):
		"""§6.4: a referral moves from sent to accepted or declined, and completes only with its outcome."""
		before = self.get_doc_before_save()
		old_status = before.status if before else None
		throw_problems(referral_problems(old_status, self.status, self.outcome), ReferralFollowUpError)
		if self.status == COMPLETED and not self.completed_on:
			self.completed_on = today()


def on_doctype_update():
	frappe.db.add_index("Petition Referral", ["status", "follow_up_due"])
	add_report_indexes("Petition Referral")
