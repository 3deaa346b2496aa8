"""Erasing a petitioner's personal data on request (PIPL; Frappe's Personal Data Deletion Request).

The petitioner record and every record of their cases lose their free text, attachments, Version
history, comments and Deleted Document copies; what statistics need stays as de-identified figures
(§8.2 b): matter types, areas, competent authorities, dates, states, grades and other chosen options.
"""

import frappe
from frappe import _
from frappe.core.doctype.access_log.access_log import make_access_log
from frappe.website.doctype.personal_data_deletion_request.personal_data_deletion_request import (
	PersonalDataDeletionRequest,
)

from petition_social_work.privacy.encryption import keyed_hash

MODULE = "Petition Social Work"
INTAKE = "Petition Intake"
FREE_TEXT = ("Data", "Small Text", "Text", "Long Text", "Text Editor", "Attach", "Attach Image", "Code")
# Data fields that hold statistical figures, not a person: areas and authorities (§8.2 b)
KEEP = {
	"problem_location",
	"competent_authority",
	"closure_category",
	"workflow_state",
	"naming_series",
	"responsible_worker_name",
}
ERASED_ERRATUM = "Personal data erased"


class PetitionerDeletionRequest(PersonalDataDeletionRequest):
	"""Frappe's request, extended to petitioners, who usually have no account on the site."""

	def disable_user(self):
		if frappe.db.exists("User", self.email):
			super().disable_user()

	def send_verification_mail(self):
		# a request a petitioner makes in person is recorded by staff, who approve it without e-mail
		try:
			super().send_verification_mail()
		except frappe.OutgoingEmailError:
			frappe.msgprint(_("No e-mail account is set up: confirm the request with the person directly."))

	def notify_user_after_deletion(self):
		try:
			super().notify_user_after_deletion()
		except frappe.OutgoingEmailError:
			frappe.msgprint(_("The data is erased, but no e-mail account is set up to tell the person so."))

	def _anonymize_data(self, email=None, anon=None, set_data=True, commit=False):
		email = email or self.email
		email_key = keyed_hash(email.strip().lower())
		for petitioner in frappe.get_all("Petitioner", filters={"email_hash": email_key}, pluck="name"):
			erase_petitioner(petitioner)
		if frappe.db.exists("User", email):
			return super()._anonymize_data(email, anon, set_data, commit)
		# no site account: Frappe's own steps end by renaming the User, which does not exist here
		self.db_set("status", "Deleted")


def erase_petitioner(petitioner: str) -> dict[str, int]:
	"""Anonymise one petitioner and everything of their cases; returns what was done, by kind."""
	cases = frappe.get_all(INTAKE, filters={"petitioner": petitioner}, pluck="name")
	records = [("Petitioner", petitioner)] + [(INTAKE, case) for case in cases] + _case_records(cases)
	done = {"records": 0, "versions": 0, "deleted_documents": 0, "files": 0, "comments": 0}

	for doctype, name in records:
		_blank_free_text(doctype, name)
		done["records"] += 1
	_blank_member_rows(petitioner)

	by_doctype: dict[str, list[str]] = {}
	for doctype, name in records:
		by_doctype.setdefault(doctype, []).append(name)
	for doctype, names in by_doctype.items():
		done["versions"] += _delete_where("Version", {"ref_doctype": doctype, "docname": ("in", names)})
		done["comments"] += _delete_where(
			"Comment", {"reference_doctype": doctype, "reference_name": ("in", names)}
		)
		done["comments"] += _delete_where(
			"Communication", {"reference_doctype": doctype, "reference_name": ("in", names)}
		)
		done["files"] += _delete_files(doctype, names)
		_redact_access_logs(doctype, names)
	done["deleted_documents"] = _delete_deleted_copies([petitioner, *cases])

	make_access_log(doctype="Petitioner", document=petitioner, method=ERASED_ERRATUM)
	return done


def _case_records(cases: list[str]) -> list[tuple[str, str]]:
	if not cases:
		return []
	records = []
	for doctype in _doctypes_with_case_link():
		for name in frappe.get_all(doctype, filters={"petition_intake": ("in", cases)}, pluck="name"):
			records.append((doctype, name))
	return records


def _doctypes_with_case_link() -> list[str]:
	doctypes = frappe.get_all(
		"DocType", filters={"module": MODULE, "istable": 0, "issingle": 0}, pluck="name"
	)
	return sorted(d for d in doctypes if d != INTAKE and frappe.get_meta(d).has_field("petition_intake"))


def _blank_free_text(doctype: str, name: str):
	meta = frappe.get_meta(doctype)
	values = {
		df.fieldname: None for df in meta.fields if df.fieldtype in FREE_TEXT and df.fieldname not in KEEP
	}
	for label_field in ("full_name", "petitioner_name"):
		if label_field in values:
			values[label_field] = _("Anonymised")
	if doctype == "Petitioner":
		values["birth_month"] = None
	if values:
		frappe.db.set_value(doctype, name, values, update_modified=False)
	for table in meta.get_table_fields():
		child = frappe.get_meta(table.options)
		blank = {
			df.fieldname: None
			for df in child.fields
			if df.fieldtype in FREE_TEXT and df.fieldname not in KEEP
		}
		if blank:
			frappe.db.set_value(
				table.options, {"parent": name, "parenttype": doctype}, blank, update_modified=False
			)


def _blank_member_rows(petitioner: str):
	"""A collective petition keeps its headcount; the member row loses the name."""
	if frappe.db.table_exists("Collective Petition Member"):
		member = frappe.get_meta("Collective Petition Member")
		values = {df.fieldname: None for df in member.fields if df.fieldtype in FREE_TEXT}
		values["full_name"] = _("Anonymised") if member.has_field("full_name") else None
		values = {k: v for k, v in values.items() if member.has_field(k)}
		frappe.db.set_value(
			"Collective Petition Member", {"petitioner": petitioner}, values, update_modified=False
		)


def _delete_where(doctype: str, filters: dict) -> int:
	names = frappe.get_all(doctype, filters=filters, pluck="name")
	if names:
		frappe.db.delete(doctype, {"name": ("in", names)})
	return len(names)


def _delete_files(doctype: str, names: list[str]) -> int:
	files = frappe.get_all(
		"File", filters={"attached_to_doctype": doctype, "attached_to_name": ("in", names)}, pluck="name"
	)
	for file in files:
		frappe.delete_doc("File", file, ignore_permissions=True, delete_permanently=True)
	return len(files)


def _redact_access_logs(doctype: str, names: list[str]):
	"""The log keeps who, when and which record; a printed page it holds goes."""
	log = frappe.qb.DocType("Access Log")
	(
		frappe.qb.update(log)
		.set(log.page, None)
		.where((log.export_from == doctype) & log.reference_document.isin(names))
		.run()
	)


def _delete_deleted_copies(names: list[str]) -> int:
	"""Deleted Document copies of the petitioner, their cases, or any record that named either."""
	deleted = frappe.qb.DocType("Deleted Document")
	app_doctypes = frappe.get_all("DocType", filters={"module": MODULE}, pluck="name")
	condition = deleted.deleted_name.isin(names)
	for name in names:
		condition |= deleted.data.like(f'%"{name}"%')
	found = (
		frappe.qb.from_(deleted)
		.select(deleted.name)
		.where(deleted.deleted_doctype.isin(app_doctypes) & condition)
		.run(pluck=True)
	)
	if found:
		frappe.db.delete("Deleted Document", {"name": ("in", found)})
	return len(found)
