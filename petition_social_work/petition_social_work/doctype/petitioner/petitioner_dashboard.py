from frappe import _


def get_data():
	return {"fieldname": "petitioner", "transactions": [{"label": _("Cases"), "items": ["Petition Intake"]}]}
