"""Caseload per full-time worker (§8.1 c).

A full-time petition social worker should follow 65 to 70 rational cases, or 5 to 10 irrational cases, at
the same time. A worker with both kinds carries a share of each band: 35 rational cases take half of the
rational capacity, so five irrational cases more fill it.
"""

RATIONAL = "Rational"
IRRATIONAL = "Irrational"

RATIONAL_BAND = (65, 70)
IRRATIONAL_BAND = (5, 10)

WITHIN = "Within"
NEAR = "Near Limit"
OVER = "Over Limit"
STATUSES = (WITHIN, NEAR, OVER)


def caseload_limit_for(behaviour: str | None) -> int:
	"""The most cases of this behaviour one full-time worker should follow; unknown counts as rational."""
	return IRRATIONAL_BAND[1] if behaviour == IRRATIONAL else RATIONAL_BAND[1]


def capacity_used(rational: int, irrational: int) -> float:
	"""The share of one worker's upper limit the open cases take (1.0 is exactly at the limit)."""
	return rational / RATIONAL_BAND[1] + irrational / IRRATIONAL_BAND[1]


def caseload_status(rational: int, irrational: int) -> str:
	"""Over the upper end of the band, inside the band (near the limit), or below it."""
	if rational < 0 or irrational < 0:
		raise ValueError("case counts cannot be negative")
	if capacity_used(rational, irrational) > 1:
		return OVER
	if rational / RATIONAL_BAND[0] + irrational / IRRATIONAL_BAND[0] >= 1:
		return NEAR
	return WITHIN
