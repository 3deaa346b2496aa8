"""Life first (§4.3): risk found at an interview alerts supervisors at once and escalates if unanswered."""

from datetime import timedelta

import frappe
from frappe.utils import now_datetime

from petition_social_work.crisis import acknowledge, escalate_overdue_alerts, resolve
from petition_social_work.errors import CaseStateError, PetitionValidationError
from petition_social_work.tests import factories as f
from petition_social_work.tests.utils import PetitionTestCase

RED, ORANGE, YELLOW, BLUE = "Level I (Red)", "Level II (Orange)", "Level III (Yellow)", "Level IV (Blue)"


def crisis_plan_of(case: str):
	name = frappe.db.get_value("Crisis Plan", {"petition_intake": case}, "name")
	return frappe.get_doc("Crisis Plan", name) if name else None


def open_todos(plan: str, user: str) -> int:
	return frappe.db.count(
		"ToDo",
		{"reference_type": "Crisis Plan", "reference_name": plan, "allocated_to": user, "status": "Open"},
	)


def notifications(plan: str, user: str) -> int:
	return frappe.db.count(
		"Notification Log", {"document_type": "Crisis Plan", "document_name": plan, "for_user": user}
	)


class TestCrisisAlert(PetitionTestCase):
	def setUp(self):
		super().setUp()
		self.worker, self.supervisor, self.manager = f.worker(), f.supervisor(), f.manager()
		self.case = f.open_case(owner=self.worker)
		frappe.set_user(self.worker)

	def test_high_risk_interview_starts_the_crisis_plan_and_alerts_the_supervisor(self):
		"""§5.6 b, §5.8 a: the plan is active and the supervisor has a ToDo and a notification, in one request."""
		f.make_interview(self.case.name, risk_level=RED, risk_suicide_self_harm=1, risk_notes="流露轻生念头")
		plan = crisis_plan_of(self.case.name)
		self.assertIsNotNone(plan)
		self.assertEqual((plan.status, plan.warning_level, plan.risk_suicide_self_harm), ("Active", RED, 1))
		self.assertTrue(plan.alerted_on)
		self.assertEqual(open_todos(plan.name, self.supervisor), 1)
		self.assertGreaterEqual(notifications(plan.name, self.supervisor), 1)

	def test_risk_below_the_alert_level_starts_nothing(self):
		f.make_interview(self.case.name, risk_level=BLUE)
		f.make_interview(self.case.name, risk_level="No Risk")
		self.assertIsNone(crisis_plan_of(self.case.name))

	def test_the_service_sets_the_alert_level(self):
		frappe.db.set_single_value("Petition Service Settings", "alert_level", BLUE)
		frappe.clear_document_cache("Petition Service Settings", "Petition Service Settings")
		try:
			f.make_interview(self.case.name, risk_level=BLUE)
			self.assertIsNotNone(crisis_plan_of(self.case.name))
		finally:
			frappe.db.set_single_value("Petition Service Settings", "alert_level", ORANGE)
			frappe.clear_document_cache("Petition Service Settings", "Petition Service Settings")

	def test_unacknowledged_alert_escalates_to_the_manager_when_the_scheduler_runs(self):
		f.make_interview(self.case.name, risk_level=ORANGE, risk_violence=1)
		plan = crisis_plan_of(self.case.name)
		frappe.set_user("Administrator")
		self.assertNotIn(plan.name, escalate_overdue_alerts())  # not overdue yet

		frappe.db.set_value("Crisis Plan", plan.name, "alerted_on", now_datetime() - timedelta(hours=3))
		self.assertIn(plan.name, escalate_overdue_alerts())
		plan.reload()
		self.assertEqual(plan.status, "Escalated")
		self.assertTrue(plan.escalated_on)
		self.assertEqual(open_todos(plan.name, self.manager), 1)
		self.assertGreaterEqual(notifications(plan.name, self.manager), 1)
		self.assertNotIn(plan.name, escalate_overdue_alerts())  # escalated once

	def test_acknowledged_alert_does_not_escalate_and_resolution_is_recorded(self):
		f.make_interview(self.case.name, risk_level=RED)
		plan = crisis_plan_of(self.case.name)
		with self.assertRaises(frappe.PermissionError):
			acknowledge(plan.name)  # a worker cannot acknowledge their own alert

		frappe.set_user(self.supervisor)
		acknowledge(plan.name)
		frappe.db.set_value("Crisis Plan", plan.name, "alerted_on", now_datetime() - timedelta(hours=30))
		frappe.set_user("Administrator")
		self.assertNotIn(plan.name, escalate_overdue_alerts())

		frappe.set_user(self.supervisor)
		with self.assertRaises(frappe.ValidationError):
			resolve(plan.name, " ")
		resolve(plan.name, "已联系家属陪护并转介心理咨询")
		plan.reload()
		self.assertEqual(
			(plan.status, plan.acknowledged_by, plan.resolved_by),
			("Resolved", self.supervisor, self.supervisor),
		)
		self.assertEqual(open_todos(plan.name, self.supervisor), 0)

		frappe.set_user(self.worker)
		f.make_interview(self.case.name, risk_level=ORANGE)  # a new risk re-activates the resolved plan
		plan.reload()
		self.assertEqual(plan.status, "Active")
		self.assertFalse(plan.resolved_by)

	def test_worker_cannot_lower_a_level_set_by_the_supervisor(self):
		f.make_interview(self.case.name, risk_level=ORANGE)
		plan = crisis_plan_of(self.case.name)
		frappe.set_user(self.supervisor)
		plan.warning_level = RED
		plan.save()

		frappe.set_user(self.worker)
		plan.reload()
		plan.warning_level = YELLOW
		with self.assertRaises(CaseStateError):
			plan.save()
		self.assertEqual(frappe.db.get_value("Crisis Plan", plan.name, "warning_level"), RED)

		frappe.set_user(self.supervisor)
		plan.reload()
		plan.warning_level = YELLOW
		plan.save()
		self.assertEqual(frappe.db.get_value("Crisis Plan", plan.name, "warning_level"), YELLOW)

	def test_worker_cannot_set_the_alert_status_directly(self):
		f.make_interview(self.case.name, risk_level=RED)
		plan = crisis_plan_of(self.case.name)
		plan.status = "Resolved"
		plan.save()
		self.assertEqual(frappe.db.get_value("Crisis Plan", plan.name, "status"), "Active")

	def test_hand_over_to_the_police_needs_the_evidence_fixed(self):
		"""§6.3.4 e."""
		f.make_interview(self.case.name, risk_level=RED, risk_violence=1)
		plan = crisis_plan_of(self.case.name)
		plan.update({"handed_over_to": "Police", "handed_over_on": frappe.utils.today()})
		with self.assertRaises(CaseStateError):
			plan.save()
		plan.reload()
		self.assertFalse(plan.handed_over_to)
		plan.update(
			{
				"handed_over_to": "Police",
				"handed_over_on": frappe.utils.today(),
				"evidence_fixed": 1,
				"evidence_notes": "现场录像两段",
			}
		)
		plan.save()
		self.assertEqual(frappe.db.get_value("Crisis Plan", plan.name, "handed_over_to"), "Police")

	def test_other_worker_cannot_see_the_crisis_plan(self):
		f.make_interview(self.case.name, risk_level=RED)
		plan = crisis_plan_of(self.case.name)
		frappe.set_user(f.worker(2))
		self.assertNotIn(plan.name, frappe.get_list("Crisis Plan", pluck="name"))
		self.assertFalse(frappe.has_permission("Crisis Plan", "read", doc=plan.name))


