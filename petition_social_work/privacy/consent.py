"""The petitioner's consent in the database (§4.5, §8.3 a); the rule itself is `rules.consent`.

Nothing about a petitioner leaves the service without their written consent: a referral to an outside body
needs a valid disclosure consent (or a supervisor's recorded override with its reason), media use a signed
authorisation (`require_consent`), and a sound or video recording attaches to an interview only where the
petitioner authorised recording. A consent record is seen by whoever sees its case, or, without a case, its
petitioner.
"""

import frappe
from frappe import _
from frappe.utils import formatdate, getdate, now_datetime, today

from petition_social_work.errors import ConsentRecordError, ConsentRequiredError, throw_messages
from petition_social_work.permissions import (
	case_record_has_permission,
	case_record_query_conditions,
	petitioner_query_conditions,
)
from petition_social_work.rules import Problem
from petition_social_work.rules.consent import (
	DISCLOSURE,
	INTERVIEW_RECORDING,
	MEDIA_USE,
	Consent,
	consent_problems,
	first_valid,
	is_consent_valid,
	is_recording,
)

CONSENT = "Consent Record"
INTAKE = "Petition Intake"
INTERVIEW = "Petition Interview"
PETITIONER = "Petitioner"
CONSENT_FIELDS = (
	"name",
	"consent_type",
	"valid_from",
	"valid_until",
	"disclosed_to",
	"signed_consent",
	"withdrawn_on",
)
READ_RIGHTS = ("read", "select", "print", "email", "report", "export", "share")


# ---------------------------------------------------------------- asking for a consent
def require_consent(petitioner: str, consent_type: str, recipient: str | None = None, on=None) -> str:
	"""The name of a consent of `petitioner` valid for `consent_type` (to `recipient`) on day `on` (today).

	Raises `ConsentRequiredError`, saying why each recorded consent of that type does not serve, when none does.
	"""
	on = getdate(on or today())
	consents = consents_of(petitioner, consent_type)
	found = first_valid(consents, consent_type, on, recipient)
	if found:
		return found.name

	reasons = [
		message_for(problem)
		for consent in consents
		for problem in consent_problems(consent, consent_type, on, recipient)
	]
	throw_messages(
		[missing_consent_message(petitioner, consent_type, recipient, on), *reasons],
		ConsentRequiredError,
		title=_("Consent Required"),
	)


def consents_of(petitioner: str, consent_type: str | None = None) -> list[Consent]:
	"""The petitioner's consent records (of one type), newest first, read whatever the user may see."""
	filters = {"petitioner": petitioner}
	if consent_type:
		filters["consent_type"] = consent_type
	rows = frappe.get_all(
		CONSENT, filters=filters, fields=CONSENT_FIELDS, order_by="valid_from desc, name desc"
	)
	return [as_consent(row) for row in rows]


def as_consent(row) -> Consent:
	return Consent(
		name=row.name,
		consent_type=row.consent_type,
		valid_from=getdate(row.valid_from) if row.valid_from else None,
		valid_until=getdate(row.valid_until) if row.valid_until else None,
		disclosed_to=row.disclosed_to,
		signed_consent=row.signed_consent,
		withdrawn_on=getdate(row.withdrawn_on) if row.withdrawn_on else None,
	)


def missing_consent_message(petitioner: str, consent_type: str, recipient: str | None, on) -> str:
	clause = {
		DISCLOSURE: _(
			"Nothing is disclosed outside the service without the petitioner's written consent (§4.5)."
		),
		MEDIA_USE: _("Media use needs the petitioner's signed authorisation (§4.5)."),
		INTERVIEW_RECORDING: _("Interviews are recorded only with the petitioner's authorisation (§8.3 a)."),
	}.get(consent_type, "")
	if recipient:
		missing = _("Petitioner {0} has no valid consent of the type {1} for {2} on {3}.").format(
			frappe.bold(petitioner), _(consent_type), frappe.bold(recipient), formatdate(on)
		)
	else:
		missing = _("Petitioner {0} has no valid consent of the type {1} on {2}.").format(
			frappe.bold(petitioner), _(consent_type), formatdate(on)
		)
	return f"{missing} {clause}"


