"""Holes Frappe 15 leaves in its own whitelisted methods, closed through `override_whitelisted_methods`.

- `frappe.client.get_count` counts with `frappe.db.count`, without the reader's permissions: a worker could
  count every case by any field, a liaison any record. Here it counts only what the user may list.
- Many methods that change data also answer GET (workflow actions, saving, sharing, assigning ...), and
  Frappe checks its CSRF token only on POST, PUT and DELETE: a link or an image on another page could act
  in a logged-in user's name. Here they answer POST and PUT only.
- Tags and likes are written to the document without any permission check: here a tag needs the right to
  write the document and a like the right to read it.
- Values Frappe does not check before they reach MariaDB (`check_field_values`, a doc event of the app's
  DocTypes): oversize text, words in numbers and check boxes, malformed times.
"""

import datetime
import functools
import importlib
import re

import frappe
from frappe import _
from frappe.utils import get_safe_filters

from petition_social_work.errors import throw_messages

UNSAFE_METHODS = ["POST", "PUT"]


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	"""`frappe.client.get_count` with the user's permissions (`debug` and `cache` are accepted and ignored)."""
	rows = frappe.get_list(
		doctype, filters=get_safe_filters(filters), fields=["count(*) as total"], order_by="", as_list=True
	)
	return rows[0][0] if rows else 0


def _post_only(method_path: str):
	"""The Frappe method at `method_path`, unchanged but for refusing GET."""
	module, name = method_path.rsplit(".", 1)
	method = getattr(importlib.import_module(module), name)

	@functools.wraps(method)
	def post_only(*args, **kwargs):
		return method(*args, **kwargs)

	return frappe.whitelist(methods=UNSAFE_METHODS)(post_only)


apply_workflow = _post_only("frappe.model.workflow.apply_workflow")
bulk_workflow_approval = _post_only("frappe.model.workflow.bulk_workflow_approval")
savedocs = _post_only("frappe.desk.form.save.savedocs")
cancel = _post_only("frappe.desk.form.save.cancel")
share_add = _post_only("frappe.share.add")
share_set_permission = _post_only("frappe.share.set_permission")
assign_add = _post_only("frappe.desk.form.assign_to.add")
assign_add_multiple = _post_only("frappe.desk.form.assign_to.add_multiple")
assign_remove = _post_only("frappe.desk.form.assign_to.remove")
assign_remove_multiple = _post_only("frappe.desk.form.assign_to.remove_multiple")
assign_close = _post_only("frappe.desk.form.assign_to.close")
submit_cancel_or_update_docs = _post_only(
	"frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs"
)
update_document_title = _post_only("frappe.model.rename_doc.update_document_title")
delete_items = _post_only("frappe.desk.reportview.delete_items")
update_comment = _post_only("frappe.desk.form.utils.update_comment")


@frappe.whitelist(methods=UNSAFE_METHODS)
def add_tag(tag: str, dt: str, dn: str, color=None):
	frappe.has_permission(dt, "write", dn, throw=True)
	from frappe.desk.doctype.tag.tag import add_tag as frappe_add_tag

	return frappe_add_tag(tag, dt, dn, color)


@frappe.whitelist(methods=UNSAFE_METHODS)
def add_tags(tags, dt: str, docs, color=None):
	for name in frappe.parse_json(docs):
		frappe.has_permission(dt, "write", name, throw=True)
	from frappe.desk.doctype.tag.tag import add_tags as frappe_add_tags

	return frappe_add_tags(tags, dt, docs, color)


@frappe.whitelist(methods=UNSAFE_METHODS)
def remove_tag(tag: str, dt: str, dn: str):
	frappe.has_permission(dt, "write", dn, throw=True)
	from frappe.desk.doctype.tag.tag import remove_tag as frappe_remove_tag

	return frappe_remove_tag(tag, dt, dn)


@frappe.whitelist(methods=UNSAFE_METHODS)
def toggle_like(doctype: str, name: str, add=False):
	frappe.has_permission(doctype, "read", name, throw=True)
	from frappe.desk.like import toggle_like as frappe_toggle_like

	return frappe_toggle_like(doctype, name, add)


# ---------------------------------------------------------------- values MariaDB or Frappe would mangle
APP_MODULE = "Petition Social Work"
TEXT_COLUMN_BYTES = 65535  # MariaDB `text`: Small Text and Text
NUMERIC_FIELDTYPES = ("Int", "Float", "Currency", "Percent")
TIME_OF_DAY = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?")


def check_field_values(doc, method=None):
	"""Refuse with a message what would otherwise fail as a server error or be stored changed (doc_events).

	Frappe checks the length of short fields only: a too-long text ends in a database error (HTTP 500), a
	word in a number or a check box is silently stored as 0, and a malformed time is a database error.
	"""
	if doc.meta.module != APP_MODULE:
		return
	problems = _field_value_problems(doc)
	for row in doc.get_all_children():
		problems += _field_value_problems(row)
	if problems:
		throw_messages(problems, frappe.ValidationError, title=_("Invalid Values"))


def _field_value_problems(doc) -> list[str]:
	problems = []
	for df in doc.meta.fields:
		value = doc.get(df.fieldname)
		if value is None or value == "":
			continue
		label = _(df.label or df.fieldname)
		if df.fieldtype in ("Small Text", "Text") and len(str(value).encode()) > TEXT_COLUMN_BYTES:
			problems.append(
				_("{0} is too long: at most {1} bytes.").format(frappe.bold(label), TEXT_COLUMN_BYTES)
			)
		elif df.fieldtype in NUMERIC_FIELDTYPES and not _is_number(value):
			problems.append(_("{0} must be a number.").format(frappe.bold(label)))
		elif df.fieldtype == "Check" and str(value) not in ("0", "1", "True", "False"):
			problems.append(_("{0} must be ticked or not (1 or 0).").format(frappe.bold(label)))
		elif df.fieldtype == "Time" and not _is_time(value):
			problems.append(_("{0} must be a time of day (HH:MM:SS).").format(frappe.bold(label)))
	return problems


def _is_number(value) -> bool:
	if isinstance(value, bool):
		return False
	if isinstance(value, int | float):
		return True
	try:
		float(str(value).replace(",", ""))
	except ValueError:
		return False
	return True


def _is_time(value) -> bool:
	"""A time of day as the desk sends it (H:MM, HH:MM:SS, with optional fractions); Frappe's own parser
	wraps impossible times such as 25:99 round the clock instead of refusing them."""
	if isinstance(value, datetime.time | datetime.timedelta):
		return True
	match = TIME_OF_DAY.fullmatch(str(value).strip())
	return bool(match) and int(match[1]) < 24 and int(match[2]) < 60 and int(match[3] or 0) < 60
