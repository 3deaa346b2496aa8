"""Privacy of petitioners (§4.5, §8.4 e): the sensitive section, encryption at rest, archive grades,
the access log, deletion by the manager only, and erasure on a personal data deletion request."""

import frappe
from frappe.desk.form.load import getdoc

from petition_social_work.errors import ConfidentialityError, EncryptionError, ProtectedRecordError
from petition_social_work.privacy import encryption
from petition_social_work.privacy.access_log import VIEW_METHOD
from petition_social_work.privacy.erasure import erase_petitioner
from petition_social_work.tests import factories as f
from petition_social_work.tests.utils import PetitionTestCase


def read_as(user: str, doctype: str, name: str) -> dict:
	"""The record as the desk form receives it (frappe.desk.form.load.getdoc)."""
	f.as_user(user)
	frappe.response.docs = []
	getdoc(doctype, name)
	return frappe.response.docs[0].as_dict()


def stored(doctype: str, name: str, fieldname: str):
	return frappe.db.get_value(doctype, name, fieldname)


def view_logs(user: str, doctype: str, name: str) -> int:
	return frappe.db.count(
		"Access Log",
		{"user": user, "export_from": doctype, "reference_document": name, "method": VIEW_METHOD},
	)


class TestSensitiveSection(PetitionTestCase):
	"""§4.5: only the people entrusted with a case read its sensitive section."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.alice, cls.bob = f.worker(1), f.worker(2)
		cls.id_number = f.mainland_id("19720814", "615")
		frappe.set_user("Administrator")
		cls.petitioner = f.make_petitioner(cls.alice, id_number=cls.id_number, full_name="黎秀英").name
		cls.case = f.open_case(cls.petitioner, cls.alice).name
		frappe.set_user("Administrator")
		frappe.share.add("Petition Intake", cls.case, cls.bob, read=1, write=1)

	def test_the_responsible_worker_reads_the_section_decrypted(self):
		petitioner = read_as(self.alice, "Petitioner", self.petitioner)
		self.assertEqual(petitioner["id_number"], self.id_number)
		self.assertEqual(petitioner["phone"], "13800138000")
		case = read_as(self.alice, "Petition Intake", self.case)
		self.assertEqual(case["assessment_bio_psycho_social"], "身体健康，情绪焦虑")

	def test_a_worker_the_case_is_only_shared_with_does_not(self):
		case = read_as(self.bob, "Petition Intake", self.case)
		self.assertEqual(case["matter_type"], "Labour and Social Security")  # the rest of the case is there
		self.assertEqual(
			encryption.decrypt_value(stored("Petition Intake", self.case, "assessment_bio_psycho_social")),
			"身体健康，情绪焦虑",
		)
		for fieldname in ("assessment_bio_psycho_social", "emotion", "behaviour", "language_and_thinking"):
			self.assertIsNone(case.get(fieldname), fieldname)
		petitioner = read_as(self.bob, "Petitioner", self.petitioner)
		self.assertEqual(petitioner["full_name"], "黎秀英")
		for fieldname in ("id_number", "phone", "address", "email"):
			self.assertIsNone(petitioner.get(fieldname), fieldname)

	def test_a_save_by_the_shared_worker_keeps_the_section(self):
		f.as_user(self.bob)
		case = frappe.get_doc("Petition Intake", self.case)
		case.assessment_bio_psycho_social = "改写"
		case.matter_summary = "追讨拖欠工资（补充）"
		case.save()
		frappe.set_user("Administrator")
		self.assertEqual(
			encryption.decrypt_value(stored("Petition Intake", self.case, "assessment_bio_psycho_social")),
			"身体健康，情绪焦虑",
		)
		self.assertEqual(stored("Petition Intake", self.case, "matter_summary"), "追讨拖欠工资（补充）")

	def test_supervisors_and_managers_read_it(self):
		for user in (f.supervisor(), f.manager()):
			self.assertEqual(read_as(user, "Petitioner", self.petitioner)["id_number"], self.id_number)

	def test_the_liaison_reads_no_case_at_all(self):
		f.as_user(f.liaison())
		with self.assertRaises(frappe.PermissionError):
			getdoc("Petitioner", self.petitioner)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Petition Intake")

	def test_each_view_of_the_section_is_logged(self):
		before = view_logs(self.alice, "Petitioner", self.petitioner)
		read_as(self.alice, "Petitioner", self.petitioner)
		self.assertEqual(view_logs(self.alice, "Petitioner", self.petitioner), before + 1)
		before = view_logs(self.bob, "Petition Intake", self.case)
		read_as(self.bob, "Petition Intake", self.case)
		self.assertEqual(view_logs(self.bob, "Petition Intake", self.case), before, "no section, no entry")


class TestEncryptionAtRest(PetitionTestCase):
	"""§8.4 e: the ID number is ciphertext in MariaDB; the same number is still found again."""

	def test_the_database_holds_ciphertext_and_a_keyed_hash(self):
		id_number = f.mainland_id("19810203", "274")
		name = f.make_petitioner(f.worker(), id_number=id_number).name
		raw = stored("Petitioner", name, "id_number")
		self.assertTrue(raw.startswith(encryption.PREFIX))
		self.assertNotIn(id_number, raw)
		self.assertEqual(encryption.decrypt_value(raw), id_number)
		self.assertEqual(stored("Petitioner", name, "id_number_hash"), encryption.keyed_hash(id_number))
		self.assertNotIn(id_number, stored("Petitioner", name, "id_number_hash"))

	def test_script_is_stripped_before_a_value_is_encrypted(self):
		"""Frappe's sanitiser runs after before_save, on ciphertext: the plaintext is cleaned first."""
		address = '广州市荔湾区<img src=x onerror="alert(1)"><script>alert(2)</script>'
		name = f.make_petitioner(f.worker(), address=address).name
		opened = encryption.decrypt_value(stored("Petitioner", name, "address"))
		self.assertTrue(opened.startswith("广州市荔湾区<img"), opened)
		self.assertNotIn("onerror", opened)
		self.assertNotIn("<script", opened)

	def test_a_save_without_changes_keeps_the_ciphertext_and_writes_no_version(self):
		name = f.make_petitioner(f.worker(), id_number=f.mainland_id("19790505", "318")).name
		raw = stored("Petitioner", name, "id_number")
		versions = self.count("Version", ref_doctype="Petitioner", docname=name)
		doc = frappe.get_doc("Petitioner", name)
		encryption.decrypt_for_reader(doc)  # as the form sends it back: plaintext
		doc.save()
		self.assertEqual(stored("Petitioner", name, "id_number"), raw)
		self.assertEqual(self.count("Version", ref_doctype="Petitioner", docname=name), versions)

	def test_another_key_opens_nothing(self):
		raw = stored(
			"Petitioner",
			f.make_petitioner(f.worker(), id_number=f.mainland_id("19660708", "451")).name,
			"id_number",
		)
		digest = encryption.decrypted_digest()
		original = frappe.local.conf.encryption_key
		try:
			frappe.local.conf.encryption_key = "OgGvZ0Cz2zXNSvAqjuWdHzBVAwjWkX3oWCL4Vae3E6I="
			with self.assertRaises(EncryptionError):
				encryption.decrypt_value(raw)
			self.assertNotEqual(encryption.decrypted_digest(), digest)
			self.assertGreater(encryption.unreadable_count(), 0)
		finally:
			frappe.local.conf.encryption_key = original
		self.assertEqual(encryption.decrypted_digest(), digest)
		self.assertEqual(encryption.unreadable_count(), 0)

	def test_a_field_the_service_marks_is_encrypted_and_unmarking_opens_it_again(self):
		case = f.open_case()
		frappe.set_user("Administrator")
		frappe.db.set_value("Petition Intake", case.name, "claims", "要求补发工资三万元")
		settings = frappe.get_single("Petition Privacy Settings")
		settings.append("encrypted_fields", {"document_type": "Petition Intake", "field_name": "claims"})
		settings.save()
		try:
			raw = stored("Petition Intake", case.name, "claims")
			self.assertTrue(raw.startswith(encryption.PREFIX))
			self.assertEqual(encryption.decrypt_value(raw), "要求补发工资三万元")
			self.assertEqual(
				read_as(f.supervisor(), "Petition Intake", case.name)["claims"], "要求补发工资三万元"
			)
		finally:
			frappe.set_user("Administrator")
			settings.reload()
			settings.encrypted_fields = []
			settings.save()
		self.assertEqual(stored("Petition Intake", case.name, "claims"), "要求补发工资三万元")

	def test_a_field_shown_in_lists_cannot_be_marked(self):
		settings = frappe.get_single("Petition Privacy Settings")
		settings.append("encrypted_fields", {"document_type": "Petitioner", "field_name": "gender"})
		with self.assertRaises(EncryptionError):
			settings.save()
		self.assertEqual(self.count("Petition Encrypted Field"), 0)


