"""The access log (§4.5, §8.4 e): who saw a sensitive section, printed or exported case data, and when.

Frappe's own Access Log holds the entries: Frappe already writes one for every print view, PDF,
report-view export and data export; the app adds one for every view of a sensitive section. The
manager reads them; nobody edits or deletes one, and Log Settings keeps them at least 180 days.
"""

import frappe
from frappe import _
from frappe.core.doctype.access_log.access_log import make_access_log

from petition_social_work.errors import ProtectedRecordError
from petition_social_work.roles import SERVICE_MANAGER

ACCESS_LOG = "Access Log"
VIEW_METHOD = "View sensitive section"
MIN_RETENTION_DAYS = 180
UNLOGGED_PRINT_PATHS = (
	"frappe.www.printview.get_html_and_style",
	"frappe.www.printview.get_rendered_raw_commands",
)


def log_sensitive_view(doc):
	if doc.is_new() or doc.flags.in_access_log:
		return
	doc.flags.in_access_log = True
	make_access_log(doctype=doc.doctype, document=doc.name, method=VIEW_METHOD)


# ---------------------------------------------------------------- Access Log is append-only
def refuse_change(log, method=None):
	if not log.is_new():
		frappe.throw(_("An access log entry cannot be changed."), ProtectedRecordError)


def refuse_deletion(log, method=None):
	# Log Settings' clean-up deletes expired entries in bulk, without this event
	frappe.throw(
		_("An access log entry cannot be deleted; entries expire after {0} days.").format(retention_days()),
		ProtectedRecordError,
	)


# ---------------------------------------------------------------- set up on install and migrate
def retention_days() -> int:
	days = frappe.db.get_single_value("Petition Privacy Settings", "access_log_retention_days") or 0
	return max(int(days), MIN_RETENTION_DAYS)


def apply_retention():
	"""Log Settings keeps Access Log entries for the configured days, never fewer than 180."""
	settings = frappe.get_single("Log Settings")
	days = retention_days()
	row = next((r for r in settings.logs_to_clear if r.ref_doctype == ACCESS_LOG), None)
	if row and row.days == days:
		return
	if row:
		row.days = days
	else:
		settings.append("logs_to_clear", {"ref_doctype": ACCESS_LOG, "days": days})
	settings.flags.ignore_permissions = True
	settings.save()


def let_manager_read():
	"""The service manager reads the Access Log (read and report only)."""
	perm = frappe.qb.DocType("Custom DocPerm")
	exists = (
		frappe.qb.from_(perm)
		.select(perm.name)
		.where((perm.parent == ACCESS_LOG) & (perm.role == SERVICE_MANAGER) & (perm.permlevel == 0))
		.run()
	)
	if exists:
		return
	from frappe.permissions import add_permission, update_permission_property

	add_permission(ACCESS_LOG, SERVICE_MANAGER, 0)
	update_permission_property(ACCESS_LOG, SERVICE_MANAGER, 0, "report", 1)


def log_print(doc, method=None, settings=None):
	"""before_print of every case record. Frappe logs the print view page and PDFs made from it
	(frappe.get_print, download_pdf); the desk's print preview it does not, so it is logged here."""
	if not (frappe.request and frappe.request.path.endswith(UNLOGGED_PRINT_PATHS)) or doc.flags.print_logged:
		return
	doc.flags.print_logged = True
	make_access_log(doctype=doc.doctype, document=doc.name, method="Print", file_type="PDF")
