"""§4.5 privacy and §8.3 a: disclosure, media use and interview recordings need the petitioner's consent."""

import io

import frappe
from frappe.utils import add_days, today
from PIL import Image

from petition_social_work.errors import ConsentRecordError, ConsentRequiredError
from petition_social_work.privacy.consent import require_consent, valid_disclosure_consents
from petition_social_work.rules.consent import DISCLOSURE, INTERVIEW_RECORDING, MEDIA_USE
from petition_social_work.tests import factories as f
from petition_social_work.tests.consent_factories import LEGAL_AID, make_consent, make_file
from petition_social_work.tests.utils import PetitionTestCase

CONSENT, REFERRAL, INTERVIEW = "Consent Record", "Petition Referral", "Petition Interview"
MEDIATION = "荔湾区人民调解委员会"


class TestReferralConsent(PetitionTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker, cls.supervisor = f.worker(), f.supervisor()
		frappe.set_user("Administrator")

	def setUp(self):
		super().setUp()
		# a case of its own per test: consents of one scenario never serve another
		self.case = f.open_case(owner=self.worker)
		self.petitioner = self.case.petitioner
		frappe.set_user(self.worker)

	def refuse_referral(self, **values) -> str:
		"""Assert the referral is refused for want of consent and that nothing was saved; return the message."""
		before = self.count(REFERRAL)
		with self.assertRaises(ConsentRequiredError) as refused:
			f.make_referral(self.case.name, with_consent=False, **values)
		self.assertEqual(self.count(REFERRAL), before)
		return str(refused.exception)

	def test_referral_without_consent_is_refused_and_nothing_saved(self):
		"""§4.5: nothing goes to an outside body without the petitioner's written consent."""
		message = self.refuse_referral()

		self.assertIn(self.petitioner, message)
		self.assertIn(LEGAL_AID, message)

	def test_referral_with_valid_consent_is_saved_and_names_its_consent(self):
		consent = make_consent(self.petitioner, case=self.case.name)

		referral = f.make_referral(self.case.name, with_consent=False)

		self.assertEqual(referral.consent_record, consent.name)
		self.assertFalse(referral.consent_override)

	def test_consent_given_outside_any_case_serves_every_case_of_the_petitioner(self):
		consent = make_consent(self.petitioner)

		self.assertEqual(f.make_referral(self.case.name, with_consent=False).consent_record, consent.name)

	def test_supervisor_overrides_with_a_reason_and_the_override_is_recorded(self):
		frappe.set_user(self.supervisor)
		with self.assertRaises(ConsentRequiredError):
			f.make_referral(self.case.name, with_consent=False, consent_override=1)  # no reason

		referral = f.make_referral(
			self.case.name,
			with_consent=False,
			consent_override=1,
			consent_override_reason="案主有自伤风险，需立即转介医疗机构（§4.3 生命至上）",
		)

		self.assertEqual(referral.override_by, self.supervisor)
		self.assertTrue(referral.override_on)
		self.assertFalse(referral.consent_record)

	def test_worker_cannot_override(self):
		"""The override fields are the supervisor's (permission level 1): a worker's tick is not taken."""
		self.refuse_referral(consent_override=1, consent_override_reason="急需转介")

	def test_withdrawn_consent_allows_no_new_referral(self):
		consent = make_consent(self.petitioner, case=self.case.name)
		earlier = f.make_referral(self.case.name, with_consent=False)

		consent.withdraw("案主不再同意向外披露")

		self.assertEqual(str(consent.withdrawn_on), today())
		self.assertEqual(consent.withdrawn_by, self.worker)
		self.assertIn(consent.name, self.refuse_referral())
		# the answer to a referral made while the consent held is still recorded (no new disclosure)
		earlier.update({"status": "Declined", "outcome": "对方不予受理"})
		earlier.save()
		self.assertEqual(frappe.db.get_value(REFERRAL, earlier.name, "status"), "Declined")

	def test_withdrawal_is_final(self):
		consent = make_consent(self.petitioner, case=self.case.name)
		consent.withdraw("案主撤回同意")

		consent.reload()
		consent.withdrawn_on = None
		with self.assertRaises(ConsentRecordError):
			consent.save()
		consent.reload()
		consent.valid_until = add_days(today(), 900)
		with self.assertRaises(ConsentRecordError):
			consent.save()
		consent.reload()
		with self.assertRaises(ConsentRecordError):
			consent.withdraw("再次撤回")
		self.assertTrue(frappe.db.get_value(CONSENT, consent.name, "withdrawn_on"))

	def test_withdrawal_only_through_the_withdraw_action(self):
		consent = make_consent(self.petitioner, case=self.case.name)
		consent.withdrawn_on = today()

		with self.assertRaises(ConsentRecordError):
			consent.save()
		self.assertFalse(frappe.db.get_value(CONSENT, consent.name, "withdrawn_on"))

	def test_expired_consent_allows_no_referral(self):
		consent = make_consent(
			self.petitioner, valid_from=add_days(today(), -400), valid_until=add_days(today(), -1)
		)

		self.assertIn(consent.name, self.refuse_referral())

	def test_consent_not_yet_in_force_on_the_referral_date(self):
		make_consent(self.petitioner, valid_from=add_days(today(), 1))

		self.refuse_referral()

	def test_consent_for_another_body_allows_no_referral_to_this_one(self):
		consent = make_consent(self.petitioner, disclosed_to=LEGAL_AID)

		self.assertIn(consent.name, self.refuse_referral(referred_to=MEDIATION))
		self.assertEqual(
			f.make_referral(self.case.name, with_consent=False, referred_to=f" {LEGAL_AID} ").consent_record,
			consent.name,
		)

	def test_consent_of_another_type_allows_no_referral(self):
		make_consent(self.petitioner, consent_type=MEDIA_USE, disclosed_to=LEGAL_AID)
		make_consent(self.petitioner, consent_type=INTERVIEW_RECORDING)

		self.refuse_referral()

	def test_linked_consent_of_another_petitioner_is_refused(self):
		other_case = f.open_case(owner=self.worker)
		frappe.set_user(self.worker)
		theirs = make_consent(other_case.petitioner, case=other_case.name)
		make_consent(self.petitioner, case=self.case.name)

		self.assertIn(theirs.name, self.refuse_referral(consent_record=theirs.name))

	def test_changing_the_receiving_body_asks_for_consent_again(self):
		referral = f.make_referral(self.case.name)
		referral.referred_to = MEDIATION
		referral.consent_record = None

		with self.assertRaises(ConsentRequiredError):
			referral.save()
		self.assertEqual(frappe.db.get_value(REFERRAL, referral.name, "referred_to"), LEGAL_AID)

	def test_link_search_offers_only_valid_consents_for_the_body_and_day(self):
		valid = make_consent(self.petitioner)
		make_consent(self.petitioner, disclosed_to=MEDIATION)
		make_consent(self.petitioner, valid_until=add_days(today(), -1), valid_from=add_days(today(), -90))
		make_consent(self.petitioner).withdraw("撤回")

		found = valid_disclosure_consents(
			CONSENT, "", "name", 0, 20, {"petitioner": self.petitioner, "recipient": LEGAL_AID, "on": today()}
		)

		self.assertEqual([row[0] for row in found], [valid.name])


class TestConsentRecord(PetitionTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker, cls.other_worker = f.worker(), f.worker(2)
		cls.supervisor, cls.liaison = f.supervisor(), f.liaison()
		cls.case = f.open_case(owner=cls.worker)
		cls.petitioner = cls.case.petitioner
		frappe.set_user("Administrator")

	def test_signed_consent_must_be_a_file_of_the_site(self):
		"""§4.5: the written consent (for media, the signed authorisation) is attached, not just named."""
		frappe.set_user(self.worker)
		before = self.count(CONSENT)
		for consent_type in (DISCLOSURE, MEDIA_USE):
			with self.assertRaises(ConsentRecordError):
				make_consent(self.petitioner, consent_type, signed_consent="/private/files/无此文件.pdf")
		self.assertEqual(self.count(CONSENT), before)

	def test_disclosure_consent_names_its_recipient(self):
		frappe.set_user(self.worker)
		with self.assertRaises(ConsentRecordError):
			make_consent(self.petitioner, disclosed_to="  ")

	def test_consent_records_who_recorded_it(self):
		frappe.set_user(self.worker)
		consent = make_consent(self.petitioner, case=self.case.name)

		self.assertEqual(consent.recorded_by, self.worker)
		self.assertEqual(str(consent.recorded_on), today())
		self.assertTrue(consent.name.startswith("CONSENT-"))

	def test_case_and_petitioner_must_agree(self):
		frappe.set_user(self.worker)
		other = f.make_petitioner(self.worker, full_name="李秀英", phone="13900139000")
		with self.assertRaises(ConsentRecordError):
			make_consent(other.name, case=self.case.name)

	def test_media_use_needs_a_valid_signed_authorisation(self):
		"""§4.5: media reports need a signed authorisation (`require_consent` for the lead's media use)."""
		with self.assertRaises(ConsentRequiredError):
			require_consent(self.petitioner, MEDIA_USE, "广州日报")

		frappe.set_user(self.worker)
		consent = make_consent(self.petitioner, MEDIA_USE, disclosed_to="广州日报")

		self.assertEqual(require_consent(self.petitioner, MEDIA_USE, "广州日报"), consent.name)
		with self.assertRaises(ConsentRequiredError):
			require_consent(self.petitioner, MEDIA_USE, "南方都市报")
		with self.assertRaises(ConsentRequiredError):
			require_consent(self.petitioner, MEDIA_USE, "广州日报", on=add_days(today(), 400))

	def test_consent_is_seen_as_its_case_or_its_petitioner(self):
		frappe.set_user(self.worker)
		with_case = make_consent(self.petitioner, case=self.case.name)
		without_case = make_consent(self.petitioner)
		names = {with_case.name, without_case.name}

		self.assertEqual(names & set(frappe.get_list(CONSENT, pluck="name")), names)
		self.assertTrue(frappe.has_permission(CONSENT, "write", without_case.name))
		self.assertFalse(frappe.has_permission(CONSENT, "delete", with_case.name))

		frappe.set_user(self.other_worker)
		self.assertFalse(names & set(frappe.get_list(CONSENT, pluck="name")))
		for name in names:
			self.assertFalse(frappe.has_permission(CONSENT, "read", name))

		frappe.set_user(self.supervisor)
		self.assertEqual(names & set(frappe.get_list(CONSENT, pluck="name")), names)

		frappe.set_user(self.liaison)
		self.assertFalse(frappe.has_permission(CONSENT, "read"))

	def test_worker_records_no_consent_for_a_petitioner_they_do_not_work_with(self):
		frappe.set_user(self.other_worker)
		before = self.count(CONSENT)
		for case in (None, self.case.name):
			with self.assertRaises(frappe.PermissionError):
				make_consent(self.petitioner, case=case)
		self.assertEqual(self.count(CONSENT), before)

	def test_worker_of_a_shared_case_sees_its_case_less_consents(self):
		shared_case = f.open_case(owner=self.worker)  # its own case: the share outlives this test
		frappe.set_user(self.worker)
		consent = make_consent(shared_case.petitioner)
		frappe.share.add_docshare(
			"Petition Intake", shared_case.name, self.other_worker, flags={"ignore_share_permission": True}
		)

		frappe.set_user(self.other_worker)
		self.assertIn(consent.name, frappe.get_list(CONSENT, pluck="name"))
		self.assertTrue(frappe.has_permission(CONSENT, "read", consent.name))


class TestInterviewRecording(PetitionTestCase):
	"""§8.3 a: interviews are recorded only with the petitioner's authorisation."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker = f.worker()
		frappe.set_user("Administrator")

	def setUp(self):
		super().setUp()
		self.case = f.open_case(owner=self.worker)
		frappe.set_user(self.worker)
		self.interview = f.make_interview(self.case.name)

	def attach(self, file_name: str) -> "frappe.Document":
		return make_file(file_name, attached_to_doctype=INTERVIEW, attached_to_name=self.interview.name)

	def attachments(self) -> int:
		return self.count("File", attached_to_doctype=INTERVIEW, attached_to_name=self.interview.name)

	def test_recording_without_consent_is_refused_and_nothing_attached(self):
		for recording in ("会谈录音.mp3", "session.M4A", "会谈录像.mp4", "call.amr"):
			with self.subTest(recording=recording), self.assertRaises(ConsentRequiredError):
				self.attach(recording)
		self.assertEqual(self.attachments(), 0)

	def test_recording_with_consent_is_attached(self):
		make_consent(self.case.petitioner, INTERVIEW_RECORDING, case=self.case.name)

		self.attach("会谈录音.mp3")

		self.assertEqual(self.attachments(), 1)

	def test_documents_and_images_attach_without_consent(self):
		self.attach("会谈记录.pdf")
		make_file("现场照片.jpg", jpeg(), attached_to_doctype=INTERVIEW, attached_to_name=self.interview.name)

		self.assertEqual(self.attachments(), 2)

	def test_other_consents_do_not_authorise_recording(self):
		make_consent(self.case.petitioner, DISCLOSURE, case=self.case.name)
		make_consent(self.case.petitioner, MEDIA_USE, case=self.case.name)

		with self.assertRaises(ConsentRequiredError):
			self.attach("会谈录音.mp3")

	def test_withdrawn_recording_consent_allows_no_further_recording(self):
		consent = make_consent(self.case.petitioner, INTERVIEW_RECORDING, case=self.case.name)
		self.attach("第一次录音.mp3")
		consent.withdraw("案主不愿再录音")

		with self.assertRaises(ConsentRequiredError):
			self.attach("第二次录音.mp3")
		self.assertEqual(self.attachments(), 1)

	def test_recording_consent_given_after_the_interview_does_not_cover_it(self):
		make_consent(self.case.petitioner, INTERVIEW_RECORDING, valid_from=add_days(today(), 1))

		with self.assertRaises(ConsentRequiredError):
			self.attach("会谈录音.mp3")

	def test_recordings_elsewhere_need_no_interview_consent(self):
		"""Only interviews are guarded here: a file on another record follows that record's own rules."""
		make_file("政策宣讲.mp3", attached_to_doctype="Petition Intake", attached_to_name=self.case.name)

		self.assertEqual(
			self.count("File", attached_to_doctype="Petition Intake", attached_to_name=self.case.name), 1
		)


def jpeg() -> bytes:
	"""A real (tiny) photo: Frappe re-encodes images on upload to strip their EXIF data."""
	output = io.BytesIO()
	Image.new("RGB", (4, 4), (200, 30, 30)).save(output, format="JPEG")
	return output.getvalue()


class TestMediaUse(PetitionTestCase):
	"""§4.5: a media report on a case needs the petitioner's signed authorisation."""

	def test_media_use_is_refused_without_authorisation_and_recorded_with_it(self):
		case = f.open_case()
		f.as_user(case.responsible_worker)
		case.reload()
		case.media_use = 1
		case.media_outlet = "广州日报"
		with self.assertRaises(ConsentRequiredError):
			case.save()
		self.assertEqual(frappe.db.get_value("Petition Intake", case.name, "media_use"), 0)

		consent = make_consent(case.petitioner, MEDIA_USE, case.name)
		case.reload()
		case.media_use = 1
		case.media_outlet = "广州日报"
		case.save()
		self.assertEqual(frappe.db.get_value("Petition Intake", case.name, "media_consent"), consent.name)
