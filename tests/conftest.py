"""The standalone test tier: rules and static checks of the app, run with plain pytest and no Frappe.

The repository root goes on `sys.path` so `import petition_social_work.rules…` resolves to this checkout;
`petition_social_work/__init__.py` imports nothing, and the rules modules import nothing from Frappe.
"""

import os
import sys
import tempfile

from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

if REPO_ROOT not in sys.path:
	sys.path.insert(0, REPO_ROOT)

# no example database, and Hypothesis's caches kept outside the checkout: CI runs repeat exactly
set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), "petition_social_work-hypothesis"))
settings.register_profile(
	"standalone",
	database=None,
	deadline=None,
	derandomize=True,
	suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "standalone"))
