# Copyright (c) 2026, petition_social_work developers. See LICENSE.

import frappe
from frappe import _
from frappe.utils import getdate, today

from petition_social_work.errors import InvalidIdentityError, throw_problems
from petition_social_work.privacy.encryption import is_ciphertext, keyed_hash
from petition_social_work.privacy.sensitive import ProtectedDocument
from petition_social_work.rules import Problem
from petition_social_work.rules.identity import (
	age_on,
	birth_month_of,
	check_mainland_id,
	normalize_id_number,
	normalize_phone,
)

MAINLAND_ID = "Mainland ID Card"
# encrypted fields and the keyed hashes that still find a petitioner by them
SEARCH_KEYS = (("id_number", "id_number_hash"), ("phone", "phone_hash"), ("email", "email_hash"))


class Petitioner(ProtectedDocument):
	def validate(self):
		self.validate_id_number()
		self.validate_phone()
		self.validate_email()
		self.set_search_keys()
		self.normalize_birth_month()
		self.warn_of_duplicates()

	def validate_id_number(self):
		if is_ciphertext(self.id_number):
			return  # as stored: checked when it was entered
		self.id_number = normalize_id_number(self.id_number) or None
		if not self.id_number or self.id_type != MAINLAND_ID:
			return
		parsed = check_mainland_id(self.id_number, getdate(today()))
		if isinstance(parsed, Problem):
			throw_problems([parsed], InvalidIdentityError, title=_("Invalid ID Number"))

		if self.petitioner_type == "Citizen":
			born = birth_month_of(parsed.birth_date)
			if self.birth_month and birth_month_of(getdate(self.birth_month)) != born:
				frappe.throw(
					_("The birth month {0} does not match the ID number, which gives {1}.").format(
						getdate(self.birth_month).strftime("%Y-%m"), born.strftime("%Y-%m")
					),
					InvalidIdentityError,
				)
			self.birth_month = born
			self.gender = self.gender or parsed.gender

	def set_search_keys(self):
		"""ID number and phone are stored encrypted (§8.4 e); their keyed hashes find the same value again."""
		for fieldname, key in SEARCH_KEYS:
			if not is_ciphertext(self.get(fieldname)):
				self.set(key, keyed_hash(self.get(fieldname)))

	def validate_phone(self):
		if is_ciphertext(self.phone):
			return
		if not (self.phone or "").strip():
			self.phone = None
			return
		phone = normalize_phone(self.phone)
		if isinstance(phone, Problem):
			throw_problems([phone], InvalidIdentityError, title=_("Invalid Phone"))
		self.phone = phone

	def validate_email(self):
		if self.email and not is_ciphertext(self.email):
			self.email = self.email.strip().lower()
			frappe.utils.validate_email_address(self.email, throw=True)

	@property
	def age(self) -> int | None:
		"""Derived, never stored: it would go stale (Appendix A asks for both birth month and age)."""
		return age_on(getdate(self.birth_month), getdate(today())) if self.birth_month else None

	@age.setter
	def age(self, value):
		pass  # a value sent by a client is ignored: the age follows from the birth month

	def normalize_birth_month(self):
		if self.birth_month:
			self.birth_month = birth_month_of(getdate(self.birth_month))

	def warn_of_duplicates(self):
		"""§7.1.1: the same person is registered once; a match is shown to the worker, not refused."""
		for fieldname, key in SEARCH_KEYS:
			value = self.get(key)
			if not value or not (self.is_new() or self.has_value_changed(key)):
				continue
			matches = find_duplicates(key, value, exclude=self.name)
			if matches:
				frappe.msgprint(
					_(
						"Another petitioner has the same {0}: {1}. Please check this is not the same person."
					).format(_(self.meta.get_label(fieldname)), ", ".join(matches)),
					title=_("Possible Duplicate"),
					indicator="orange",
				)


def find_duplicates(fieldname: str, value: str, exclude: str | None = None) -> list[str]:
	# names only: a worker is told a match exists, without reading the other petitioner's record
	filters = {fieldname: value}
	if exclude:
		filters["name"] = ("!=", exclude)
	return frappe.get_all("Petitioner", filters=filters, pluck="name", limit=5, order_by="name asc")
