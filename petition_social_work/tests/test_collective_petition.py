"""§3.7, §7.2.1 collective petitions and their coordination meetings: the rules hold on save, and a worker
sees only the collective petitions they handle."""

import frappe

from petition_social_work.errors import PetitionValidationError
from petition_social_work.tests import collective_factories as cf
from petition_social_work.tests import factories as f
from petition_social_work.tests.utils import PetitionTestCase

COLLECTIVE, MEETING = "Collective Petition", "Coordination Meeting"


class TestCollectivePetitionRules(PetitionTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.alice = f.worker(1)

	def setUp(self):
		super().setUp()
		frappe.set_user(self.alice)

	def test_worker_records_a_collective_visit_and_handles_it(self):
		petition = cf.make_collective_petition()

		self.assertEqual(petition.handled_by, self.alice)
		self.assertTrue(petition.name.startswith("COL-"))
		self.assertEqual(petition.status, "Open")

	def test_sixth_representative_is_refused_and_nothing_saved(self):
		"""§7.2.1 a: the group chooses at most 5 representatives."""
		members = cf.make_members(6, representatives=6)
		before = self.count(COLLECTIVE)

		with self.assertRaisesRegex(PetitionValidationError, "6 representatives are marked.*at most 5"):
			cf.make_collective_petition(members=members, headcount=8)

		self.assertEqual(self.count(COLLECTIVE), before)
		self.assertEqual(
			frappe.db.count("Collective Petition Member", {"petitioner": members[0]["petitioner"]}), 0
		)

	def test_five_representatives_are_accepted(self):
		petition = cf.make_collective_petition(members=cf.make_members(5, representatives=5), headcount=5)

		self.assertEqual(sum(row.is_representative for row in petition.members), 5)

	def test_four_people_are_not_a_collective_petition(self):
		"""§3.7: it takes 5 or more people raising the same matter in one visit."""
		before = self.count(COLLECTIVE)

		with self.assertRaisesRegex(PetitionValidationError, "4 people is not a collective petition"):
			cf.make_collective_petition(members=[], headcount=4)

		self.assertEqual(self.count(COLLECTIVE), before)

	def test_large_scale_event_cannot_close_without_the_upward_report(self):
		"""§7.2.1 b: a large-scale collective petition is reported upward in time."""
		petition = cf.make_collective_petition(headcount=60, is_large_scale=1, told_procedure=1)

		petition.status = "Closed"
		with self.assertRaisesRegex(PetitionValidationError, "reported upward"):
			petition.save()
		self.assertEqual(frappe.db.get_value(COLLECTIVE, petition.name, "status"), "Open")

		petition.reload()
		petition.update(
			{"status": "Closed", "reported_upward_to": "广州市信访局", "reported_upward_on": "2026-03-02"}
		)
		petition.save()
		self.assertEqual(frappe.db.get_value(COLLECTIVE, petition.name, "status"), "Closed")

	def test_closing_needs_the_procedure_told(self):
		"""§7.2.1 e: the representatives are told the handling procedure before the group leaves."""
		petition = cf.make_collective_petition()

		petition.status = "Closed"
		with self.assertRaisesRegex(PetitionValidationError, "handling procedure"):
			petition.save()

	def test_police_notification_requires_the_persuasion_step(self):
		"""§7.2.1 f: those who stay are persuaded first, and only then are the local police notified."""
		with self.assertRaisesRegex(PetitionValidationError, "Persuade the petitioners to leave first"):
			cf.make_collective_petition(police_notified=1)

		petition = cf.make_collective_petition(police_notified=1, stayed_after_persuasion=1)
		self.assertEqual(str(petition.police_notified_on), frappe.utils.today())

	def test_consultation_meeting_records_its_decision_on_the_petition(self):
		"""§7.2.1 d: the consultation meeting's opinion is shown on the collective petition."""
		petition = cf.make_collective_petition()
		meeting = cf.make_coordination_meeting(
			meeting_type="Consultation on Collective Petition",
			collective_petition=petition.name,
			status="Held",
			decisions="区人社局牵头核查欠薪，十五日内答复",
		)

		petition.coordination_meeting = meeting.name
		petition.save()

		self.assertEqual(petition.consultation_decision, meeting.decisions)
		self.assertTrue(meeting.name.startswith("MTG-"))


class TestCoordinationMeetingRules(PetitionTestCase):
	def setUp(self):
		super().setUp()
		frappe.set_user(f.worker(1))

	def test_meeting_held_needs_its_decisions(self):
		meeting = cf.make_coordination_meeting()

		meeting.status = "Held"
		with self.assertRaisesRegex(PetitionValidationError, "decisions of the meeting"):
			meeting.save()

	def test_replied_meeting_needs_the_reply_and_its_date(self):
		"""§7.2.3 d: the outcome is replied to the petitioner."""
		meeting = cf.make_coordination_meeting(status="Held", decisions="民政局受理临时救助申请")

		meeting.status = "Replied"
		with self.assertRaisesRegex(PetitionValidationError, "reply given to the petitioner"):
			meeting.save()

		meeting.reload()
		meeting.update(
			{
				"status": "Replied",
				"reply_to_petitioner": "已当面告知信访人协调结果",
				"replied_on": frappe.utils.today(),
			}
		)
		meeting.save()
		self.assertEqual(frappe.db.get_value(MEETING, meeting.name, "status"), "Replied")


class TestCollectivePetitionAccess(PetitionTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.alice, cls.bob = f.worker(1), f.worker(2)
		frappe.set_user(cls.alice)
		cls.petition = cf.make_collective_petition()
		cls.meeting = cf.make_coordination_meeting(
			meeting_type="Consultation on Collective Petition", collective_petition=cls.petition.name
		)
		frappe.set_user(cls.bob)
		cls.bobs_petition = cf.make_collective_petition()
		frappe.set_user("Administrator")

	def test_worker_cannot_see_another_workers_collective_petition(self):
		frappe.set_user(self.bob)

		self.assertNotIn(self.petition.name, frappe.get_list(COLLECTIVE, pluck="name"))
		self.assertFalse(frappe.has_permission(COLLECTIVE, "read", doc=self.petition.name, user=self.bob))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(COLLECTIVE, self.petition.name).check_permission("read")
		self.assertIn(self.bobs_petition.name, frappe.get_list(COLLECTIVE, pluck="name"))

	def test_worker_cannot_see_a_meeting_on_another_workers_collective_petition(self):
		frappe.set_user(self.bob)

		self.assertNotIn(self.meeting.name, frappe.get_list(MEETING, pluck="name"))
		self.assertFalse(frappe.has_permission(MEETING, "read", doc=self.meeting.name, user=self.bob))

	def test_handling_worker_sees_the_petition_and_its_meeting(self):
		frappe.set_user(self.alice)

		self.assertIn(self.petition.name, frappe.get_list(COLLECTIVE, pluck="name"))
		self.assertNotIn(self.bobs_petition.name, frappe.get_list(COLLECTIVE, pluck="name"))
		self.assertIn(self.meeting.name, frappe.get_list(MEETING, pluck="name"))
		self.assertTrue(frappe.has_permission(MEETING, "write", doc=self.meeting.name, user=self.alice))

	def test_meeting_on_a_case_is_visible_to_the_cases_worker(self):
		case = f.open_case(owner=self.alice)
		frappe.set_user(f.supervisor())
		meeting = cf.make_coordination_meeting(petition_intake=case.name)

		frappe.set_user(self.alice)
		self.assertIn(meeting.name, frappe.get_list(MEETING, pluck="name"))
		self.assertTrue(frappe.has_permission(MEETING, "read", doc=meeting.name, user=self.alice))
		frappe.set_user(self.bob)
		self.assertNotIn(meeting.name, frappe.get_list(MEETING, pluck="name"))
		self.assertFalse(frappe.has_permission(MEETING, "read", doc=meeting.name, user=self.bob))

	def test_sharing_opens_a_collective_petition(self):
		frappe.share.add(COLLECTIVE, self.petition.name, self.bob, read=1)
		try:
			frappe.set_user(self.bob)
			self.assertIn(self.petition.name, frappe.get_list(COLLECTIVE, pluck="name"))
			self.assertTrue(frappe.has_permission(COLLECTIVE, "read", doc=self.petition.name, user=self.bob))
			self.assertIn(self.meeting.name, frappe.get_list(MEETING, pluck="name"))
		finally:
			frappe.set_user("Administrator")
			frappe.share.remove(COLLECTIVE, self.petition.name, self.bob)

	def test_supervisor_and_manager_see_every_collective_petition(self):
		for user in (f.supervisor(), f.manager()):
			frappe.set_user(user)
			with self.subTest(user=user):
				names = frappe.get_list(COLLECTIVE, pluck="name")
				self.assertIn(self.petition.name, names)
				self.assertIn(self.bobs_petition.name, names)
				self.assertIn(self.meeting.name, frappe.get_list(MEETING, pluck="name"))
				self.assertTrue(frappe.has_permission(COLLECTIVE, "read", doc=self.petition.name, user=user))

	def test_liaison_gets_no_access(self):
		liaison = f.liaison()
		frappe.set_user(liaison)
		for doctype, name in ((COLLECTIVE, self.petition.name), (MEETING, self.meeting.name)):
			with self.subTest(doctype=doctype):
				with self.assertRaises(frappe.PermissionError):
					frappe.get_list(doctype)
				self.assertFalse(frappe.has_permission(doctype, "read", doc=name, user=liaison))
