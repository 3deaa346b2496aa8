# Copyright (c) 2026, petition_social_work developers. See LICENSE.

from frappe.model.document import Document


class PetitionEncryptedField(Document):
	pass
