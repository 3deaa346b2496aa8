"""Errors the app raises, and the translated message for each rule problem (`rules.Problem`)."""

import frappe
from frappe import _

from petition_social_work.rules import Problem


class PetitionValidationError(frappe.ValidationError):
	pass


class InvalidIdentityError(PetitionValidationError):
	pass


class ScreeningIncompleteError(PetitionValidationError):
	pass


class CaseStateError(PetitionValidationError):
	pass


class ClosureIncompleteError(PetitionValidationError):
	pass


class ReferralFollowUpError(PetitionValidationError):
	pass


class SessionNumberError(PetitionValidationError):
	pass


class ResourceApplicationError(PetitionValidationError):
	pass


class EncryptionError(PetitionValidationError):
	pass


class ConfidentialityError(frappe.PermissionError):
	pass


class ProtectedRecordError(PetitionValidationError):
	pass


class ConsentRequiredError(PetitionValidationError):
	"""§4.5, §8.3 a: a disclosure, media use or recording without the petitioner's valid consent."""


class ConsentRecordError(PetitionValidationError):
	pass


def message_for(problem: Problem, doctype: str | None = None) -> str:
	args = problem.args
	code = problem.code
	if code == "id_length":
		return _("The ID number must have 18 characters; {0} were given.").format(*args)
	if code == "id_characters":
		return _("The ID number may only hold digits, with X allowed as its last character.")
	if code == "id_region":
		return _("The ID number does not start with a valid region code.")
	if code == "id_birth_date":
		return _("The ID number does not hold a valid date of birth.")
	if code == "id_checksum":
		return _("The ID number's check character does not match its digits: please check each digit.")
	if code == "phone_invalid":
		return _("{0} is not a valid mainland mobile or landline number.").format(frappe.bold(args[0]))
	if code == "screening_unanswered":
		return _("Answer the screening question: {0}.").format(_label(doctype, args[0]))
	if code == "judicial_guidance_missing":
		return _(
			"The matter is law- or litigation-related: record the guidance to the judicial channel (§7.1.2 h)."
		)
	if code == "decision_missing":
		return _("Record the decision: open the case, refer it out or not accept it.")
	if code == "screening_contradiction":
		return _("The screening answers rule out every decision; please check them.")
	if code == "decision_not_allowed":
		return _("The screening answers do not allow the decision {0}. Allowed: {1}.").format(
			_(args[0]), ", ".join(_(d) for d in args[1])
		)
	if code == "assignee_missing":
		return _("Name the worker the opened case is assigned to.")
	if code == "decision_reason_missing":
		return _("Give the reason for referring the case out or not accepting it.")
	if code == "referral_transition":
		return _("A referral cannot go from {0} to {1}.").format(
			_(args[0]) if args[0] else _("new"), _(args[1])
		)
	if code == "referral_outcome_missing":
		return _("Record the outcome before marking the referral {0} (§6.4).").format(_(args[0]))
	if code == "closure_no_goals":
		return _("The closure has no goals to report on: the case needs a service plan with goals.")
	if code == "closure_goal_unrated":
		return _("Rate the achievement of goal {0}.").format(args[0])
	if code == "closure_referral_reason_missing":
		return _("A referral-out closure needs at least one referral reason.")
	if code == "closure_type_mismatch":
		return _("The closure type Referred goes with the category Referral Out, and only with it.")
	if code == "closure_other_reason_detail":
		return _("Describe the other referral reason.")
	if code == "closure_other_type_detail":
		return _("Describe the other closure type.")
	if code == "closure_evaluation_missing":
		return _("The project lead's evaluation of the service is missing.")
	if code == "resource_transition":
		return _("A resource application cannot go from {0} to {1}.").format(
			_(args[0]) if args[0] else _("new"), _(args[1])
		)
	if code == "resource_other_detail_missing":
		return _("Describe the other resource type.")
	if code == "resource_decided_on_missing":
		return _("Record the date of the decision before marking the application {0}.").format(_(args[0]))
	if code == "resource_result_missing":
		return _("Record the result before marking the application {0} (§7.2.3 d).").format(_(args[0]))
	if code == "resource_grant_without_approval":
		return _("An amount is granted only when the application is approved; it is {0}.").format(_(args[0]))
	if code == "resource_grant_above_request":
		return _("The amount granted ({0}) is more than the amount requested ({1}).").format(
			frappe.utils.fmt_money(args[0]), frappe.utils.fmt_money(args[1])
		)
	if code == "resource_partial_grant_is_full":
		return _("The whole amount requested ({0}) was granted: mark the application Approved.").format(
			frappe.utils.fmt_money(args[0])
		)
	if code == "resource_decided_before_applied":
		return _("The decision date {0} is before the application date {1}.").format(
			frappe.utils.formatdate(args[0]), frappe.utils.formatdate(args[1])
		)
	if code == "resource_reply_before_decision":
		return _("The reply to the petitioner ({0}) cannot come before the decision ({1}).").format(
			frappe.utils.formatdate(args[0]), frappe.utils.formatdate(args[1])
		)
	if code == "level_below_supervisor":
		return _("A supervisor set the warning level to {0}: only a supervisor can lower it.").format(
			_(args[0])
		)
	if code == "persistent_without_behaviour":
		return _("Tick the persistent or unruly behaviours observed (§3.5).")
	if code == "persistent_without_evidence":
		return _("Record the evidence of the persistent or unruly behaviour (§3.5).")
	if code == "too_many_representatives":
		return _("{0} representatives are marked: a collective petition has at most {1} (§7.2.1 a).").format(
			*args
		)
	if code == "not_collective":
		return _(
			"{0} people is not a collective petition: it takes {1} or more raising the same matter (§3.7)."
		).format(*args)
	if code == "headcount_below_members":
		return _("The number of people ({0}) is smaller than the {1} petitioners listed.").format(*args)
	if code == "member_listed_twice":
		return _("Petitioner {0} is listed more than once.").format(frappe.bold(args[0]))
	if code == "police_before_persuasion":
		return _(
			"Persuade the petitioners to leave first: the police are notified only if they stay (§7.2.1 f)."
		)
	if code == "upward_report_recipient_missing":
		return _("Name the body the collective petition was reported to.")
	if code == "large_scale_not_reported":
		return _("A large-scale collective petition is closed only after it is reported upward (§7.2.1 b).")
	if code == "closed_without_procedure":
		return _("Tell the representatives the handling procedure before closing (§7.2.1 e).")
	if code == "meeting_decisions_missing":
		return _("Record the decisions of the meeting before marking it {0}.").format(_(args[0]))
	if code == "meeting_reply_missing":
		return _("Record the reply given to the petitioner (§7.2.3 d).")
	if code == "meeting_reply_date_missing":
		return _("Record the date the petitioner was replied to (§7.2.3 d).")
	if code == "consultation_without_collective_petition":
		return _("Link the collective petition this consultation meeting is held on (§7.2.1 d).")
	if code == "handover_date_missing":
		return _("Record the date of the hand-over.")
	if code == "handover_without_evidence":
		return _("Fix and record the evidence before handing the petitioner to the police (§6.3.4 e).")
	frappe.throw(_("Unknown rule problem {0}").format(code))


def throw_problems(
	problems: list[Problem], exc=PetitionValidationError, doctype: str | None = None, title=None
):
	if problems:
		throw_messages([message_for(p, doctype) for p in problems], exc, title)


def throw_messages(messages: list[str], exc=PetitionValidationError, title=None):
	"""Refuse with several messages at once, one a line; each message is translated by its caller."""
	message = "<br>".join(messages)  # each one translated by its caller
	frappe.throw(message, exc, title=title or _("Cannot Save"))


def _label(doctype: str | None, fieldname: str) -> str:
	field = doctype and frappe.get_meta(doctype).get_field(fieldname)
	return _(field.label) if field else fieldname
