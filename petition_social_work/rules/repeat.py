"""Repeat petitions (§3.4): the same petitioner raising the same matter by a second or later visit.

Two intakes are the same matter when they share the matter type and the problem location (the competent
authority, where recorded on both, must agree too). Only visits count: a letter or a call is not a visit.
"""

VISIT = "Visit"


def normalize_place(text: str | None) -> str:
	return "".join((text or "").split()).casefold()


def same_matter(a: dict, b: dict) -> bool:
	if a.get("matter_type") != b.get("matter_type"):
		return False
	if normalize_place(a.get("problem_location")) != normalize_place(b.get("problem_location")):
		return False
	authority_a, authority_b = (
		normalize_place(a.get("competent_authority")),
		normalize_place(b.get("competent_authority")),
	)
	return not (authority_a and authority_b and authority_a != authority_b)


def earlier_visits_on_same_matter(current: dict, earlier: list[dict]) -> list[dict]:
	"""Earlier visit intakes of the same petitioner on the same matter, oldest first.

	`earlier` holds the petitioner's other intakes (name, first_contact_date, petition_channel, matter
	fields); the current one is excluded by name. An intake counts as earlier when its first contact
	came before the current one's, or on the same day with an earlier name.
	"""
	if current.get("petition_channel") != VISIT:
		return []
	matches = [
		other
		for other in earlier
		if other.get("name") != current.get("name")
		and other.get("petition_channel") == VISIT
		and _comes_before(other, current)
		and same_matter(current, other)
	]
	return sorted(matches, key=_order_key)


def _order_key(intake: dict):
	return (str(intake.get("first_contact_date") or ""), str(intake.get("name") or ""))


def _comes_before(other: dict, current: dict) -> bool:
	if not current.get("name"):
		return str(other.get("first_contact_date") or "") <= str(current.get("first_contact_date") or "")
	return _order_key(other) < _order_key(current)
