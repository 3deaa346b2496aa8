"""Factories for consent records (§4.5) and the files a petitioner signs or a worker records (§8.3 a)."""

import frappe
from frappe.utils import add_days, today

from petition_social_work.rules.consent import DISCLOSURE

LEGAL_AID = "荔湾区法律援助处"


def make_file(
	file_name: str = "书面同意书.pdf", content: bytes | None = None, **attached_to
) -> "frappe.Document":
	"""A private file as an upload makes it; `attached_to` as attached_to_doctype / attached_to_name."""
	return frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"is_private": 1,
			# unique content: Frappe reuses the stored file of identical content
			"content": content or f"signed {frappe.generate_hash(length=12)}".encode(),
			**attached_to,
		}
	).insert()


def make_consent(
	petitioner: str, consent_type: str = DISCLOSURE, case: str | None = None, **values
) -> "frappe.Document":
	"""A signed consent of the petitioner, in force from a month ago for a year, naming the legal aid office."""
	signed = values.pop("signed_consent", None) or make_file().file_url
	return frappe.get_doc(
		{
			"doctype": "Consent Record",
			"petitioner": petitioner,
			"petition_intake": case,
			"consent_type": consent_type,
			"disclosed_to": values.pop("disclosed_to", LEGAL_AID if consent_type == DISCLOSURE else None),
			"purpose": values.pop("purpose", "转介法律援助，跟进欠薪仲裁"),
			"scope": values.pop("scope", "姓名、联系电话、诉求摘要"),
			"valid_from": values.pop("valid_from", add_days(today(), -30)),
			"valid_until": values.pop("valid_until", add_days(today(), 335)),
			"signed_consent": signed,
			**values,
		}
	).insert()
