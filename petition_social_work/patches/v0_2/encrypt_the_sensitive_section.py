"""Values stored before the sensitive section was encrypted (§8.4 e) are encrypted in place; the
petitioner's search keys are computed from them first."""

import frappe

from petition_social_work.petition_social_work.doctype.petitioner.petitioner import SEARCH_KEYS
from petition_social_work.privacy import encryption


def execute():
	encryption.clear_cache()
	fields = [fieldname for fieldname, _key in SEARCH_KEYS]
	for row in frappe.get_all("Petitioner", fields=["name", *fields]):
		keys = {
			key: encryption.keyed_hash(
				row[fieldname].strip().lower() if fieldname == "email" else row[fieldname]
			)
			for fieldname, key in SEARCH_KEYS
			if row[fieldname] and not encryption.is_ciphertext(row[fieldname])
		}
		if keys:
			frappe.db.set_value("Petitioner", row.name, keys, update_modified=False)

	for doctype, names in encryption.sensitive_section_fields().items():
		for fieldname in names:
			encryption.reencrypt_field(doctype, fieldname, encrypt=True)
