# Copyright (c) 2026, petition_social_work developers. See LICENSE.

from frappe.model.document import Document

from petition_social_work.case_guard import check_case_open


class PetitionHomeVisit(Document):
	def validate(self):
		check_case_open(self)
