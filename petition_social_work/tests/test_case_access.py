"""A worker sees and edits only their own or shared cases, in every path Frappe offers (§4.5)."""

import frappe
import frappe.client
from frappe.desk.reportview import get as reportview_get
from frappe.desk.reportview import get_count as reportview_get_count
from frappe.desk.search import search_link

from petition_social_work.tests import factories as f
from petition_social_work.tests.utils import PetitionTestCase


class TestCaseAccess(PetitionTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.alice, cls.bob = f.worker(1), f.worker(2)
		cls.case = f.open_case(owner=cls.alice)
		frappe.set_user(cls.alice)
		cls.interview = f.make_interview(cls.case.name)
		cls.plan = f.make_service_plan(cls.case.name)
		frappe.set_user("Administrator")

	def test_other_worker_cannot_read_the_case_or_its_records(self):
		frappe.set_user(self.bob)
		for doctype, name in (
			("Petition Intake", self.case.name),
			("Petition Interview", self.interview.name),
			("Service Plan", self.plan.name),
			("Petitioner", self.case.petitioner),
		):
			with self.subTest(doctype=doctype):
				self.assertFalse(frappe.has_permission(doctype, "read", doc=name, user=self.bob))
				with self.assertRaises(frappe.PermissionError):
					frappe.get_doc(doctype, name).check_permission("read")

	def test_other_worker_does_not_find_the_case_in_lists_reports_or_search(self):
		frappe.set_user(self.bob)
		self.assertNotIn(self.case.name, frappe.get_list("Petition Intake", pluck="name"))
		self.assertNotIn(
			self.case.name, [r.name for r in frappe.client.get_list("Petition Intake", limit_page_length=0)]
		)
		self.assertNotIn(self.interview.name, frappe.get_list("Petition Interview", pluck="name"))
		self.assertNotIn(self.case.petitioner, frappe.get_list("Petitioner", pluck="name"))
		frappe.local.form_dict = frappe._dict(doctype="Petition Intake", filters={"name": self.case.name})
		self.assertEqual(reportview_get_count(), 0)
		frappe.local.form_dict = frappe._dict(
			doctype="Petition Intake", fields=["`tabPetition Intake`.`name`"]
		)
		report = reportview_get()  # Frappe answers an empty list with [] instead of {"keys", "values"}
		rows = report.get("values", []) if isinstance(report, dict) else report
		self.assertNotIn(self.case.name, [row[0] for row in rows])
		results = search_link("Petition Intake", self.case.name)
		self.assertNotIn(self.case.name, [r["value"] for r in results])

	def test_other_worker_cannot_write_the_case(self):
		frappe.set_user(self.bob)
		with self.assertRaises(frappe.PermissionError):
			frappe.client.set_value("Petition Intake", self.case.name, "matter_summary", "改")
		with self.assertRaises(frappe.PermissionError):
			f.make_interview(self.case.name)
		self.assertEqual(self.count("Petition Interview", petition_intake=self.case.name), 1)

	def test_responsible_worker_sees_their_case(self):
		frappe.set_user(self.alice)
		self.assertIn(self.case.name, frappe.get_list("Petition Intake", pluck="name"))
		self.assertIn(self.interview.name, frappe.get_list("Petition Interview", pluck="name"))
		self.assertIn(self.case.petitioner, frappe.get_list("Petitioner", pluck="name"))

	def test_sharing_a_case_opens_it_and_its_records(self):
		frappe.set_user(f.supervisor())
		frappe.share.add("Petition Intake", self.case.name, self.bob, read=1, write=1)
		try:
			frappe.set_user(self.bob)
			self.assertIn(self.case.name, frappe.get_list("Petition Intake", pluck="name"))
			self.assertIn(self.interview.name, frappe.get_list("Petition Interview", pluck="name"))
			self.assertTrue(frappe.has_permission("Petition Interview", "write", doc=self.interview.name))
			self.assertTrue(frappe.has_permission("Petitioner", "read", doc=self.case.petitioner))
		finally:
			frappe.set_user("Administrator")
			frappe.share.remove("Petition Intake", self.case.name, self.bob)

	def test_supervisor_and_manager_see_the_whole_service(self):
		for user in (f.supervisor(), f.manager()):
			frappe.set_user(user)
			with self.subTest(user=user):
				self.assertIn(self.case.name, frappe.get_list("Petition Intake", pluck="name"))
				self.assertIn(self.interview.name, frappe.get_list("Petition Interview", pluck="name"))

	def test_liaison_sees_no_personal_data(self):
		frappe.set_user(f.liaison())
		for doctype in (
			"Petitioner",
			"Petition Intake",
			"Petition Interview",
			"Service Plan",
			"Case Closure",
		):
			with self.subTest(doctype=doctype):
				with self.assertRaises(frappe.PermissionError):
					frappe.get_list(doctype)

	def test_reassignment_moves_access(self):
		"""Responsibility follows the responsible-worker field, not who created the record."""
		supervisor = f.supervisor()
		case = f.open_case(owner=self.alice)
		frappe.set_user(supervisor)
		frappe.db.set_value("Petition Intake", case.name, "responsible_worker", self.bob)
		frappe.set_user(self.alice)
		self.assertNotIn(case.name, frappe.get_list("Petition Intake", pluck="name"))
		frappe.set_user(self.bob)
		self.assertIn(case.name, frappe.get_list("Petition Intake", pluck="name"))
