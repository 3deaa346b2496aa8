# Copyright (c) 2026, petition_social_work developers. See LICENSE.

import frappe
from frappe import _
from frappe.model.document import Document

from petition_social_work.errors import EncryptionError, PetitionValidationError
from petition_social_work.privacy import access_log, encryption

MODULE = "Petition Social Work"


class PetitionPrivacySettings(Document):
	def validate(self):
		self.validate_encrypted_fields()
		self.validate_retention()

	def on_update(self):
		self.convert_stored_values()
		encryption.clear_cache()
		access_log.apply_retention()

	def validate_encrypted_fields(self):
		seen = set()
		for row in self.encrypted_fields:
			key = (row.document_type, row.field_name)
			if key in seen:
				frappe.throw(
					_("Row {0}: {1} is listed twice.").format(row.idx, row.field_name), EncryptionError
				)
			seen.add(key)
			meta = frappe.get_meta(row.document_type)
			if meta.module != MODULE or meta.istable or meta.issingle:
				frappe.throw(
					_("Row {0}: only the service's own records can have encrypted fields.").format(row.idx),
					EncryptionError,
				)
			df = meta.get_field(row.field_name)
			if not df or df.fieldtype not in encryption.ENCRYPTABLE_FIELDTYPES:
				frappe.throw(
					_("Row {0}: {1} is not a text field of {2}.").format(
						row.idx, row.field_name, _(row.document_type)
					),
					EncryptionError,
				)
			if df.in_list_view or df.in_standard_filter or meta.title_field == df.fieldname:
				frappe.throw(
					_("Row {0}: {1} is shown in lists or searched by; an encrypted value cannot be.").format(
						row.idx, _(df.label)
					),
					EncryptionError,
				)

	def validate_retention(self):
		if (self.access_log_retention_days or 0) < access_log.MIN_RETENTION_DAYS:
			frappe.throw(
				_("Access logs are kept for at least {0} days.").format(access_log.MIN_RETENTION_DAYS),
				PetitionValidationError,
			)

	def convert_stored_values(self):
		"""Values already stored follow the list: newly marked fields are encrypted, unmarked ones opened."""
		before = self.get_doc_before_save()
		old = {(r.document_type, r.field_name) for r in (before.encrypted_fields if before else [])}
		new = {(r.document_type, r.field_name) for r in self.encrypted_fields}
		for doctype, fieldname in sorted(new - old):
			encryption.reencrypt_field(doctype, fieldname, encrypt=True)
		for doctype, fieldname in sorted(old - new):
			if fieldname not in encryption.sensitive_section_fields().get(doctype, ()):
				encryption.reencrypt_field(doctype, fieldname, encrypt=False)
