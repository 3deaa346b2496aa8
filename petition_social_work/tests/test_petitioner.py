"""Petitioner registration (§7.1.1, Appendix A client basics): identity checks that save nothing when wrong."""

import frappe
from frappe.utils import getdate

from petition_social_work.errors import InvalidIdentityError
from petition_social_work.privacy.encryption import decrypt_value
from petition_social_work.tests import factories as f
from petition_social_work.tests.utils import PetitionTestCase


class TestPetitioner(PetitionTestCase):
	def test_bad_id_numbers_are_refused_and_nothing_is_saved(self):
		worker = f.worker()
		good = f.mainland_id()
		before = self.count("Petitioner")
		for bad in (
			good[:-1] + ("1" if good[-1] == "0" else "0"),
			good[:17],
			"44010619801301123X",
			"ABCDEFGHIJKLMNOPQR",
		):
			with self.subTest(id_number=bad), self.assertRaises(InvalidIdentityError):
				f.make_petitioner(worker, id_number=bad)
		self.assertEqual(self.count("Petitioner"), before)

	def test_bad_phones_are_refused(self):
		worker = f.worker()
		before = self.count("Petitioner")
		for bad in ("12345", "2800138000", "138001380001", "电话"):
			with self.subTest(phone=bad), self.assertRaises(InvalidIdentityError):
				f.make_petitioner(worker, phone=bad)
		self.assertEqual(self.count("Petitioner"), before)

	def test_phone_is_normalised(self):
		petitioner = f.make_petitioner(f.worker(), phone="+86 138 0013 8000")
		self.assertEqual(decrypt_value(petitioner.phone), "13800138000")
		petitioner = f.make_petitioner(f.worker(), phone="02083334444")
		self.assertEqual(decrypt_value(petitioner.phone), "020-83334444")

	def test_id_number_gives_birth_month_gender_and_age(self):
		petitioner = f.make_petitioner(f.worker(), id_number=f.mainland_id("19700615", "131").lower())
		self.assertEqual(getdate(petitioner.birth_month), getdate("1970-06-01"))
		self.assertEqual(petitioner.gender, "Male")
		expected_age = getdate().year - 1970 - ((getdate().month, getdate().day) < (6, 1))
		self.assertEqual(petitioner.age, expected_age)
		self.assertEqual(frappe.get_doc("Petitioner", petitioner.name).age, expected_age)

	def test_birth_month_contradicting_the_id_number_is_refused(self):
		with self.assertRaises(InvalidIdentityError):
			f.make_petitioner(f.worker(), id_number=f.mainland_id("19700615"), birth_month="1971-06-01")

	def test_foreigner_passport_is_not_checked_as_a_mainland_id(self):
		"""§1, §7.1.2 k: foreigners and stateless people are served; their documents are not mainland IDs."""
		petitioner = f.make_petitioner(
			f.worker(), is_foreign=1, id_type="Passport", id_number="E12345678", nationality="越南"
		)
		self.assertEqual(decrypt_value(petitioner.id_number), "E12345678")

	def test_duplicate_id_number_is_warned_about(self):
		worker = f.worker()
		id_number = f.mainland_id("19650302", "457")
		first = f.make_petitioner(worker, id_number=id_number)
		frappe.clear_messages()
		f.make_petitioner(worker, id_number=id_number, full_name="陈建國")
		messages = " ".join(str(m) for m in frappe.message_log)
		self.assertIn(first.name, messages)
