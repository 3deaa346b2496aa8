"""Classification of petition behaviour (§3.3–3.7): rational, or irrational of the kinds repeat (§3.4),
persistent / unruly (§3.5) and bypassing levels (§3.6). Caseload limits (§8.1 c) and the irrational-
petition rate (§7.1.5 a) read the stored result.
"""

from petition_social_work.rules import Problem

RATIONAL, IRRATIONAL = "Rational", "Irrational"
VISIT = "Visit"

# administrative levels, lowest first (the same options as the visit record's level)
LEVELS = ("Community", "Town / Street", "District", "City", "Province", "National")

# §3.5: what persistent or unruly petitioning looks like
PERSISTENT_BEHAVIOUR_FIELDS = (
	"behaviour_refusing_lawful_channels",
	"behaviour_sit_in",
	"behaviour_banners",
	"behaviour_besieging_staff",
	"behaviour_abuse_or_threats",
	"behaviour_demanding_leaders",
	"behaviour_blocking_traffic",
)


def is_bypassing(channel: str | None, visit_level: str | None, competent_level: str | None) -> bool:
	"""§3.6: a visit that skips both the competent level and the level above it."""
	if channel != VISIT or visit_level not in LEVELS or competent_level not in LEVELS:
		return False
	return LEVELS.index(visit_level) > LEVELS.index(competent_level) + 1


def classify(is_repeat: bool, is_bypassing: bool, is_persistent: bool) -> str:
	return IRRATIONAL if (is_repeat or is_bypassing or is_persistent) else RATIONAL


def persistent_problems(case: dict) -> list[Problem]:
	"""Persistent / unruly is the worker's judgement, recorded with what was observed (§3.5)."""
	if not case.get("is_persistent_unruly"):
		return []
	problems = []
	if not any(case.get(field) for field in PERSISTENT_BEHAVIOUR_FIELDS):
		problems.append(Problem("persistent_without_behaviour"))
	if not (case.get("persistent_evidence") or "").strip():
		problems.append(Problem("persistent_without_evidence"))
	return problems
