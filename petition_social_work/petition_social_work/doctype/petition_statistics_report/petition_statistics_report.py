# Copyright (c) 2026, petition_social_work developers. See LICENSE.

from frappe.model.document import Document


class PetitionStatisticsReport(Document):
	"""One month's de-identified figures for the petition bureau (§8.2 c), made by
	`petition_social_work.reporting.bureau.send_monthly_report`; counts only, never a person's name."""

	pass