def message_for(problem: Problem) -> str:
	code, args = problem.code, problem.args
	if code == "consent_withdrawn":
		return _("Consent {0} was withdrawn on {1}.").format(args[0], formatdate(args[1]))
	if code == "consent_wrong_type":
		return _("Consent {0} is a consent of the type {1}.").format(args[0], _(args[1]))
	if code == "consent_not_signed":
		return _("Consent {0} has no signed consent attached.").format(args[0])
	if code == "consent_not_yet_valid":
		return _("Consent {0} is valid only from {1}.").format(args[0], formatdate(args[1]))
	if code == "consent_expired":
		return _("Consent {0} expired on {1}.").format(args[0], formatdate(args[1]))
	if code == "consent_other_recipient":
		return _("Consent {0} does not name {1} as a recipient.").format(args[0], frappe.bold(args[1]))
	if code == "consent_other_petitioner":
		return _("Consent {0} was given by petitioner {1}, not by this case's petitioner {2}.").format(*args)
	if code == "consent_recipient_missing":
		return _("Name the body or bodies the information may be disclosed to, one a line.")
	if code == "consent_ends_before_start":
		return _("The consent cannot end on {0}, before it starts on {1}.").format(
			formatdate(args[0]), formatdate(args[1])
		)
	if code == "consent_withdrawal_final":
		return _(
			"Consent {0} was withdrawn: a withdrawal is final and the consent is kept as it was."
		).format(args[0])
	if code == "consent_withdraw_by_action":
		return _("Withdraw a consent with its Withdraw Consent action, giving the reason.")
	frappe.throw(_("Unknown rule problem {0}").format(code))


def throw_problems(problems: list[Problem], exc=ConsentRequiredError) -> None:
	if problems:
		throw_messages([message_for(p) for p in problems], exc)


# ---------------------------------------------------------------- referrals (§4.5, §6.4)
DISCLOSURE_FIELDS = ("petition_intake", "referred_to", "referral_date", "consent_record", "consent_override")


def check_referral_consent(referral) -> None:
	"""A referral discloses the case to the receiving body: it needs the petitioner's written consent (§4.5).

	Checked when the referral is made and whenever what it discloses, to whom or on what authority changes;
	recording the answer and the outcome of a referral already made needs no fresh consent. A supervisor may
	override with a recorded reason (the override fields are writable from permission level 1 only).
	"""
	before = referral.get_doc_before_save()
	record_override(referral, before)
	if before and not any(referral.has_value_changed(field) for field in DISCLOSURE_FIELDS):
		return
	if referral.consent_override:
		return

	petitioner = referral.petitioner or frappe.db.get_value(INTAKE, referral.petition_intake, "petitioner")
	on = getdate(referral.referral_date or today())
	if not referral.consent_record:
		referral.consent_record = require_consent(petitioner, DISCLOSURE, referral.referred_to, on)
		return

	row = frappe.db.get_value(CONSENT, referral.consent_record, ["petitioner", *CONSENT_FIELDS], as_dict=True)
	problems = consent_problems(as_consent(row), DISCLOSURE, on, referral.referred_to)
	if row.petitioner != petitioner:
		problems.insert(0, Problem("consent_other_petitioner", (row.name, row.petitioner, petitioner)))
	throw_problems(problems)


