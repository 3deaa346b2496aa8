// Copyright (c) 2026, petition_social_work developers. See LICENSE.

frappe.query_reports["Referral Outcomes"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
			default: frappe.datetime.month_start(frappe.datetime.add_months(frappe.datetime.get_today(), -11)),
			reqd: 1,
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{
			fieldname: "reason",
			label: __("Reason"),
			fieldtype: "Select",
			options: [
				"",
				"Beyond the Organisation's Scope",
				"Outside the Service Area",
				"Worker's Job Change",
				"Client and Worker Wish to Change Worker",
				"Other",
			].map((value) => ({ value, label: value ? __(value) : "" })),
		},
	],
};
