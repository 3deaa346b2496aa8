"""Install and migrate: the shipped workflows and master data, created without overwriting an admin's edits."""

import frappe

from petition_social_work.privacy import access_log, encryption
from petition_social_work.setup.workflows import sync_workflows

# Common petition matter types (§8.2 b statistics group by them); an admin adds, renames or disables them.
DEFAULT_MATTER_TYPES = (
	"Labour and Social Security",
	"Land Acquisition and Demolition",
	"Housing and Urban Construction",
	"Rural and Agricultural Affairs",
	"Civil Affairs and Social Assistance",
	"Healthcare",
	"Education",
	"Public Security and Justice",
	"Environment",
	"Enterprise Restructuring",
	"Neighbourhood and Property Management",
	"Conduct of Officials",
	"Other",
)


def after_install():
	sync_workflows()
	create_default_matter_types()
	create_crisis_notifications()
	prepare_privacy()


def after_migrate():
	sync_workflows()
	create_crisis_notifications()
	prepare_privacy()


# Frappe Notifications fired by petition_social_work.crisis (event "Method"); created when missing, never overwritten
CRISIS_NOTIFICATIONS = (
	{
		"name": "Crisis Alert",
		"method": "on_crisis_alert",
		"role": "Petition Supervisor",
		"subject": "Crisis alert: {{ doc.petitioner_name }} ({{ _(doc.warning_level) }})",
	},
	{
		"name": "Crisis Alert Escalated",
		"method": "on_crisis_escalation",
		"role": "Petition Service Manager",
		"subject": "Escalated crisis alert: {{ doc.petitioner_name }} ({{ _(doc.warning_level) }})",
	},
)


def prepare_privacy():
	"""§4.5: the manager reads the access log, which is kept at least 180 days."""
	encryption.clear_cache()  # the sensitive section follows the DocTypes just synced
	access_log.let_manager_read()
	access_log.apply_retention()


def create_crisis_notifications():
	for spec in CRISIS_NOTIFICATIONS:
		if frappe.db.exists("Notification", spec["name"]):
			continue
		frappe.get_doc(
			{
				"doctype": "Notification",
				"name": spec["name"],
				"subject": spec["subject"],
				"document_type": "Crisis Plan",
				"event": "Method",
				"method": spec["method"],
				"channel": "System Notification",
				"enabled": 1,
				"recipients": [{"receiver_by_role": spec["role"]}],
				"message": "{{ doc.petition_intake }}: {{ _(doc.warning_level) }}",
			}
		).insert(ignore_permissions=True)


def create_default_matter_types():
	existing = set(frappe.get_all("Petition Matter Type", pluck="name"))
	for matter_type in DEFAULT_MATTER_TYPES:
		if matter_type not in existing:
			frappe.get_doc({"doctype": "Petition Matter Type", "matter_type_name": matter_type}).insert(
				ignore_permissions=True
			)


def finish_local_setup(language: str = "zh") -> None:
	"""A local or demo site skips Frappe's setup wizard: Guangzhou's country, time zone and language."""
	settings = frappe.get_single("System Settings")
	settings.update(
		{"country": "China", "time_zone": "Asia/Shanghai", "language": language, "date_format": "yyyy-mm-dd"}
	)
	settings.save(ignore_permissions=True)
	mark_setup_complete()
	frappe.db.commit()  # nosemgrep: frappe-manual-commit  # a bench command: keep the settings


def mark_setup_complete() -> None:
	"""What finishing Frappe's setup wizard records: without the home page the desk keeps sending users to
	the wizard and shows no navigation bar."""
	frappe.db.set_single_value("System Settings", "setup_complete", 1)
	frappe.db.set_default("desktop:home_page", "workspace")


def before_tests():
	frappe.clear_cache()
	mark_setup_complete()
	sync_workflows()
	create_default_matter_types()
	create_crisis_notifications()
	frappe.db.commit()  # nosemgrep: frappe-manual-commit  # the test runner starts each test class from this committed state
