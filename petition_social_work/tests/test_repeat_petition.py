"""Repeat petitions (§3.4, §7.1.2 j) are derived from earlier intakes, not only ticked by hand."""

from frappe.utils import add_days, today

from petition_social_work.tests import factories as f
from petition_social_work.tests.utils import PetitionTestCase


class TestRepeatPetition(PetitionTestCase):
	def test_second_visit_on_the_same_matter_is_a_repeat_petition(self):
		worker = f.worker()
		petitioner = f.make_petitioner(worker).name
		first = f.make_intake(petitioner, worker, first_contact_date=add_days(today(), -30))
		second = f.make_intake(petitioner, worker, problem_location=" 广州市 荔湾区 ")
		self.assertFalse(first.is_repeat_petition)
		self.assertTrue(second.is_repeat_petition)
		self.assertEqual(second.repeat_of, first.name)
		self.assertEqual(second.screen_repeat, "Yes")
		self.assertIn("§3.4", second.screening_outcome)

	def test_letters_and_other_matters_are_not_repeat_visits(self):
		worker = f.worker()
		petitioner = f.make_petitioner(worker).name
		f.make_intake(
			petitioner, worker, first_contact_date=add_days(today(), -30), petition_channel="Letter"
		)
		by_visit = f.make_intake(petitioner, worker)
		self.assertFalse(by_visit.is_repeat_petition)
		other_matter = f.make_intake(petitioner, worker, matter_type="Healthcare")
		self.assertFalse(other_matter.is_repeat_petition)
		other_place = f.make_intake(petitioner, worker, problem_location="广州市天河区")
		self.assertFalse(other_place.is_repeat_petition)

	def test_another_petitioner_on_the_same_matter_is_not_a_repeat(self):
		worker = f.worker()
		f.make_intake(f.make_petitioner(worker).name, worker, first_contact_date=add_days(today(), -3))
		other = f.make_intake(f.make_petitioner(worker, full_name="王芳", phone="13900139000").name, worker)
		self.assertFalse(other.is_repeat_petition)
