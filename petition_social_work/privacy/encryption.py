"""Encryption at rest of highly sensitive fields (§8.4 e "encrypted data").

A marked field holds ciphertext in MariaDB, made with the site's `encryption_key` (Fernet, as Frappe's
password fields are); it is decrypted only for a reader who may see it (`privacy.sensitive`). Equality
search still works through a keyed hash kept beside the ciphertext (`Petitioner.id_number_hash`): the
same number gives the same hash on every site that holds the same key, and nothing without it.

Which fields are encrypted: every text field of the sensitive section (permission level 2, see
`privacy.sensitive`), so that no list, report or export shows one in clear; and any other text field
the service marks in Petition Privacy Settings.
"""

import hashlib
import hmac

import frappe
from cryptography.fernet import Fernet, InvalidToken
from frappe import _
from frappe.utils.password import get_encryption_key

from petition_social_work.errors import EncryptionError

PREFIX = "enc1:"
SENSITIVE_LEVEL = 2
MODULE = "Petition Social Work"
ENCRYPTABLE_FIELDTYPES = ("Data", "Small Text", "Text", "Long Text")
UNREADABLE = "\u2014"  # shown instead of a value this site's key cannot decrypt
_CACHE_KEY = "petition_social_work:encrypted_fields"


def is_ciphertext(value) -> bool:
	return isinstance(value, str) and value.startswith(PREFIX)


def encrypt_value(plaintext: str) -> str:
	return PREFIX + Fernet(get_encryption_key().encode()).encrypt(plaintext.encode()).decode()


def decrypt_value(value: str) -> str:
	"""The plaintext of a stored value; raises EncryptionError when this site's key does not open it."""
	if not is_ciphertext(value):
		return value
	try:
		return Fernet(get_encryption_key().encode()).decrypt(value[len(PREFIX) :].encode()).decode()
	except (InvalidToken, ValueError):
		raise EncryptionError(
			_("This value was encrypted with another encryption key: restore the site's original key.")
		) from None


def keyed_hash(value: str | None) -> str | None:
	"""A site-keyed digest for equality search (duplicates) that reveals nothing without the key."""
	if not value:
		return None
	key = hashlib.sha256(b"petition_social_work:search:" + get_encryption_key().encode()).digest()
	return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def encrypted_fields(doctype: str) -> tuple[str, ...]:
	return tuple(_encrypted_field_map().get(doctype, ()))


def _encrypted_field_map() -> dict[str, list[str]]:
	fields = frappe.cache.get_value(_CACHE_KEY)
	if fields is None:
		fields = {doctype: list(names) for doctype, names in sensitive_section_fields().items()}
		if frappe.db.table_exists("Petition Encrypted Field"):
			for row in frappe.get_all(
				"Petition Encrypted Field",
				filters={"parenttype": "Petition Privacy Settings"},
				fields=["document_type", "field_name"],
				order_by="idx asc",
			):
				names = fields.setdefault(row.document_type, [])
				if row.field_name not in names:
					names.append(row.field_name)
		frappe.cache.set_value(_CACHE_KEY, fields)
	return fields


def sensitive_section_fields() -> dict[str, tuple[str, ...]]:
	"""The text fields at the sensitive level of the app's DocTypes: always encrypted."""
	found = {}
	for doctype in frappe.get_all(
		"DocType", filters={"module": MODULE, "istable": 0, "issingle": 0}, pluck="name"
	):
		names = tuple(
			df.fieldname
			for df in frappe.get_meta(doctype).fields
			if df.permlevel == SENSITIVE_LEVEL and df.fieldtype in ENCRYPTABLE_FIELDTYPES
		)
		if names:
			found[doctype] = names
	return found


def clear_cache():
	frappe.cache.delete_value(_CACHE_KEY)


