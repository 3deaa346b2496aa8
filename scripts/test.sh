#!/usr/bin/env bash
# Every test of the app, in two tiers, ending with one line "N passed, N failed" over both:
#   1. standalone: plain pytest over tests/ (rules and static checks; no Frappe needed);
#   2. integration: where a bench exists (PSW_BENCH_DIR), this checkout is installed into a fresh site,
#      `bench migrate` is run twice and must change nothing the second time, then `bench run-tests`.
# The bench is left as it was found: its copy of the app is restored and the test site dropped.
# Run as root (CI) or as the bench user. Exit status is non-zero when any test fails.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORK=$(mktemp -d /tmp/psw-test.XXXXXX)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT
ARTIFACTS=${PSW_ARTIFACTS:-$PSW_REPO_DIR/artifacts}
mkdir -p "$ARTIFACTS"
TEST_SITE="psw-test-$$.localhost"
declare -A PASSED FAILED
PASSED[standalone]=0 FAILED[standalone]=0 PASSED[integration]=0 FAILED[integration]=0
INTEGRATION_NOTE=""

# count a junit xml report: prints "passed failed" (errors count as failed; skips as neither)
count_junit() {
	python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print("0 1"); sys.exit()
cases = root.iter("testcase")
passed = failed = 0
for case in cases:
    tags = {child.tag for child in case}
    if tags & {"failure", "error"}:
        failed += 1
    elif "skipped" not in tags:
        passed += 1
print(passed, failed)
PY
}

# count a unittest report ("Ran N tests" then "OK" or "FAILED (failures=1, errors=2, skipped=3)")
count_unittest() {
	python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], errors="replace").read()
ran = re.findall(r"^Ran (\d+) tests? in", text, re.M)
if not ran:
    print("0 1"); sys.exit()
total = int(ran[-1])
tail = text[text.rfind("Ran "):]
bad = sum(int(n) for n in re.findall(r"(?:failures|errors|unexpected successes)=(\d+)", tail))
skipped = sum(int(n) for n in re.findall(r"(?:skipped|expected failures)=(\d+)", tail))
if not re.search(r"^(OK|FAILED)", tail, re.M):
    bad = max(bad, 1)
print(total - bad - skipped, bad)
PY
}

run_standalone() {
	say "standalone tier: pytest tests/"
	local venv=${PSW_TEST_VENV:-$WORK/venv}
	if [ ! -x "$venv/bin/pytest" ]; then
		python3 -m venv "$venv" && "$venv/bin/pip" install -q -r "$PSW_REPO_DIR/tests/requirements.txt" || {
			warn "could not create the test virtualenv"; FAILED[standalone]=1; return; }
	fi
	(cd "$PSW_REPO_DIR" && "$venv/bin/python" -m pytest tests -q -p no:cacheprovider \
		--junitxml="$WORK/standalone.xml")
	read -r PASSED[standalone] FAILED[standalone] < <(count_junit "$WORK/standalone.xml")
}

restore_bench() {
	local app_dir="$PSW_BENCH_DIR/apps/$PSW_APP"
	as_bench "bench drop-site '$TEST_SITE' --force --no-backup --db-root-password '$PSW_DB_ROOT_PASSWORD'" \
		>/dev/null 2>&1 || true
	rm -rf "$PSW_BENCH_DIR/archived/sites/$TEST_SITE"*
	if [ -d "$WORK/saved-app" ]; then
		rm -rf "$app_dir" && mv "$WORK/saved-app" "$app_dir"
	elif [ -n "${APP_WAS_ABSENT:-}" ]; then
		as_bench "env/bin/pip uninstall -y -q $PSW_APP" >/dev/null 2>&1 || true
		rm -rf "$app_dir"
	fi
	[ -f "$WORK/apps.txt" ] && cp "$WORK/apps.txt" "$PSW_BENCH_DIR/sites/apps.txt"
	[ -f "$WORK/common_site_config.json" ] && cp "$WORK/common_site_config.json" "$PSW_BENCH_DIR/sites/common_site_config.json"
	chown "$PSW_BENCH_USER": "$PSW_BENCH_DIR/sites/apps.txt" "$PSW_BENCH_DIR/sites/common_site_config.json" 2>/dev/null || true
}

