// Copyright (c) 2026, petition_social_work developers. See LICENSE.

frappe.query_reports["Service Effectiveness"] = {
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
			fieldname: "periodicity",
			label: __("Periodicity"),
			fieldtype: "Select",
			options: [
				{ value: "Month", label: __("Month") },
				{ value: "Quarter", label: __("Quarter") },
				{ value: "Year", label: __("Year") },
			],
			default: "Month",
			reqd: 1,
		},
		{
			fieldname: "matter_type",
			label: __("Matter Type"),
			fieldtype: "Link",
			options: "Petition Matter Type",
		},
	],
};