# ---------------------------------------------------------------- document events
def encrypt_marked_fields(doc, method=None):
	"""before_save of every DocType: marked fields go to the database as ciphertext.

	An unchanged value keeps its old ciphertext, so a save without edits writes no new Version.
	"""
	fields = encrypted_fields(doc.doctype)
	if not fields:
		return
	# Frappe strips script from field values only after before_save, when these already hold ciphertext:
	# its own sanitiser runs here first, so an encrypted value is cleaned like every other value
	doc._sanitize_content()
	before = doc.get_doc_before_save()
	for fieldname in fields:
		value = doc.get(fieldname)
		if not value or is_ciphertext(value):
			continue
		stored = before.get(fieldname) if before else None
		if is_ciphertext(stored) and _opens_to(stored, value):
			doc.set(fieldname, stored)
			continue
		doc.set(fieldname, _checked_ciphertext(doc, fieldname, value))


def decrypt_for_reader(doc):
	"""In memory only, for a reader already allowed the field: never written back as plaintext."""
	for fieldname in encrypted_fields(doc.doctype):
		value = doc.get(fieldname)
		if is_ciphertext(value):
			try:
				doc.set(fieldname, decrypt_value(value))
			except EncryptionError:
				doc.set(fieldname, UNREADABLE)


def _opens_to(stored: str, value: str) -> bool:
	try:
		return decrypt_value(stored) == value
	except EncryptionError:
		return False


def _checked_ciphertext(doc, fieldname: str, value: str) -> str:
	if value == UNREADABLE:
		frappe.throw(_("An unreadable value cannot be saved: restore the site's encryption key first."))
	ciphertext = encrypt_value(value)
	df = doc.meta.get_field(fieldname)
	if df and df.fieldtype == "Data" and len(ciphertext) > (df.length or 140):
		frappe.throw(
			_("{0} is too long to be stored encrypted: at most {1} characters fit.").format(
				_(df.label), _data_capacity(df.length or 140)
			),
			EncryptionError,
		)
	return ciphertext


def _data_capacity(length: int) -> int:
	"""The longest plaintext (in bytes) whose ciphertext fits a Data column of `length` characters."""
	size = 0
	while len(PREFIX) + _fernet_length(size + 1) <= length:
		size += 1
	return size


def _fernet_length(plain_bytes: int) -> int:
	padded = (plain_bytes // 16 + 1) * 16
	raw = 1 + 8 + 16 + padded + 32
	return 4 * ((raw + 2) // 3)


# ---------------------------------------------------------------- whole-site operations
def reencrypt_field(doctype: str, fieldname: str, encrypt: bool):
	"""Marking or unmarking a field in the settings converts the values already stored (no value is lost)."""
	table = frappe.qb.DocType(doctype)
	rows = (
		frappe.qb.from_(table).select(table.name, table[fieldname]).where(table[fieldname].isnotnull()).run()
	)
	for name, value in rows:
		if not value or is_ciphertext(value) == encrypt:
			continue
		new_value = encrypt_value(value) if encrypt else decrypt_value(value)
		frappe.db.set_value(doctype, name, fieldname, new_value, update_modified=False)


def decrypted_digest() -> str:
	"""sha256 over every encrypted value of the site, decrypted: equal on two sites holding the same data
	and key. A value this site cannot decrypt enters as unreadable, so the digest differs."""
	digest = hashlib.sha256()
	for doctype, fields in sorted(_encrypted_field_map().items()):
		if not frappe.db.table_exists(doctype):
			continue
		table = frappe.qb.DocType(doctype)
		query = frappe.qb.from_(table).select(table.name, *(table[f] for f in fields)).orderby(table.name)
		for name, *values in query.run():
			for fieldname, value in zip(fields, values, strict=True):
				try:
					plain = decrypt_value(value) if value else ""
				except EncryptionError:
					plain = "\x00unreadable"
				digest.update(f"{doctype}\x1f{name}\x1f{fieldname}\x1f{plain}\x1e".encode())
	return digest.hexdigest()


def unreadable_count() -> int:
	"""How many stored encrypted values this site's key cannot open (0 on a healthy site)."""
	count = 0
	for doctype, fields in _encrypted_field_map().items():
		if not frappe.db.table_exists(doctype):
			continue
		for fieldname in fields:
			for value in frappe.get_all(
				doctype, filters={fieldname: ("like", PREFIX + "%")}, pluck=fieldname
			):
				try:
					decrypt_value(value)
				except EncryptionError:
					count += 1
	return count
