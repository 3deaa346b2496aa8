// Copyright (c) 2026, petition_social_work developers. See LICENSE.

frappe.query_reports["Overdue Case Actions"] = {
	filters: [
		{
			fieldname: "sign_off_days",
			label: __("Sign-off Overdue After (Days)"),
			fieldtype: "Int",
			default: 3,
		},
		{
			fieldname: "review_days",
			label: __("Review Overdue After (Days)"),
			fieldtype: "Int",
			default: 7,
		},
		{
			fieldname: "reply_days",
			label: __("Reply Overdue After (Days)"),
			fieldtype: "Int",
			default: 14,
		},
		{
			fieldname: "responsible_worker",
			label: __("Responsible Worker"),
			fieldtype: "Link",
			options: "User",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "days_waiting" && data) {
			return `<span class="text-danger"><b>${value}</b></span>`;
		}
		return value;
	},
};
