"""Interview session numbers stay 1..N without gaps or duplicates under concurrent saves (Appendix B)."""

import threading

import frappe

from petition_social_work.tests import factories as f
from petition_social_work.tests.utils import PetitionTestCase

PARALLEL_SAVES = 6


class TestSessionNumbers(PetitionTestCase):
	def test_concurrent_interviews_get_distinct_consecutive_numbers(self):
		worker = f.worker()
		case = f.open_case(owner=worker)
		frappe.db.commit()  # the case must be visible to the other connections
		site, errors, barrier = frappe.local.site, [], threading.Barrier(PARALLEL_SAVES)

		def save_one(n):
			frappe.init(site=site)
			frappe.connect()
			try:
				frappe.set_user(worker)
				frappe.db.begin()
				barrier.wait(timeout=30)
				f.make_interview(case.name, purpose=f"并发会谈 {n}")
				frappe.db.commit()  # each thread is its own request
			except Exception as e:
				errors.append(repr(e))
				frappe.db.rollback()
			finally:
				frappe.destroy()

		threads = [threading.Thread(target=save_one, args=(n,)) for n in range(PARALLEL_SAVES)]
		for thread in threads:
			thread.start()
		for thread in threads:
			thread.join(timeout=120)

		self.assertEqual(errors, [])
		numbers = frappe.get_all(
			"Petition Interview",
			filters={"petition_intake": case.name},
			pluck="session_number",
			order_by="session_number",
		)
		self.assertEqual(numbers, list(range(1, PARALLEL_SAVES + 1)))