class TestArchiveGrades(PetitionTestCase):
	"""§8.4 e: a Restricted case opens only for its responsible worker and the users named on it."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.alice, cls.bob = f.worker(1), f.worker(2)
		cls.supervisor, cls.manager = f.supervisor(), f.manager()
		cls.other_supervisor = f.make_user("supervisor2@test.petition.localhost", "Petition Supervisor")

	def restricted_case(self):
		case = f.open_case(owner=self.alice)
		f.as_user(self.supervisor)
		case.reload()
		case.confidentiality_grade = "Restricted"
		case.save()
		return case

	def test_the_grader_is_named_and_others_lose_sight_of_the_case(self):
		case = self.restricted_case()
		self.assertEqual([row.user for row in case.authorised_users], [self.supervisor])
		for user in (self.alice, self.supervisor):
			f.as_user(user)
			self.assertTrue(frappe.has_permission("Petition Intake", "read", case.name))
			self.assertIn(case.name, frappe.get_list("Petition Intake", pluck="name"))
		for user in (self.other_supervisor, self.manager):
			f.as_user(user)
			self.assertFalse(frappe.has_permission("Petition Intake", "read", case.name))
			self.assertNotIn(case.name, frappe.get_list("Petition Intake", pluck="name"))
			self.assertNotIn(case.petitioner, frappe.get_list("Petitioner", pluck="name"))
			self.assertEqual(
				frappe.get_list("Petition Interview", filters={"petition_intake": case.name}), []
			)

	def test_a_restricted_case_cannot_be_shared_with_someone_not_named(self):
		case = self.restricted_case()
		frappe.set_user("Administrator")
		shares = self.count("DocShare", share_name=case.name)
		with self.assertRaises(ConfidentialityError):
			frappe.share.add("Petition Intake", case.name, self.bob, read=1)
		self.assertEqual(self.count("DocShare", share_name=case.name), shares)
		f.as_user(self.bob)
		self.assertFalse(frappe.has_permission("Petition Intake", "read", case.name))

	def test_grading_up_withdraws_the_shares_of_users_not_named(self):
		case = f.open_case(owner=self.alice)
		frappe.set_user("Administrator")
		frappe.share.add("Petition Intake", case.name, self.bob, read=1)
		f.as_user(self.supervisor)
		case.reload()
		case.confidentiality_grade = "Confidential"
		case.save()
		self.assertEqual(self.count("DocShare", share_name=case.name, user=self.bob), 0)
		f.as_user(self.manager)
		self.assertTrue(
			frappe.has_permission("Petition Intake", "read", case.name), "Confidential: still seen"
		)

	def test_a_worker_cannot_grade_a_case(self):
		case = f.open_case(owner=self.alice)
		f.as_user(self.alice)
		case.reload()
		case.confidentiality_grade = "Restricted"
		case.save()
		self.assertEqual(stored("Petition Intake", case.name, "confidentiality_grade"), "Ordinary")


class TestAccessLog(PetitionTestCase):
	"""§4.5: prints and views are logged; the manager reads the log; nobody changes it."""

	def test_a_print_is_logged(self):
		case = f.open_case()
		user = case.responsible_worker
		f.as_user(user)
		before = self.count("Access Log", user=user, reference_document=case.name, method="Print")
		frappe.get_print("Petition Intake", case.name)
		self.assertEqual(
			self.count("Access Log", user=user, reference_document=case.name, method="Print"), before + 1
		)

	def test_the_manager_reads_the_log_and_a_worker_does_not(self):
		frappe.set_user("Administrator")
		frappe.get_doc({"doctype": "Access Log", "user": "Administrator", "method": "test"}).insert()
		f.as_user(f.manager())
		self.assertTrue(frappe.get_list("Access Log", limit=1))
		worker = f.make_user("log-reader@test.petition.localhost", "Petition Social Worker")
		self.assertNotIn("System Manager", frappe.get_roles(worker))
		f.as_user(worker)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Access Log", limit=1)

	def test_no_one_edits_or_deletes_an_entry(self):
		frappe.set_user("Administrator")
		log = frappe.get_doc({"doctype": "Access Log", "user": "Administrator", "method": "test"}).insert()
		log.method = "changed"
		with self.assertRaises(ProtectedRecordError):
			log.save()
		with self.assertRaises(ProtectedRecordError):
			frappe.delete_doc("Access Log", log.name)
		self.assertEqual(stored("Access Log", log.name, "method"), "test")

	def test_entries_are_kept_at_least_180_days(self):
		days = frappe.get_all(
			"Logs To Clear", filters={"parent": "Log Settings", "ref_doctype": "Access Log"}, pluck="days"
		)
		self.assertEqual(len(days), 1)
		self.assertGreaterEqual(days[0], 180)


class TestDeletion(PetitionTestCase):
	"""A worker never deletes a case record; the manager may, and Deleted Document keeps a copy."""

	def test_a_worker_cannot_delete_and_the_manager_deletion_is_kept(self):
		case = f.open_case()
		interview = f.make_interview(case.name)
		f.as_user(case.responsible_worker)
		with self.assertRaises(frappe.PermissionError):
			frappe.delete_doc("Petition Interview", interview.name)
		self.assertTrue(frappe.db.exists("Petition Interview", interview.name))

		f.as_user(f.manager())
		frappe.delete_doc("Petition Interview", interview.name)
		self.assertFalse(frappe.db.exists("Petition Interview", interview.name))
		self.assertTrue(
			frappe.db.exists(
				"Deleted Document", {"deleted_doctype": "Petition Interview", "deleted_name": interview.name}
			)
		)


class TestErasure(PetitionTestCase):
	"""A personal data deletion request erases the petitioner; the statistics keep de-identified figures."""

	def make_history(self):
		alice = f.worker(1)
		petitioner = f.make_petitioner(
			alice,
			id_number=f.mainland_id("19580909", "736"),
			full_name="区志明",
			email="ou.zhiming@example.com",
		)
		case = f.open_case(petitioner.name, alice)
		interview = f.make_interview(case.name)
		frappe.set_user("Administrator")
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "genogram.txt",
				"content": "区志明 家谱图",
				"is_private": 1,
				"attached_to_doctype": "Petition Intake",
				"attached_to_name": case.name,
			}
		).insert()
		frappe.set_user(alice)
		edited = frappe.get_doc("Petition Intake", case.name)
		edited.matter_summary = "区志明追讨拖欠工资"
		edited.save(ignore_version=False)  # Frappe's tests skip Versions unless asked
		doomed = f.make_interview(case.name)
		f.as_user(f.manager())
		frappe.delete_doc("Petition Interview", doomed.name)
		frappe.set_user("Administrator")
		return petitioner.name, case.name, interview.name

	def test_the_request_erases_the_petitioner_and_keeps_the_figures(self):
		petitioner, case, interview = self.make_history()
		request = frappe.get_doc(
			{"doctype": "Personal Data Deletion Request", "email": "ou.zhiming@example.com"}
		).insert(ignore_permissions=True)
		request.db_set("status", "Pending Approval")
		request.reload()
		request.trigger_data_deletion()
		request.reload()

		self.assertEqual(request.status, "Deleted")
		person = frappe.db.get_value(
			"Petitioner",
			petitioner,
			["full_name", "id_number", "id_number_hash", "phone", "email", "birth_month"],
			as_dict=True,
		)
		self.assertNotEqual(person.full_name, "区志明")
		self.assertEqual(
			[person.id_number, person.id_number_hash, person.phone, person.email, person.birth_month],
			[None] * 5,
		)
		intake = frappe.db.get_value(
			"Petition Intake",
			case,
			[
				"petitioner_name",
				"matter_summary",
				"assessment_bio_psycho_social",
				"matter_type",
				"problem_location",
				"workflow_state",
			],
			as_dict=True,
		)
		self.assertNotEqual(intake.petitioner_name, "区志明")
		self.assertIsNone(intake.matter_summary)
		self.assertIsNone(intake.assessment_bio_psycho_social)
		self.assertEqual(
			[intake.matter_type, intake.problem_location, intake.workflow_state],
			["Labour and Social Security", "广州市荔湾区", "In Service"],
		)
		self.assertIsNone(stored("Petition Interview", interview, "record"))
		for doctype, name in (
			("Petitioner", petitioner),
			("Petition Intake", case),
			("Petition Interview", interview),
		):
			self.assertEqual(self.count("Version", ref_doctype=doctype, docname=name), 0, doctype)
		self.assertEqual(self.count("File", attached_to_doctype="Petition Intake", attached_to_name=case), 0)
		leftovers = frappe.get_all(
			"Deleted Document",
			filters={"deleted_doctype": "Petition Interview", "data": ("like", f"%{case}%")},
		)
		self.assertEqual(leftovers, [])

	def test_erasure_reports_what_it_did(self):
		petitioner, _case, _interview = self.make_history()
		done = erase_petitioner(petitioner)
		self.assertGreaterEqual(done["records"], 3)
		self.assertGreaterEqual(done["versions"], 1)
		self.assertEqual(done["files"], 1)
		self.assertEqual(done["deleted_documents"], 1)