class TestPetitionBehaviour(PetitionTestCase):
	def test_repeat_visit_is_an_irrational_petition_without_ticking(self):
		"""§3.4: the second visit on the same matter is classified by the records."""
		worker = f.worker()
		petitioner = f.make_petitioner(worker).name
		first = f.make_intake(
			petitioner, worker, first_contact_date=frappe.utils.add_days(frappe.utils.today(), -10)
		)
		second = f.make_intake(petitioner, worker)
		self.assertEqual(first.petition_behaviour, "Rational")
		self.assertEqual(second.petition_behaviour, "Irrational")

	def test_bypassing_levels_is_derived_from_the_levels(self):
		"""§3.6: a visit to the city about a community matter skips two levels."""
		worker = f.worker()
		intake = f.make_intake(
			f.make_petitioner(worker).name, worker, competent_level="Community", visit_level="City"
		)
		self.assertTrue(intake.is_bypassing)
		self.assertEqual(intake.petition_behaviour, "Irrational")
		intake.visit_level = "Town / Street"
		intake.save()
		self.assertFalse(intake.is_bypassing)
		self.assertEqual(intake.petition_behaviour, "Rational")

	def test_persistent_petitioning_needs_what_was_observed(self):
		"""§3.5: the worker's judgement is recorded with the behaviours and the evidence."""
		worker = f.worker()
		intake = f.make_intake(f.make_petitioner(worker).name, worker)
		intake.is_persistent_unruly = 1
		with self.assertRaises(PetitionValidationError):
			intake.save()
		intake.reload()
		self.assertFalse(intake.is_persistent_unruly)
		intake.update(
			{
				"is_persistent_unruly": 1,
				"behaviour_sit_in": 1,
				"persistent_evidence": "多次在区政府门口静坐，劝离无效",
			}
		)
		intake.save()
		self.assertEqual(intake.petition_behaviour, "Irrational")
