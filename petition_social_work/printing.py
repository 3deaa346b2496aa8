"""Helpers the Appendix A–C print formats call from Jinja (hooks.py `jinja`).

The forms print a few values that live on the case and its petitioner rather than on the printed record;
they are read here, after checking that the current user may read the case, and never include the
petitioner's ID number. Option groups are printed as the standard prints them: every option of the
field, ☑ before the chosen ones and ☐ before the others.
"""

import frappe
from frappe import _
from markupsafe import Markup, escape

INTAKE = "Petition Intake"
CHOSEN, NOT_CHOSEN = "☑", "☐"

# Appendix A client basics; the ID type and number are deliberately absent
PETITIONER_PRINT_FIELDS = (
	"full_name",
	"gender",
	"phone",
	"address",
	"birth_month",
	"occupation",
	"economic_status",
	"language",
	"language_other",
	"marital_status",
	"marital_status_other",
	"education",
	"living_situation",
	"living_situation_other",
)
CASE_PRINT_FIELDS = ("petitioner", "responsible_worker_name")


def appendix_case(doc) -> frappe._dict:
	"""The printed record's case (`case`) and petitioner basics (`petitioner`), for a user who may read the case.

	The printed record and the petitioner are filtered as when they are sent to a reader: fields above the
	user's permission level are dropped, and encrypted values are opened only for those entrusted with them.
	"""
	case = doc.name if doc.doctype == INTAKE else doc.get("petition_intake")
	if not case:
		frappe.throw(_("Only a record of a case can be printed on this form."), frappe.PermissionError)
	frappe.has_permission(INTAKE, "read", doc=case, throw=True)
	doc.apply_fieldlevel_read_permissions()

	values = frappe.db.get_value(INTAKE, case, CASE_PRINT_FIELDS, as_dict=True)
	petitioner = frappe._dict()
	if values.petitioner:
		reader_copy = frappe.get_doc("Petitioner", values.petitioner)
		reader_copy.apply_fieldlevel_read_permissions()
		petitioner = frappe._dict({field: reader_copy.get(field) for field in PETITIONER_PRINT_FIELDS})
		petitioner.age = reader_copy.age  # derived from the birth month, never stored
	return frappe._dict(case=values, petitioner=petitioner)


def appendix_choices(doctype: str, fieldname: str, chosen: str | None, detail: str | None = None) -> Markup:
	"""Every option of a Select field, marked; `detail` follows the chosen option (its '请注明' text)."""
	options = (frappe.get_meta(doctype).get_field(fieldname).options or "").split("\n")
	marks = [
		_mark(option == chosen, _(option), detail if option == chosen else None)
		for option in options
		if option.strip()
	]
	return Markup(" ").join(marks)


def appendix_checks(
	doc, fieldnames: list[str], other: str | None = None, detail: str | None = None
) -> Markup:
	"""Check fields as one multi-choice group, labelled from the DocType; `other` is printed with `detail`."""
	meta = frappe.get_meta(doc.doctype)
	marks = []
	for fieldname in fieldnames:
		label = _(meta.get_label(fieldname))
		marks.append(_mark(doc.get(fieldname), label, detail if fieldname == other else None))
	return Markup(" ").join(marks)


def _mark(chosen, label: str, detail: str | None = None) -> Markup:
	text = escape(label)
	if chosen and detail:
		text += Markup("：") + escape(detail)
	return Markup('<span class="choice">{0}{1}</span>').format(CHOSEN if chosen else NOT_CHOSEN, text)
