"""The same access rules over HTTP: /api/resource and /api/method with each user's API token."""

import frappe
from frappe.tests.test_api import FrappeAPITestCase

from petition_social_work.tests import factories as f


def token(user: str) -> dict:
	key, secret = (
		frappe.db.get_value("User", user, "api_key"),
		frappe.get_doc("User", user).get_password("api_secret"),
	)
	return {"Authorization": f"token {key}:{secret}"}


class TestRestAccess(FrappeAPITestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.alice, cls.bob = f.worker(1), f.worker(2)
		cls.case = f.open_case(owner=cls.alice)
		frappe.set_user("Administrator")
		frappe.db.commit()  # the requests run on their own connection

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_other_worker_gets_403_on_the_case(self):
		response = self.get(self.resource("Petition Intake", self.case.name), headers=token(self.bob))
		self.assertEqual(response.status_code, 403)
		response = self.get(self.resource("Petition Intake", self.case.name), headers=token(self.alice))
		self.assertEqual(response.status_code, 200)
		self.assertEqual(response.json["data"]["name"], self.case.name)

	def test_other_worker_does_not_list_the_case(self):
		params = {"limit_page_length": 0, "fields": '["name"]'}
		listed = self.get(self.resource("Petition Intake"), params, headers=token(self.bob))
		self.assertEqual(listed.status_code, 200)
		self.assertNotIn(self.case.name, [row["name"] for row in listed.json["data"]])
		listed = self.get(self.resource("Petition Intake"), params, headers=token(self.alice))
		self.assertIn(self.case.name, [row["name"] for row in listed.json["data"]])

	def test_other_worker_cannot_get_list_through_frappe_client(self):
		response = self.get(
			self.method("frappe.client.get_list"),
			{"doctype": "Petition Intake", "fields": '["name"]', "limit_page_length": 0},
			headers=token(self.bob),
		)
		self.assertEqual(response.status_code, 200)
		self.assertNotIn(self.case.name, [row["name"] for row in response.json["message"]])

	def test_other_worker_cannot_change_the_case(self):
		response = self.put(
			self.resource("Petition Intake", self.case.name),
			{"matter_summary": "篡改"},
			headers=token(self.bob),
		)
		self.assertEqual(response.status_code, 403)
		self.assertEqual(
			frappe.db.get_value("Petition Intake", self.case.name, "matter_summary"), "追讨拖欠工资"
		)

	def test_bad_id_number_over_http_is_refused_and_saves_nothing(self):
		before = frappe.db.count("Petitioner")
		good = f.mainland_id()
		bad = good[:-1] + ("1" if good[-1] == "0" else "0")
		response = self.post(
			self.resource("Petitioner"),
			{"full_name": "李四", "id_number": bad},
			headers=token(self.alice),
		)
		self.assertEqual(response.status_code, 417)
		self.assertIn(
			"check character",
			response.json.get("exception", "") + str(response.json.get("_server_messages", "")),
		)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("Petitioner"), before)
