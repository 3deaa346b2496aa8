# Copyright (c) 2026, petition_social_work developers. See LICENSE.

import frappe
from frappe import _
from frappe.utils import now_datetime, today

from petition_social_work.case_guard import check_state_allows_edit
from petition_social_work.errors import CaseStateError, ScreeningIncompleteError, throw_problems
from petition_social_work.privacy.consent import require_consent
from petition_social_work.privacy.grading import name_the_grader, withdraw_unnamed_shares
from petition_social_work.privacy.sensitive import ProtectedDocument
from petition_social_work.reporting.indexes import add_report_indexes
from petition_social_work.roles import SOCIAL_WORKER, SUPERVISOR
from petition_social_work.rules import behaviour, lifecycle
from petition_social_work.rules.consent import MEDIA_USE
from petition_social_work.rules.repeat import earlier_visits_on_same_matter
from petition_social_work.rules.screening import SCREENING_CHECKS, screening_outcome, screening_problems

MATTER_FIELDS = (
	"name",
	"first_contact_date",
	"petition_channel",
	"matter_type",
	"problem_location",
	"competent_authority",
)


class PetitionIntake(ProtectedDocument):
	def validate(self):
		self.set_responsible_worker()
		self.validate_responsible_worker()
		self.detect_repeat_petition()
		self.classify_behaviour()
		self.apply_petitioner_screening()
		self.record_screening_outcome()
		self.validate_state_change()
		check_state_allows_edit(self)
		name_the_grader(self)
		self.validate_media_use()

	def validate_media_use(self):
		"""§4.5: a media report needs the petitioner's signed authorisation (a valid Media Use consent)."""
		if not self.media_use:
			self.media_consent = None
			return
		self.media_consent = require_consent(self.petitioner, MEDIA_USE, self.media_outlet)

	def on_update(self):
		self.log_reopening()
		withdraw_unnamed_shares(self)

	def set_responsible_worker(self):
		# here, not in before_insert: Frappe clears permission-level-1 fields a worker may not write after it
		if self.is_new() and not self.responsible_worker:
			self.responsible_worker = frappe.session.user

	def validate_responsible_worker(self):
		if self.responsible_worker and not {SOCIAL_WORKER, SUPERVISOR} & set(
			frappe.get_roles(self.responsible_worker)
		):
			frappe.throw(
				_("{0} is not a petition social worker and cannot be responsible for a case.").format(
					frappe.bold(self.responsible_worker)
				)
			)

	def detect_repeat_petition(self):
		"""§3.4, §7.1.2 j: a second or later visit on the same matter is a repeat petition, whatever was ticked."""
		earlier = frappe.get_all(
			"Petition Intake",
			filters={
				"petitioner": self.petitioner,
				"matter_type": self.matter_type,
				"name": ("!=", self.name or ""),
			},
			fields=list(MATTER_FIELDS),
		)
		matches = earlier_visits_on_same_matter(self.as_dict(), earlier)
		self.repeat_of = matches[0].name if matches else None
		if matches:
			self.screen_repeat = "Yes"
		self.is_repeat_petition = int(self.screen_repeat == "Yes")

	def classify_behaviour(self):
		"""§3.3–3.6: irrational when repeat, bypassing levels or persistent / unruly; stored for §8.1 c and §7.1.5 a."""
		throw_problems(behaviour.persistent_problems(self.as_dict()), doctype=self.doctype)
		self.is_bypassing = int(
			behaviour.is_bypassing(self.petition_channel, self.visit_level, self.competent_level)
		)
		self.petition_behaviour = behaviour.classify(
			self.is_repeat_petition, self.is_bypassing, self.is_persistent_unruly
		)

	def apply_petitioner_screening(self):
		"""§7.1.2 k follows from the petitioner's record."""
		if frappe.db.get_value("Petitioner", self.petitioner, "is_foreign"):
			self.screen_foreign = "Yes"

	def record_screening_outcome(self):
		outcome = screening_outcome(self.screening_answers())
		self.screening_outcome = "\n".join(consequence_text(code) for code in outcome.consequences) or None

	def screening_answers(self) -> dict:
		fields = (*SCREENING_CHECKS, "judicial_guidance", "decision", "assigned_worker", "decision_reason")
		return {fieldname: self.get(fieldname) for fieldname in fields}

	def validate_state_change(self):
		before = self.get_doc_before_save()
		old_state = before.workflow_state if before else None
		new_state = self.workflow_state
		if old_state == new_state:
			return

		if new_state == lifecycle.AWAITING_SIGN_OFF:
			throw_problems(
				screening_problems(self.screening_answers()),
				ScreeningIncompleteError,
				doctype=self.doctype,
				title=_("Screening Incomplete"),
			)
		if lifecycle.is_sign_off(old_state, new_state):
			self.record_sign_off(new_state)
		if lifecycle.is_reopening(old_state, new_state) and not (self.reopen_reason or "").strip():
			frappe.throw(_("Give the reason for reopening the case."), CaseStateError)
		if new_state in lifecycle.END_STATES:
			self.reopen_reason = None

	def record_sign_off(self, new_state: str):
		"""Appendix A 项目负责人签批: who signed off and when; an opened case passes to its assignee."""
		self.signed_off_by = frappe.session.user
		self.signed_off_on = now_datetime()
		if new_state == lifecycle.IN_SERVICE:
			self.opened_on = self.opened_on or today()
			self.responsible_worker = self.assigned_worker or self.responsible_worker

	def log_reopening(self):
		before = self.get_doc_before_save()
		if before and lifecycle.is_reopening(before.workflow_state, self.workflow_state):
			self.add_comment(
				"Info",
				_("Reopened from {0}: {1}").format(_(before.workflow_state), self.reopen_reason),
			)


def consequence_text(code: str) -> str:
	texts = {
		"out_of_scope_refer": _("Outside the service's scope or ability: refer the case (§7.1.2 f)."),
		"route_to_competent_level": _(
			"Not a matter for this level: guide it to the competent level (§7.1.2 g)."
		),
		"guide_to_judicial_channel": _(
			"Law- or litigation-related: guide the petitioner to the judicial channel (§7.1.2 h)."
		),
		"refer_to_discipline_inspection": _(
			"An accusation for the discipline inspection organs: refer it there (§7.1.2 i)."
		),
		"repeat_petition": _("A repeat petition (§3.4, §7.1.2 j)."),
		"foreign_petitioner": _("A foreigner, stateless person or foreign organisation (§7.1.2 k)."),
		"not_accepted": _("Not to be accepted or no longer accepted (§7.1.2 l)."),
	}
	return texts[code]


def on_doctype_update():
	# repeat detection filters earlier intakes by petitioner and matter together
	frappe.db.add_index("Petition Intake", ["petitioner", "matter_type"])
	frappe.db.add_index("Petition Intake", ["workflow_state", "responsible_worker"])
	add_report_indexes("Petition Intake")