def record_override(referral, before) -> None:
	"""Who overrode the consent requirement and when, kept with the reason they gave."""
	if not referral.consent_override:
		referral.override_by = referral.override_on = None
		return
	if not (referral.consent_override_reason or "").strip():
		frappe.throw(
			_("Give the reason for referring without the petitioner's written consent (§4.5)."),
			ConsentRequiredError,
		)
	changed = not before or not before.consent_override
	if changed or before.consent_override_reason != referral.consent_override_reason:
		referral.override_by = frappe.session.user
		referral.override_on = now_datetime()


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def valid_disclosure_consents(doctype, txt, searchfield, start, page_len, filters) -> list:
	"""Link search for a referral's consent: the petitioner's disclosure consents valid for its body and day."""
	filters = filters or {}
	petitioner = filters.get("petitioner")
	if not petitioner:
		return []
	on = getdate(filters.get("on") or today())
	recipient = filters.get("recipient") or None
	rows = frappe.get_list(
		CONSENT,
		filters={"petitioner": petitioner, "consent_type": DISCLOSURE, "withdrawn_on": ["is", "not set"]},
		or_filters={"name": ["like", f"%{txt}%"], "disclosed_to": ["like", f"%{txt}%"]} if txt else None,
		fields=CONSENT_FIELDS,
		order_by="valid_from desc, name desc",
	)
	valid = [row for row in rows if is_consent_valid(as_consent(row), DISCLOSURE, on, recipient)]
	return [(row.name, row.disclosed_to) for row in valid[start : start + page_len]]


# ---------------------------------------------------------------- interview recordings (§8.3 a)
def check_interview_recording(file, method=None) -> None:
	"""File `validate`: a sound or video file attaches to an interview only with the petitioner's authorisation."""
	if file.is_folder or file.attached_to_doctype != INTERVIEW or not file.attached_to_name:
		return
	if not is_recording(file.file_name or file.file_url):
		return
	if not file.is_new() and not (
		file.has_value_changed("attached_to_doctype") or file.has_value_changed("attached_to_name")
	):
		return

	interview = frappe.db.get_value(
		INTERVIEW, file.attached_to_name, ["petition_intake", "interview_date"], as_dict=True
	)
	if not interview:
		return  # Frappe itself refuses an attachment to a record that does not exist
	petitioner = frappe.db.get_value(INTAKE, interview.petition_intake, "petitioner")
	require_consent(petitioner, INTERVIEW_RECORDING, on=interview.interview_date)


# ---------------------------------------------------------------- who sees a consent
def consent_query_conditions(user: str | None = None) -> str:
	"""A consent with a case goes with its case; one without goes with its petitioner."""
	user = user or frappe.session.user
	by_case = case_record_query_conditions(user, CONSENT)
	by_petitioner = petitioner_query_conditions(user)
	if not (by_case or by_petitioner):
		return ""
	table = f"`tab{CONSENT}`"
	return (
		f"((coalesce({table}.`petition_intake`, '') != '' and {by_case or '1=1'}) "  # nosec B608  # a permission query condition is SQL text by Frappe's API; values via frappe.db.escape
		f"or (coalesce({table}.`petition_intake`, '') = '' and {table}.`petitioner` in "
		f"(select `name` from `tabPetitioner` where {by_petitioner or '1=1'})))"
	)


def consent_has_permission(doc, ptype: str | None = None, user: str | None = None, **kwargs) -> bool | None:
	if doc.petition_intake:
		return case_record_has_permission(doc, ptype, user)
	if not doc.petitioner:
		return None if doc.is_new() else False
	# a new consent too: it is recorded only for a petitioner the user may work on
	right = "read" if ptype in READ_RIGHTS and not doc.is_new() else "write"
	return frappe.has_permission(PETITIONER, right, doc.petitioner, user=user or frappe.session.user)


# ---------------------------------------------------------------- the consent record's own checks
def check_petitioner_matches_case(consent) -> None:
	if not consent.petition_intake:
		return
	petitioner = frappe.db.get_value(INTAKE, consent.petition_intake, "petitioner")
	if not consent.petitioner:
		consent.petitioner = petitioner
	elif consent.petitioner != petitioner:
		frappe.throw(
			_("Case {0} is of petitioner {1}, not of {2}.").format(
				consent.petition_intake, petitioner, consent.petitioner
			),
			ConsentRecordError,
		)


def check_signed_consent_attached(consent) -> None:
	"""§4.5: the written consent (for media use the signed authorisation) is an uploaded file."""
	if not consent.is_new() and not consent.has_value_changed("signed_consent"):
		return
	if not frappe.db.exists("File", {"file_url": consent.signed_consent}):
		frappe.throw(
			_("Attach the signed consent as a file: {0} is not a file of this site.").format(
				consent.signed_consent
			),
			ConsentRecordError,
		)
