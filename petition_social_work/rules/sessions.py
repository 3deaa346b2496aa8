"""Session numbers of interviews (Appendix B 工作次数 "第 次"): 1, 2, 3 … per case, without gaps."""


def next_session_number(existing: list[int]) -> int:
	return max((n for n in existing if n), default=0) + 1


def can_remove_session(number: int, existing: list[int]) -> bool:
	"""Only the latest session may go: removing an earlier one would leave a gap in the numbering."""
	return number == max((n for n in existing if n), default=0)