run_integration() {
	if ! bench_exists; then
		INTEGRATION_NOTE="no bench at $PSW_BENCH_DIR (set PSW_BENCH_DIR, or run scripts/setup.sh)"
		return
	fi
	if [ "$(id -u)" != 0 ] && [ "$(id -un)" != "$PSW_BENCH_USER" ]; then
		INTEGRATION_NOTE="run as root or as $PSW_BENCH_USER to use the bench"
		return
	fi
	say "integration tier: bench at $PSW_BENCH_DIR, site $TEST_SITE"
	start_services || { INTEGRATION_NOTE="MariaDB or Redis did not start"; FAILED[integration]=1; return; }

	local app_dir="$PSW_BENCH_DIR/apps/$PSW_APP"
	cp "$PSW_BENCH_DIR/sites/apps.txt" "$WORK/apps.txt"
	cp "$PSW_BENCH_DIR/sites/common_site_config.json" "$WORK/common_site_config.json"
	if [ -d "$app_dir" ]; then mv "$app_dir" "$WORK/saved-app"; else APP_WAS_ABSENT=1; fi
	trap 'restore_bench; rm -rf "$WORK"' EXIT
	sync_app_into_bench "$PSW_REPO_DIR" || { FAILED[integration]=1; INTEGRATION_NOTE="installing the app into the bench failed"; return; }

	say "creating $TEST_SITE"
	if ! as_bench "bench new-site '$TEST_SITE' --admin-password admin --db-root-password '$PSW_DB_ROOT_PASSWORD' \
		--install-app $PSW_APP" >"$WORK/new-site.log" 2>&1; then
		tail -30 "$WORK/new-site.log"; FAILED[integration]=1; INTEGRATION_NOTE="bench new-site failed"; return
	fi
	as_bench "bench --site '$TEST_SITE' set-config allow_tests true" >/dev/null

	check_migrate_is_idempotent

	say "bench run-tests --app $PSW_APP"
	chown "$PSW_BENCH_USER" "$WORK"
	as_bench "bench --site '$TEST_SITE' run-tests --app $PSW_APP" 2>&1 | tee "$WORK/run-tests.log" | tail -60
	local p f
	read -r p f < <(count_unittest "$WORK/run-tests.log")
	PASSED[integration]=$((PASSED[integration] + p)) FAILED[integration]=$((FAILED[integration] + f))
	cp "$WORK/run-tests.log" "$ARTIFACTS/integration.log" 2>/dev/null || true
}

check_migrate_is_idempotent() {
	say "bench migrate twice: the second run must change nothing"
	local fp="petition_social_work.setup.fingerprint.site_fingerprint"
	as_bench "bench --site '$TEST_SITE' migrate" >"$WORK/migrate1.log" 2>&1
	as_bench "bench --site '$TEST_SITE' execute $fp" >"$WORK/fp1.raw" 2>&1
	as_bench "bench --site '$TEST_SITE' migrate" >"$WORK/migrate2.log" 2>&1
	as_bench "bench --site '$TEST_SITE' execute $fp" >"$WORK/fp2.raw" 2>&1
	python3 -m json.tool --sort-keys "$WORK/fp1.raw" >"$WORK/fp1.json" 2>/dev/null || tail -5 "$WORK/fp1.raw"
	python3 -m json.tool --sort-keys "$WORK/fp2.raw" >"$WORK/fp2.json" 2>/dev/null || tail -5 "$WORK/fp2.raw"
	if [ -s "$WORK/fp1.json" ] && cmp -s "$WORK/fp1.json" "$WORK/fp2.json" && grep -q '"doctypes"' "$WORK/fp1.json"; then
		echo "PASS migrate twice changes nothing"
		PASSED[integration]=$((PASSED[integration] + 1))
	else
		echo "FAIL migrate twice changes nothing:"; diff "$WORK/fp1.json" "$WORK/fp2.json" | head -40
		tail -5 "$WORK/migrate2.log"
		FAILED[integration]=$((FAILED[integration] + 1))
	fi
}

run_standalone
run_integration

echo
echo "standalone tier:  ${PASSED[standalone]} passed, ${FAILED[standalone]} failed"
if [ -n "$INTEGRATION_NOTE" ] && [ "${PASSED[integration]}" = 0 ]; then
	echo "!!! INTEGRATION TIER DID NOT RUN: $INTEGRATION_NOTE !!!"
else
	echo "integration tier: ${PASSED[integration]} passed, ${FAILED[integration]} failed${INTEGRATION_NOTE:+ ($INTEGRATION_NOTE)}"
fi
total_passed=$((PASSED[standalone] + PASSED[integration]))
total_failed=$((FAILED[standalone] + FAILED[integration]))
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" = 0 ] && [ "$total_passed" -gt 0 ]
