"""What install and migrate leave on a site, in a comparable form (for the "migrate twice" check)."""

import frappe

MODULE = "Petition Social Work"


def site_fingerprint() -> dict:
	doctypes = frappe.get_all("DocType", filters={"module": MODULE}, pluck="name", order_by="name")
	singles = set(frappe.get_all("DocType", filters={"module": MODULE, "issingle": 1}, pluck="name"))
	workflows = frappe.get_all(
		"Workflow", filters={"document_type": ("in", doctypes)}, pluck="name", order_by="name"
	)
	return _plain(
		{
			"doctypes": {
				name: {
					"modified": str(frappe.db.get_value("DocType", name, "modified")),
					"columns": [] if name in singles else sorted(frappe.db.get_table_columns(name)),
				}
				for name in doctypes
			},
			"workflows": {name: _plain(frappe.get_doc("Workflow", name).as_dict()) for name in workflows},
			"roles": frappe.get_all(
				"Role",
				filters={"name": ("like", "Petition %")},
				fields=["name", "modified", "desk_access"],
				order_by="name",
			),
			"matter_types": frappe.get_all(
				"Petition Matter Type", fields=["name", "modified"], order_by="name"
			),
			"custom_fields": frappe.get_all(
				"Custom Field", filters={"dt": ("in", doctypes)}, fields=["name", "modified"], order_by="name"
			),
			"property_setters": frappe.get_all(
				"Property Setter",
				filters={"doc_type": ("in", doctypes)},
				fields=["name", "modified"],
				order_by="name",
			),
			"workflow_states": frappe.get_all("Workflow State", fields=["name", "modified"], order_by="name"),
			"defaults": frappe.get_all(
				"DefaultValue",
				filters={"defkey": ("like", "petition_social_work.%")},
				fields=["defkey", "defvalue"],
				order_by="defkey",
			),
		}
	)


def _plain(value):
	if isinstance(value, dict):
		return {k: _plain(value[k]) for k in sorted(value)}
	if isinstance(value, list):
		return [_plain(v) for v in value]
	return value if isinstance(value, int | float | str | type(None)) else str(value)
