# Copyright (c) 2026, petition_social_work developers. See LICENSE.

import frappe
from frappe.model.document import Document
from frappe.utils import validate_email_address


class PetitionServiceSettings(Document):
	def validate(self):
		self.validate_bureau_report_recipients()

	def validate_bureau_report_recipients(self):
		"""One address a line, each a valid e-mail address (§8.2 c)."""
		recipients = bureau_report_recipients(self.bureau_report_recipients)
		for address in recipients:
			validate_email_address(address, throw=True)
		self.bureau_report_recipients = "\n".join(recipients)


def bureau_report_recipients(value: str | None = None) -> list[str]:
	"""The configured recipients of the monthly report, without blanks or repeats."""
	if value is None:
		value = frappe.db.get_single_value("Petition Service Settings", "bureau_report_recipients")
	addresses = (part.strip() for part in (value or "").replace(",", "\n").replace(";", "\n").splitlines())
	return list(dict.fromkeys(address for address in addresses if address))
