"""Assessment and screening of a case (§7.1.2): each check is a recorded answer with its consequence.

§7.1.2 f: a matter outside the service's scope or ability is referred, not served.
§7.1.2 g–l: the six screening checks. Their consequences, in plain words:
  g  not a matter for this level (nor about a lower level) -> guide it to the competent level: refer out
  h  law- or litigation-related -> guide the petitioner to the judicial channel, and record that guidance
  i  an accusation for discipline inspection -> it goes to the discipline inspection organs: refer out
  j  a repeat petition -> classified as repeat (§3.4), an irrational petition
  k  foreigner, stateless person or foreign organisation -> served under the same rules (§1), flagged
  l  not to be accepted or no longer accepted -> the case is not accepted
"""

from dataclasses import dataclass, field

from petition_social_work.rules import Problem

OPEN, REFER, NOT_ACCEPTED = "Open Case", "Refer Out", "Not Accepted"
DECISIONS = (OPEN, REFER, NOT_ACCEPTED)

# fieldname -> clause; the order is the standard's
SCREENING_CHECKS = {
	"within_scope": "§7.1.2 f",
	"screen_competent_level": "§7.1.2 g",
	"screen_law_related": "§7.1.2 h",
	"screen_discipline": "§7.1.2 i",
	"screen_repeat": "§7.1.2 j",
	"screen_foreign": "§7.1.2 k",
	"screen_not_accepted": "§7.1.2 l",
}


@dataclass
class ScreeningOutcome:
	"""What the recorded answers imply: the decisions still open and the consequences to record."""

	allowed_decisions: tuple[str, ...] = DECISIONS
	consequences: list[str] = field(default_factory=list)  # codes, in clause order
	unanswered: list[str] = field(default_factory=list)  # fieldnames


def screening_outcome(answers: dict) -> ScreeningOutcome:
	outcome = ScreeningOutcome()
	allowed = set(DECISIONS)
	outcome.unanswered = [name for name in SCREENING_CHECKS if answers.get(name) not in ("Yes", "No")]

	if answers.get("within_scope") == "No":
		outcome.consequences.append("out_of_scope_refer")
		allowed &= {REFER, NOT_ACCEPTED}
	if answers.get("screen_competent_level") == "No":
		outcome.consequences.append("route_to_competent_level")
		allowed &= {REFER, NOT_ACCEPTED}
	if answers.get("screen_law_related") == "Yes":
		outcome.consequences.append("guide_to_judicial_channel")
	if answers.get("screen_discipline") == "Yes":
		outcome.consequences.append("refer_to_discipline_inspection")
		allowed &= {REFER}
	if answers.get("screen_repeat") == "Yes":
		outcome.consequences.append("repeat_petition")
	if answers.get("screen_foreign") == "Yes":
		outcome.consequences.append("foreign_petitioner")
	if answers.get("screen_not_accepted") == "Yes":
		outcome.consequences.append("not_accepted")
		allowed &= {NOT_ACCEPTED}

	outcome.allowed_decisions = tuple(d for d in DECISIONS if d in allowed)
	return outcome


def screening_problems(answers: dict) -> list[Problem]:
	"""What stops a case from going to the supervisor for sign-off."""
	outcome = screening_outcome(answers)
	problems = [Problem("screening_unanswered", (name,)) for name in outcome.unanswered]
	if (
		"guide_to_judicial_channel" in outcome.consequences
		and not (answers.get("judicial_guidance") or "").strip()
	):
		problems.append(Problem("judicial_guidance_missing"))

	decision = answers.get("decision")
	if not decision:
		problems.append(Problem("decision_missing"))
	elif not outcome.allowed_decisions:
		problems.append(Problem("screening_contradiction"))
	elif decision not in outcome.allowed_decisions:
		problems.append(Problem("decision_not_allowed", (decision, outcome.allowed_decisions)))
	elif decision == OPEN and not answers.get("assigned_worker"):
		problems.append(Problem("assignee_missing"))
	elif decision != OPEN and not (answers.get("decision_reason") or "").strip():
		problems.append(Problem("decision_reason_missing"))
	return problems
