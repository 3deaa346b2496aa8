"""Rules of DB4401/T 321—2025 that decide something, kept free of database access.

Each module returns plain values or `Problem` codes; controllers turn problems into translated errors
(`petition_social_work.errors`). The standalone test tier imports these modules without Frappe.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
	"""Something a rule refuses: a stable code plus the values its message needs."""

	code: str
	args: tuple = field(default_factory=tuple)
