"""§7.2.3 hardship petitions: a worker visits the petitioner and links relief, on their own open cases only."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, today

from petition_social_work.errors import CaseStateError, ResourceApplicationError
from petition_social_work.tests import factories as f
from petition_social_work.tests import hardship_factories as hf
from petition_social_work.tests.utils import PetitionTestCase

HARDSHIP_DOCTYPES = ("Petition Home Visit", "Resource Application")


class TestHardship(PetitionTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.alice, cls.bob = f.worker(1), f.worker(2)
		cls.case = f.open_case(owner=cls.alice)
		frappe.set_user(cls.alice)
		cls.visit = hf.make_home_visit(cls.case.name)
		cls.application = hf.make_resource_application(cls.case.name)
		frappe.set_user("Administrator")

	def test_worker_records_a_home_visit_and_an_application_on_their_case(self):
		"""§7.2.3 a and e: the visit finds the hardship, the application links the relief."""
		frappe.set_user(self.alice)
		visit = hf.make_home_visit(self.case.name, visit_type="Workplace Visit", persons_met="车间主任")
		application = hf.make_resource_application(self.case.name, status="Preparing")

		self.assertEqual(visit.visited_by, self.alice)
		self.assertEqual(visit.petitioner_name, self.case.petitioner_name)
		self.assertEqual(application.petitioner_name, self.case.petitioner_name)
		application.status = "Submitted"
		application.save()
		self.assertEqual(str(application.applied_on), today())

		application.update(
			{
				"status": "Partly Approved",
				"decided_on": today(),
				"amount_granted": 2000,
				"result": "批准 2000 元",
			}
		)
		application.save()
		application.replied_to_petitioner_on = today()
		application.save()
		self.assertEqual(
			frappe.db.get_value("Resource Application", application.name, ["status", "amount_granted"]),
			("Partly Approved", 2000),
		)
		self.assertIn(application.name, frappe.get_list("Resource Application", pluck="name"))

	def test_decision_without_its_result_is_refused_and_nothing_saved(self):
		"""§7.2.3 d: what the providing body decided must be recorded to be replied to the petitioner."""
		frappe.set_user(self.alice)
		application = hf.make_resource_application(self.case.name)
		application.update({"status": "Approved", "decided_on": today()})

		with self.assertRaises(ResourceApplicationError):
			application.save()
		self.assertEqual(frappe.db.get_value("Resource Application", application.name, "status"), "Submitted")

	def test_grant_above_the_request_is_refused(self):
		frappe.set_user(self.alice)
		application = hf.make_resource_application(self.case.name, amount_requested=3000)
		application.update(
			{"status": "Approved", "decided_on": today(), "result": "批准", "amount_granted": 3500}
		)

		with self.assertRaises(ResourceApplicationError):
			application.save()
		self.assertEqual(frappe.db.get_value("Resource Application", application.name, "amount_granted"), 0)

	def test_rejected_application_is_final(self):
		frappe.set_user(self.alice)
		application = hf.make_resource_application(self.case.name)
		application.update({"status": "Rejected", "decided_on": today(), "result": "不符合低保条件"})
		application.save()

		application.status = "Approved"
		with self.assertRaises(ResourceApplicationError):
			application.save()
		self.assertEqual(frappe.db.get_value("Resource Application", application.name, "status"), "Rejected")

	def test_reply_before_the_decision_is_refused(self):
		frappe.set_user(self.alice)
		with self.assertRaises(ResourceApplicationError):
			hf.make_resource_application(
				self.case.name,
				status="Submitted",
				replied_to_petitioner_on=add_days(today(), -1),
				decided_on=today(),
			)

	def test_other_worker_cannot_see_or_add_hardship_records(self):
		"""§4.5: a petitioner's hardship is seen only by the case's own worker."""
		frappe.set_user(self.bob)
		for doctype, name in (
			("Petition Home Visit", self.visit.name),
			("Resource Application", self.application.name),
		):
			with self.subTest(doctype=doctype):
				self.assertNotIn(name, frappe.get_list(doctype, pluck="name"))
				self.assertFalse(frappe.has_permission(doctype, "read", doc=name, user=self.bob))
				with self.assertRaises(frappe.PermissionError):
					frappe.get_doc(doctype, name).check_permission("read")

		before = {doctype: self.count(doctype) for doctype in HARDSHIP_DOCTYPES}
		with self.assertRaises(frappe.PermissionError):
			hf.make_home_visit(self.case.name)
		with self.assertRaises(frappe.PermissionError):
			hf.make_resource_application(self.case.name)
		self.assertEqual({doctype: self.count(doctype) for doctype in HARDSHIP_DOCTYPES}, before)

	def test_supervisor_sees_every_hardship_record(self):
		frappe.set_user(f.supervisor())
		self.assertIn(self.visit.name, frappe.get_list("Petition Home Visit", pluck="name"))
		self.assertIn(self.application.name, frappe.get_list("Resource Application", pluck="name"))
		self.assertTrue(frappe.has_permission("Resource Application", "write", doc=self.application.name))

	def test_nothing_is_recorded_on_an_ended_case(self):
		"""An ended case takes no more work: it is reopened first."""
		worker, supervisor = f.worker(), f.supervisor()
		intake = f.screen(
			f.make_intake(f.make_petitioner(worker).name, worker),
			worker,
			screen_not_accepted="Yes",
			decision="Not Accepted",
			decision_reason="已有处理意见且复查终结",
		)
		frappe.set_user(supervisor)
		intake = apply_workflow(intake, "Approve Not Accepting")

		before = {doctype: self.count(doctype) for doctype in HARDSHIP_DOCTYPES}
		with self.assertRaises(CaseStateError):
			hf.make_home_visit(intake.name)
		with self.assertRaises(CaseStateError):
			hf.make_resource_application(intake.name)
		self.assertEqual({doctype: self.count(doctype) for doctype in HARDSHIP_DOCTYPES}, before)
