"""Sites set up by `finish_local_setup` before it recorded Frappe's home page: setup complete, yet the desk
still pointed users at the setup wizard and showed them no navigation bar."""

import frappe

from petition_social_work.setup.install import mark_setup_complete


def execute():
	setup_complete = frappe.db.get_single_value("System Settings", "setup_complete")
	if setup_complete and frappe.db.get_default("desktop:home_page") == "setup-wizard":
		mark_setup_complete()
