// Copyright (c) 2026, petition_social_work developers. See LICENSE.

frappe.query_reports["Petition Problem Trends"] = {
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
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: [
				{ value: "", label: __("Matter Type Only") },
				{ value: "Problem Location", label: __("Problem Location") },
				{ value: "Competent Authority", label: __("Competent Authority") },
			],
		},
		{
			fieldname: "matter_type",
			label: __("Matter Type"),
			fieldtype: "Link",
			options: "Petition Matter Type",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "trend" && data) {
			const colour = { [__("Rising")]: "red", [__("Falling")]: "green" }[data.trend] || "gray";
			value = `<span class="indicator-pill ${colour}">${value}</span>`;
		}
		return value;
	},
};
