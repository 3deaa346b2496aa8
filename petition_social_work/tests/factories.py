"""Factories for the integration tests: one small helper per DocType, each returning a saved document.

Users and cases are made through the same paths people use (workflow actions as the acting user), so a
factory that succeeds has itself walked the rules it relies on.
"""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, today

from petition_social_work.roles import SERVICE_MANAGER, SOCIAL_WORKER, SUPERVISOR
from petition_social_work.rules.identity import id_check_char
from petition_social_work.tests.consent_factories import make_consent

PASSWORD = "Test@Petition-2026"


def make_user(email: str, *roles: str, language: str = "en") -> str:
	"""A desk user with the given app roles, committed so that HTTP requests in other threads see it."""
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0],
				"send_welcome_email": 0,
				"language": language,
				"new_password": PASSWORD,
				"roles": [{"role": role} for role in roles],
			}
		).insert(ignore_permissions=True)
		user.api_key = frappe.generate_hash(length=15)
		user.api_secret = frappe.generate_hash(length=15)
		user.save(ignore_permissions=True)
		frappe.db.commit()  # other connections (HTTP tests, concurrent saves) must see the user
	return email


def worker(n: int = 1) -> str:
	return make_user(f"worker{n}@test.petition.localhost", SOCIAL_WORKER)


def supervisor() -> str:
	return make_user("supervisor@test.petition.localhost", SUPERVISOR)


def manager() -> str:
	return make_user("manager@test.petition.localhost", SERVICE_MANAGER)


def liaison() -> str:
	return make_user("liaison@test.petition.localhost", "Petition Office Liaison")


def mainland_id(birth: str = "19800101", serial: str = "123", region: str = "440106") -> str:
	first17 = f"{region}{birth}{serial}"
	return first17 + id_check_char(first17)


def as_user(user: str):
	frappe.set_user(user)


def make_petitioner(owner: str | None = None, **values) -> "frappe.Document":
	if owner:
		frappe.set_user(owner)
	doc = frappe.get_doc(
		{
			"doctype": "Petitioner",
			"full_name": values.pop("full_name", "陈建国"),
			"petitioner_type": "Citizen",
			"phone": values.pop("phone", "13800138000"),
			"address": "广州市荔湾区中山八路 1 号",
			**values,
		}
	)
	return doc.insert()


def make_intake(petitioner: str, owner: str, **values) -> "frappe.Document":
	frappe.set_user(owner)
	return frappe.get_doc(
		{
			"doctype": "Petition Intake",
			"petitioner": petitioner,
			"first_contact_date": values.pop("first_contact_date", today()),
			"case_source": "Self-referred",
			"matter_type": values.pop("matter_type", "Labour and Social Security"),
			"problem_location": values.pop("problem_location", "广州市荔湾区"),
			"competent_authority": values.pop("competent_authority", "荔湾区人力资源和社会保障局"),
			"matter_summary": values.pop("matter_summary", "追讨拖欠工资"),
			**values,
		}
	).insert()


SCREENED_TO_OPEN = {
	"within_scope": "Yes",
	"screen_competent_level": "Yes",
	"screen_law_related": "No",
	"screen_discipline": "No",
	"screen_repeat": "No",
	"screen_foreign": "No",
	"screen_not_accepted": "No",
	"decision": "Open Case",
}


def screen(intake: "frappe.Document", user: str, **answers) -> "frappe.Document":
	"""Start screening and record answers (by default: within scope, open the case, assigned to `user`)."""
	frappe.set_user(user)
	intake = apply_workflow(intake, "Start Screening")
	intake.update(
		{**SCREENED_TO_OPEN, "assigned_worker": user, "assessment_bio_psycho_social": "身体健康，情绪焦虑"}
	)
	intake.update(answers)
	intake.save()
	return apply_workflow(intake, "Submit for Sign-off")


def open_case(petitioner: str | None = None, owner: str | None = None) -> "frappe.Document":
	"""A case taken to In Service: registered and screened by `owner`, signed off by the supervisor."""
	owner = owner or worker()
	if not petitioner:
		petitioner = make_petitioner(owner).name
	intake = screen(make_intake(petitioner, owner), owner)
	frappe.set_user(supervisor())
	return apply_workflow(intake, "Approve Opening")


def make_service_plan(case: str, goals=("稳定情绪", "追回欠薪")) -> "frappe.Document":
	return frappe.get_doc(
		{
			"doctype": "Service Plan",
			"petition_intake": case,
			"theme": "依法维权与情绪支持",
			"goals": [{"goal": goal} for goal in goals],
		}
	).insert()


def make_interview(case: str, **values) -> "frappe.Document":
	return frappe.get_doc(
		{
			"doctype": "Petition Interview",
			"petition_intake": case,
			"interviewee": values.pop("interviewee", "陈建国"),
			"purpose": values.pop("purpose", "了解诉求进展"),
			"interview_date": values.pop("interview_date", today()),
			**values,
		}
	).insert()


def make_referral(case: str, with_consent: bool = True, **values) -> "frappe.Document":
	"""A referral; first, unless `with_consent` is False, the petitioner's consent to it (§4.5)."""
	referred_to = values.pop("referred_to", "荔湾区法律援助处")
	if with_consent:
		petitioner = frappe.db.get_value("Petition Intake", case, "petitioner")
		make_consent(petitioner, case=case, disclosed_to=referred_to)
	return frappe.get_doc(
		{
			"doctype": "Petition Referral",
			"petition_intake": case,
			"referred_to": referred_to,
			"reason": values.pop("reason", "Beyond the Organisation's Scope"),
			"follow_up_due": add_days(today(), 14),
			**values,
		}
	).insert()


def make_closure(case: str, **values) -> "frappe.Document":
	return frappe.get_doc(
		{
			"doctype": "Case Closure",
			"petition_intake": case,
			"category": values.pop("category", "Case Ended"),
			"closure_type": values.pop("closure_type", "Goals Met"),
			"worker_reflection": "案主诉求已依法解决",
			**values,
		}
	).insert()
