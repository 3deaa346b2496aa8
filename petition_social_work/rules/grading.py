"""Archive grading (§8.4 e: archives are classified and graded, under strict permissions).

Each case carries a confidentiality grade; each grade narrows who may open it:
- Ordinary: the usual access (the responsible worker, those the case is shared with, supervisors, managers);
- Confidential: as Ordinary, but it may be shared only with named users;
- Restricted: only the responsible worker and the named users open it, supervisors and managers included.
"""

ORDINARY = "Ordinary"
CONFIDENTIAL = "Confidential"
RESTRICTED = "Restricted"
GRADES = (ORDINARY, CONFIDENTIAL, RESTRICTED)


def grade_or_default(grade: str | None) -> str:
	return grade if grade in GRADES else ORDINARY


def may_open(grade: str | None, *, responsible: bool, named: bool, usual_access: bool) -> bool:
	"""May a user open a case of `grade`? `usual_access` is what the user would have on an Ordinary case."""
	if grade_or_default(grade) == RESTRICTED:
		return responsible or named
	return usual_access


def may_share_with(grade: str | None, *, named: bool) -> bool:
	"""May the case be shared with a user (Frappe's document sharing)?"""
	return grade_or_default(grade) == ORDINARY or named
