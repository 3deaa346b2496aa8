"""Hardship petitions (§7.2.3, §6.3.1): applications for relief and other resources made for a petitioner.

An application is prepared, submitted to the providing body, then decided or withdrawn; a decision is
final. The decision is recorded with its date and result, and the reply to the petitioner follows it
(§7.2.3 d). Amounts of 0 count as not recorded: Frappe stores an empty Currency field as 0.
"""

from datetime import date

from petition_social_work.rules import Problem

PREPARING, SUBMITTED = "Preparing", "Submitted"
APPROVED, PARTLY_APPROVED, REJECTED, WITHDRAWN = "Approved", "Partly Approved", "Rejected", "Withdrawn"
OTHER = "Other"

# an application the petitioner already handed in may be recorded as submitted from the start
STARTING_STATUSES = (PREPARING, SUBMITTED)
NEXT_STATUSES = {
	PREPARING: {SUBMITTED, WITHDRAWN},
	SUBMITTED: {APPROVED, PARTLY_APPROVED, REJECTED, WITHDRAWN},
	APPROVED: set(),
	PARTLY_APPROVED: set(),
	REJECTED: set(),
	WITHDRAWN: set(),
}
DECISIONS = (APPROVED, PARTLY_APPROVED, REJECTED)
GRANTING_DECISIONS = (APPROVED, PARTLY_APPROVED)


def resource_application_problems(
	old_status: str | None,
	status: str,
	*,
	resource_type: str | None = None,
	resource_type_detail: str | None = None,
	amount_requested: float | None = None,
	amount_granted: float | None = None,
	applied_on: date | str | None = None,
	decided_on: date | str | None = None,
	result: str | None = None,
	replied_on: date | str | None = None,
) -> list[Problem]:
	problems = status_problems(old_status, status)
	if resource_type == OTHER and not _filled(resource_type_detail):
		problems.append(Problem("resource_other_detail_missing"))
	problems += decision_problems(status, decided_on, result)
	problems += amount_problems(status, amount_requested, amount_granted)
	problems += date_problems(applied_on, decided_on, replied_on)
	return problems


def status_problems(old_status: str | None, status: str) -> list[Problem]:
	if old_status is None:
		allowed = status in STARTING_STATUSES
	else:
		allowed = status == old_status or status in NEXT_STATUSES.get(old_status, set())
	return [] if allowed else [Problem("resource_transition", (old_status or "", status))]


def decision_problems(status: str, decided_on, result: str | None) -> list[Problem]:
	"""A decision is recorded with the day it was made and what the providing body answered."""
	if status not in DECISIONS:
		return []
	problems = []
	if not decided_on:
		problems.append(Problem("resource_decided_on_missing", (status,)))
	if not _filled(result):
		problems.append(Problem("resource_result_missing", (status,)))
	return problems


def amount_problems(status: str, requested: float | None, granted: float | None) -> list[Problem]:
	if not granted:
		return []
	if status not in GRANTING_DECISIONS:
		return [Problem("resource_grant_without_approval", (status,))]
	if not requested:
		return []
	if granted > requested:
		return [Problem("resource_grant_above_request", (granted, requested))]
	if status == PARTLY_APPROVED and granted == requested:
		return [Problem("resource_partial_grant_is_full", (granted,))]
	return []


def date_problems(applied_on, decided_on, replied_on) -> list[Problem]:
	applied, decided, replied = _as_date(applied_on), _as_date(decided_on), _as_date(replied_on)
	problems = []
	if applied and decided and decided < applied:
		problems.append(Problem("resource_decided_before_applied", (decided, applied)))
	if decided and replied and replied < decided:
		problems.append(Problem("resource_reply_before_decision", (replied, decided)))
	return problems


def _filled(text: str | None) -> bool:
	return bool((text or "").strip())


def _as_date(value: date | str | None) -> date | None:
	if not value:
		return None
	return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
