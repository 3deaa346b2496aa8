"""The states of a case (§7.1): registration, screening, sign-off, service, closing review and the ends.

The transitions themselves, and who may take them, are declared once in the Petition Intake workflow
(`petition_social_work/petition_social_work/workflow/`); this module names the states the code relies on.
"""

REGISTERED = "Registered"
SCREENING = "Screening"
AWAITING_SIGN_OFF = "Awaiting Sign-off"
IN_SERVICE = "In Service"
CLOSING_REVIEW = "Closing Review"
CLOSED = "Case Closed"
NOT_ACCEPTED = "Not Accepted"
REFERRED_OUT = "Referred Out"

END_STATES = (CLOSED, NOT_ACCEPTED, REFERRED_OUT)
ACTIVE_STATES = (REGISTERED, SCREENING, AWAITING_SIGN_OFF, IN_SERVICE, CLOSING_REVIEW)
# a case that reached the supervisor has its screening settled
SCREENED_STATES = (AWAITING_SIGN_OFF, IN_SERVICE, CLOSING_REVIEW, CLOSED, NOT_ACCEPTED, REFERRED_OUT)

# actions the closure form takes on the case
CLOSE_ACTION, CLOSE_AS_REFERRED_ACTION, REOPEN_ACTION = "Close Case", "Close as Referred", "Reopen"

INTERVIEW_DRAFT, INTERVIEW_AWAITING_REVIEW, INTERVIEW_REVIEWED = "Draft", "Awaiting Review", "Reviewed"


def is_reopening(old_state: str | None, new_state: str | None) -> bool:
	return old_state in END_STATES and new_state in ACTIVE_STATES


def is_sign_off(old_state: str | None, new_state: str | None) -> bool:
	"""The supervisor's sign-off (Appendix A 项目负责人签批) is the step out of Awaiting Sign-off to an outcome."""
	return old_state == AWAITING_SIGN_OFF and new_state in (IN_SERVICE, NOT_ACCEPTED, REFERRED_OUT)
