"""Factories for the hardship records of a case (§7.2.3): home visits and resource applications."""

import frappe
from frappe.utils import today


def make_home_visit(case: str, **values) -> "frappe.Document":
	return frappe.get_doc(
		{
			"doctype": "Petition Home Visit",
			"petition_intake": case,
			"visit_type": values.pop("visit_type", "Home Visit"),
			"visit_date": values.pop("visit_date", today()),
			"place": values.pop("place", "广州市荔湾区中山八路 1 号"),
			"living_conditions": values.pop("living_conditions", "一家四口租住单间，无稳定收入"),
			"difficulties_found": values.pop("difficulties_found", "欠薪导致房租拖欠，子女学费无着落"),
			**values,
		}
	).insert()


def make_resource_application(case: str, **values) -> "frappe.Document":
	return frappe.get_doc(
		{
			"doctype": "Resource Application",
			"petition_intake": case,
			"resource_type": values.pop("resource_type", "Temporary Relief"),
			"provider_type": values.pop("provider_type", "Government"),
			"provider": values.pop("provider", "荔湾区民政局"),
			"amount_requested": values.pop("amount_requested", 3000),
			"status": values.pop("status", "Submitted"),
			**values,
		}
	).insert()
