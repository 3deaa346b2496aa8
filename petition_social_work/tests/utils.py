import frappe
from frappe.tests.utils import FrappeTestCase


class PetitionTestCase(FrappeTestCase):
	"""Each test starts and ends as Administrator; what a test does as a user it says with set_user."""

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def count(self, doctype: str, **filters) -> int:
		return frappe.db.count(doctype, filters)
