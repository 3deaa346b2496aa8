"""Shipped workflows are installed on install and migrate, and an admin's edits in the UI survive migrate."""

import copy
import glob
import json
import os

import frappe

from petition_social_work.setup.workflows import sync_workflow, sync_workflows, workflow_folder
from petition_social_work.tests.utils import PetitionTestCase

INTAKE_WORKFLOW = "Petition Intake Lifecycle"


def shipped(name: str) -> dict:
	for path in glob.glob(os.path.join(workflow_folder(), "*", "*.json")):
		with open(path, encoding="utf-8") as handle:
			definition = json.load(handle)
		if definition["name"] == name:
			return definition
	raise AssertionError(name)


class TestWorkflowSync(PetitionTestCase):
	def tearDown(self):
		# each test edits the workflows; the next one starts from the installed state
		frappe.db.rollback()
		for name in ("Petition Intake Lifecycle", "Petition Interview Review"):
			frappe.clear_document_cache("Workflow", name)
		frappe.clear_cache()  # also the cached defaults holding the installed fingerprints
		super().tearDown()

	def test_installed_workflows_match_the_shipped_files(self):
		self.assertEqual(set(sync_workflows().values()), {"unchanged"})
		workflow = frappe.get_doc("Workflow", INTAKE_WORKFLOW)
		self.assertEqual(workflow.document_type, "Petition Intake")
		self.assertTrue(workflow.is_active)
		self.assertEqual(len(workflow.transitions), len(shipped(INTAKE_WORKFLOW)["transitions"]))

	def test_admin_edit_survives_migrate(self):
		workflow = frappe.get_doc("Workflow", INTAKE_WORKFLOW)
		workflow.append(
			"transitions",
			{
				"state": "Case Closed",
				"action": "Reopen",
				"next_state": "Screening",
				"allowed": "Petition Supervisor",
			},
		)
		workflow.save()
		self.assertEqual(sync_workflows()[INTAKE_WORKFLOW], "kept")
		actions = [(t.state, t.action) for t in frappe.get_doc("Workflow", INTAKE_WORKFLOW).transitions]
		self.assertEqual(actions.count(("Case Closed", "Reopen")), 2)

	def test_a_new_shipped_version_updates_an_unedited_workflow(self):
		definition = copy.deepcopy(shipped(INTAKE_WORKFLOW))
		definition["transitions"].append(
			{
				"state": "In Service",
				"action": "Return to Screening",
				"next_state": "Screening",
				"allowed": "Petition Supervisor",
				"allow_self_approval": 1,
				"condition": "",
			}
		)
		self.assertEqual(sync_workflow(definition), "updated")
		self.assertEqual(sync_workflow(definition), "unchanged")
		self.assertEqual(
			len(frappe.get_doc("Workflow", INTAKE_WORKFLOW).transitions), len(definition["transitions"])
		)

	def test_a_deleted_workflow_is_installed_again(self):
		frappe.delete_doc("Workflow", INTAKE_WORKFLOW, force=True)
		self.assertEqual(sync_workflows()[INTAKE_WORKFLOW], "installed")
		self.assertTrue(frappe.db.exists("Workflow", INTAKE_WORKFLOW))
