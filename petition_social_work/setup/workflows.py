"""The app's workflows, kept as declarative files under `petition_social_work/workflow/`.

Frappe's fixtures overwrite a record on every migrate; these workflows are for admins to adapt, so a
shipped definition is installed when the workflow is missing, and updated on migrate only while the
workflow in the database is still exactly what the app installed last time. A workflow an admin has
edited in the UI is left as it is (and the skipped update is logged).
"""

import glob
import hashlib
import json
import os

import frappe

STATE_KEYS = ("state", "doc_status", "allow_edit", "update_field", "update_value")
TRANSITION_KEYS = ("state", "action", "next_state", "allowed", "allow_self_approval", "condition")
SETTINGS_KEYS = ("document_type", "is_active", "override_status", "send_email_alert", "workflow_state_field")


def sync_workflows() -> dict[str, str]:
	results = {}
	for path in sorted(glob.glob(os.path.join(workflow_folder(), "*", "*.json"))):
		with open(path, encoding="utf-8") as handle:
			definition = json.load(handle)
		results[definition["name"]] = sync_workflow(definition)
	return results


def workflow_folder() -> str:
	return frappe.get_app_path("petition_social_work", "petition_social_work", "workflow")


def sync_workflow(definition: dict) -> str:
	"""Install or update one workflow; returns what was done: installed, updated, unchanged or kept."""
	definition = dict(definition)
	styles = definition.pop("state_styles", {})
	ensure_states_and_actions(definition, styles)

	name = definition["name"]
	shipped = fingerprint(definition)
	key = f"petition_social_work.workflow.{name}"

	if not frappe.db.exists("Workflow", name):
		frappe.get_doc({**definition, "doctype": "Workflow"}).insert(ignore_permissions=True)
		frappe.db.set_default(key, shipped)
		return "installed"

	workflow = frappe.get_doc("Workflow", name)
	current = fingerprint(workflow.as_dict())
	if current == shipped:
		if frappe.db.get_default(key) != shipped:
			frappe.db.set_default(key, shipped)
		return "unchanged"
	if current != frappe.db.get_default(key):
		frappe.logger("petition_social_work").info(f"workflow {name} was edited on this site; kept as it is")
		return "kept"

	workflow.update({k: definition.get(k) for k in SETTINGS_KEYS})
	workflow.set("states", [{k: row.get(k) for k in STATE_KEYS} for row in definition["states"]])
	workflow.set(
		"transitions", [{k: row.get(k) for k in TRANSITION_KEYS} for row in definition["transitions"]]
	)
	workflow.save(ignore_permissions=True)
	frappe.db.set_default(key, shipped)
	return "updated"


def fingerprint(workflow: dict) -> str:
	"""A hash of what a workflow does, the same for the shipped file and the record in the database."""
	canonical = {
		"settings": [_plain(workflow.get(k)) for k in SETTINGS_KEYS],
		"states": [[_plain(row.get(k)) for k in STATE_KEYS] for row in workflow.get("states") or []],
		"transitions": [
			[_plain(row.get(k)) for k in TRANSITION_KEYS] for row in workflow.get("transitions") or []
		],
	}
	return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


def _plain(value) -> str:
	return "" if value is None else str(value)


def ensure_states_and_actions(definition: dict, styles: dict) -> None:
	"""Workflow State and Workflow Action Master records the workflow links to; existing ones are kept."""
	for row in definition["states"]:
		if not frappe.db.exists("Workflow State", row["state"]):
			frappe.get_doc(
				{
					"doctype": "Workflow State",
					"workflow_state_name": row["state"],
					"style": styles.get(row["state"], ""),
				}
			).insert(ignore_permissions=True)
	for row in definition["transitions"]:
		if not frappe.db.exists("Workflow Action Master", row["action"]):
			frappe.get_doc(
				{"doctype": "Workflow Action Master", "workflow_action_name": row["action"]}
			).insert(ignore_permissions=True)
