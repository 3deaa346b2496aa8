from frappe import _


def get_data():
	return {
		"fieldname": "petition_intake",
		"transactions": [
			{"label": _("Planning and Service"), "items": ["Service Plan", "Petition Interview"]},
			{"label": _("Referral and Closure"), "items": ["Petition Referral", "Case Closure"]},
			{"label": _("Hardship Support"), "items": ["Petition Home Visit", "Resource Application"]},
		],
	}
