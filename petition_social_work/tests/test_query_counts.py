"""Form and list requests of the case DocTypes stay under 20 queries (performance from the start)."""

import frappe
from frappe.desk.form.load import getdoc
from frappe.desk.reportview import get as reportview_get

from petition_social_work.tests import factories as f
from petition_social_work.tests.utils import PetitionTestCase

QUERY_BUDGET = 20


class TestQueryCounts(PetitionTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker = f.worker()
		cls.case = f.open_case(owner=cls.worker)
		frappe.set_user(cls.worker)
		cls.records = {
			"Petition Intake": cls.case.name,
			"Petitioner": cls.case.petitioner,
			"Petition Interview": f.make_interview(cls.case.name).name,
			"Service Plan": f.make_service_plan(cls.case.name).name,
			"Petition Referral": f.make_referral(cls.case.name).name,
		}
		for _ in range(5):
			f.open_case(owner=cls.worker)
		frappe.set_user("Administrator")

	def warm(self, call):
		call()  # the first call fills Frappe's caches (meta, permissions); the budget is for a warm request

	def test_form_load_as_worker(self):
		frappe.set_user(self.worker)
		for doctype, name in self.records.items():
			with self.subTest(doctype=doctype):
				self.warm(lambda: getdoc(doctype, name))
				with self.assertQueryCount(QUERY_BUDGET):
					getdoc(doctype, name)

	def test_list_as_worker(self):
		frappe.set_user(self.worker)
		for doctype in self.records:
			with self.subTest(doctype=doctype):

				def list_request():
					frappe.local.form_dict = frappe._dict(
						doctype=doctype,
						fields=[f"`tab{doctype}`.`name`"],
						page_length=20,
						with_comment_count=1,
					)
					return reportview_get()

				self.warm(list_request)
				with self.assertQueryCount(QUERY_BUDGET):
					list_request()
