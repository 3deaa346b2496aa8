"""The roles the app ships (fixtures/role.json) and what each may see."""

import frappe

SOCIAL_WORKER = "Petition Social Worker"
SUPERVISOR = "Petition Supervisor"
SERVICE_MANAGER = "Petition Service Manager"
OFFICE_LIAISON = "Petition Office Liaison"

APP_ROLES = (SOCIAL_WORKER, SUPERVISOR, SERVICE_MANAGER, OFFICE_LIAISON)
# A supervisor signs off for the whole service and a manager runs it: both see every case. A System
# Manager administers the site, not the service, and reads no case unless also given a role here.
WHOLE_SERVICE_ROLES = (SUPERVISOR, SERVICE_MANAGER)


def sees_whole_service(user: str | None = None) -> bool:
	user = user or frappe.session.user
	return user == "Administrator" or bool(set(WHOLE_SERVICE_ROLES) & set(frappe.get_roles(user)))
