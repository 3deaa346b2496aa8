// Copyright (c) 2026, petition_social_work developers. See LICENSE.

const CRISIS_LEVEL_COLOURS = {
	"Level IV (Blue)": "blue",
	"Level III (Yellow)": "yellow",
	"Level II (Orange)": "orange",
	"Level I (Red)": "red",
};
const CRISIS_LEVELS = Object.keys(CRISIS_LEVEL_COLOURS);

frappe.query_reports["Open Crises"] = {
	filters: [
		{
			fieldname: "warning_level",
			label: __("Warning Level"),
			fieldtype: "Select",
			options: [{ value: "", label: "" }].concat(
				CRISIS_LEVELS.map((value) => ({ value, label: __(value) }))
			),
		},
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: ["", "Active", "Acknowledged", "Escalated"].map((value) => ({
				value,
				label: value ? __(value) : "",
			})),
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
		if (column.fieldname === "warning_level" && data && data.level_key) {
			return `<span class="indicator-pill ${CRISIS_LEVEL_COLOURS[data.level_key]}">${value}</span>`;
		}
		return value;
	},
};
