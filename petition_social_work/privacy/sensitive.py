"""The sensitive section of a record (§4.5): identity number, phone, address, personality description,
mental-health and crisis notes sit at permission level 2, and are stored encrypted (`privacy.encryption`).

Roles give level 2 to workers, supervisors and managers; this narrows it to the people entrusted with
the case: the responsible worker, the users named on it, supervisors and managers. A worker who only
has the case shared with them sees the rest of the record, never this section. Whoever sees it is
logged, and encrypted values are opened for them in memory only.
"""

import frappe
from frappe.model.document import Document

from petition_social_work.privacy.access_log import log_sensitive_view
from petition_social_work.privacy.encryption import SENSITIVE_LEVEL, decrypt_for_reader
from petition_social_work.privacy.grading import INTAKE, is_named
from petition_social_work.roles import sees_whole_service


class ProtectedDocument(Document):
	"""Base class of the controllers whose DocType has a sensitive section."""

	def get_permlevel_access(self, permission_type="write"):
		levels = super().get_permlevel_access(permission_type)
		if SENSITIVE_LEVEL in levels and not self.is_entrusted_to():
			return [level for level in levels if level != SENSITIVE_LEVEL]
		return levels

	def onload(self):
		# saving from the desk sends the record back without Frappe's read filter: it is applied here
		self.apply_fieldlevel_read_permissions()

	def apply_fieldlevel_read_permissions(self):
		"""Runs whenever a record is sent to a reader: the desk form, /api/resource, frappe.client.get."""
		super().apply_fieldlevel_read_permissions()
		if frappe.session.user == "Administrator" or SENSITIVE_LEVEL in self.get_permlevel_access("read"):
			decrypt_for_reader(self)
			log_sensitive_view(self)

	def is_entrusted_to(self, user: str | None = None) -> bool:
		user = user or frappe.session.user
		cache = self.__dict__.setdefault("_entrusted", {})
		if user not in cache:
			cache[user] = self.is_new() or is_entrusted(self, user)
		return cache[user]


def is_entrusted(doc, user: str) -> bool:
	"""Is `user` one of the people entrusted with the case `doc` belongs to?"""
	if user == "Administrator" or sees_whole_service(user):
		return True
	if doc.doctype == "Petitioner":
		return doc.owner == user or _handles_case_of(doc.name, user)
	case = doc.name if doc.doctype == INTAKE else doc.get("petition_intake")
	if not case:
		return doc.owner == user
	return frappe.db.get_value(INTAKE, case, "responsible_worker") == user or is_named(case, user)


def _handles_case_of(petitioner: str, user: str) -> bool:
	intake, named = frappe.qb.DocType(INTAKE), frappe.qb.DocType("Case Authorised User")
	handled = (
		frappe.qb.from_(intake)
		.select(intake.name)
		.where((intake.petitioner == petitioner) & (intake.responsible_worker == user))
	)
	named_on = (
		frappe.qb.from_(named)
		.join(intake)
		.on(intake.name == named.parent)
		.select(intake.name)
		.where((intake.petitioner == petitioner) & (named.user == user) & (named.parenttype == INTAKE))
	)
	return bool(handled.union(named_on).limit(1).run())
