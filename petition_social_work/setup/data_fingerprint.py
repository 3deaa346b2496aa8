"""What a site holds of the app's data, in a comparable form (for the backup and restore check).

`bench --site <site> execute petition_social_work.setup.data_fingerprint.data_fingerprint` prints it as
JSON. Two sites holding the same records, attachments and readable encrypted values give equal
fingerprints; a site restored without the original encryption key differs only under "encryption".
"""

import hashlib
import importlib

import frappe

MODULE = "Petition Social Work"
# the records Frappe keeps about the app's documents: audit trail, comments, shares, assignments
RELATED = {
	"Version": "ref_doctype",
	"Comment": "reference_doctype",
	"DocShare": "share_doctype",
	"ToDo": "reference_type",
}


def data_fingerprint() -> dict:
	doctypes = frappe.get_all(
		"DocType",
		filters={"module": MODULE, "is_virtual": 0},
		fields=["name", "issingle"],
		order_by="name",
	)
	names = [d.name for d in doctypes]
	return {
		"records": {
			d.name: _single_digest(d.name) if d.issingle else _table_digest(d.name) for d in doctypes
		},
		"related": {
			doctype: frappe.db.count(doctype, {field: ("in", names)}) for doctype, field in RELATED.items()
		},
		"files": _files_digest(names),
		"encryption": _encryption_state(names),
	}


def _table_digest(doctype: str) -> dict:
	"""Row count and a sha256 over every column of every row, in name order."""
	table = frappe.qb.DocType(doctype)
	rows = frappe.qb.from_(table).select("*").orderby(table.name).run(as_dict=True)
	digest = hashlib.sha256()
	for row in rows:
		digest.update(repr(sorted((key, str(value)) for key, value in row.items())).encode())
	return {"rows": len(rows), "sha256": digest.hexdigest()}


def _single_digest(doctype: str) -> dict:
	singles = frappe.qb.DocType("Singles")
	values = (
		frappe.qb.from_(singles)
		.select(singles.field, singles.value)
		.where(singles.doctype == doctype)
		.orderby(singles.field)
		.run()
	)
	return {"rows": len(values), "sha256": hashlib.sha256(repr(values).encode()).hexdigest()}


def _files_digest(doctypes: list[str]) -> dict:
	"""The files attached to the app's records: how many, how many are missing on disk, and a sha256 over
	each one's reference and content."""
	files = frappe.get_all(
		"File",
		filters={"attached_to_doctype": ("in", doctypes), "is_folder": 0},
		fields=["name", "attached_to_doctype", "attached_to_name", "file_url", "is_private"],
		order_by="attached_to_doctype, attached_to_name, file_url, name",
	)
	digest, missing, private = hashlib.sha256(), 0, 0
	for file in files:
		try:
			content = _file_bytes(file.name)
		except FileNotFoundError:
			content, missing = b"\x00missing", missing + 1
		private += file.is_private
		reference = f"{file.attached_to_doctype}\x1f{file.attached_to_name}\x1f{file.file_url}\x1f"
		digest.update(reference.encode() + hashlib.sha256(content).digest())
	return {"count": len(files), "private": private, "missing": missing, "sha256": digest.hexdigest()}


def _file_bytes(name: str) -> bytes:
	with open(frappe.get_doc("File", name).get_full_path(), "rb") as handle:
		return handle.read()


def _encryption_state(doctypes: list[str]) -> dict | str:
	"""How many values are stored encrypted, how many this site's key cannot open, and a digest of them all
	decrypted."""
	try:
		encryption = importlib.import_module("petition_social_work.privacy.encryption")
	except ImportError:
		return "absent"
	encryption.clear_cache()  # which fields are encrypted: from this code and database, not a cached list
	stored = 0
	for doctype in doctypes:
		for fieldname in encryption.encrypted_fields(doctype):
			stored += frappe.db.count(doctype, {fieldname: ("like", encryption.PREFIX + "%")})
	return {
		"encrypted_values": stored,
		"unreadable": encryption.unreadable_count(),
		"decrypted_digest": encryption.decrypted_digest(),
	}
