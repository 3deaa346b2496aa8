"""Petition Intake's `assigned_to` becomes `assigned_worker`: Frappe's Assign To feature writes any field
named `assigned_to` directly, which let a reader of a case change who it is assigned to."""

import frappe
from frappe.model.utils.rename_field import rename_field


def execute():
	if frappe.db.has_column("Petition Intake", "assigned_to"):
		rename_field("Petition Intake", "assigned_to", "assigned_worker")
