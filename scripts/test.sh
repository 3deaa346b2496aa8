#!/usr/bin/env bash
# Every test of the app, in three tiers, ending with one line "N passed, N failed" over all of them:
#   1. standalone: plain pytest over tests/ (rules and static checks; no Frappe needed);
#   2. integration: where a bench exists (PSW_BENCH_DIR), this checkout is installed into a fresh site,
#      `bench migrate` is run twice and must change nothing the second time, then `bench run-tests` (with the
#      browser tests required), then the backup and restore proof (scripts/check_backup_restore.sh);
#   3. static security: the Frappe semgrep rules and bandit over the app's code, one check each.
# The bench is left as it was found: its copy of the app is restored and the test sites dropped.
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
PASSED[static]=0 FAILED[static]=0
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
	if [ "$(id -u)" = 0 ]; then
		ensure_test_system_packages || warn "could not install ${TEST_SYSTEM_PACKAGES[*]}: the browser and PDF tests will fail"
	fi
	ensure_bench_test_packages || warn "could not install playwright into the bench env: the browser tests will fail"
	# the browser tests may not skip here; they leave their screenshots in a folder the bench user can write
	local browser_artifacts="$WORK/browser-artifacts"
	mkdir -p "$browser_artifacts" && chown "$PSW_BENCH_USER" "$browser_artifacts"
	as_bench "PSW_REQUIRE_BROWSER=1 PSW_ARTIFACTS='$browser_artifacts' bench --site '$TEST_SITE' run-tests --app $PSW_APP" \
		2>&1 | tee "$WORK/run-tests.log" | tail -60
	local p f
	read -r p f < <(count_unittest "$WORK/run-tests.log")
	PASSED[integration]=$((PASSED[integration] + p)) FAILED[integration]=$((FAILED[integration] + f))
	cp "$WORK/run-tests.log" "$ARTIFACTS/integration.log" 2>/dev/null || true
	cp -r "$browser_artifacts/." "$ARTIFACTS/" 2>/dev/null || true

	check_backup_restore
}

# Backup and restore proof on the test site (after run-tests: the demo data would disturb the tests).
check_backup_restore() {
	say "backup and restore proof"
	local dir="$WORK/backup-restore" started=$SECONDS
	mkdir -p "$dir" && chown "$PSW_BENCH_USER" "$dir"
	bash "$PSW_REPO_DIR/scripts/check_backup_restore.sh" "$TEST_SITE" "$dir" 2>&1 | tee "$WORK/backup-restore.log"
	local p f
	p=$(grep -c '^PASS ' "$WORK/backup-restore.log")
	f=$(grep -c '^FAIL ' "$WORK/backup-restore.log")
	[ "$((p + f))" = 0 ] && f=1
	PASSED[integration]=$((PASSED[integration] + p)) FAILED[integration]=$((FAILED[integration] + f))
	echo "backup and restore proof: $((SECONDS - started)) s"
	cp "$WORK/backup-restore.log" "$ARTIFACTS/backup-restore.log" 2>/dev/null || true
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

# The tools live outside the repo and the run, in the user's cache; pinned, so a new release of either
# cannot turn CI red by itself. Re-created when missing or of other versions.
STATIC_TOOLS=("semgrep==1.185.0" "bandit[toml]==1.9.4")
USER_HOME=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
TOOLS_VENV=${PSW_TOOLS_VENV:-${XDG_CACHE_HOME:-$USER_HOME/.cache}/$PSW_APP/tools-venv}
ensure_static_tools() {
	local wanted have
	wanted=$(echo "${STATIC_TOOLS[*]}" | sed 's/\[[a-z]*\]//g')
	have=$("$TOOLS_VENV/bin/python" - 2>/dev/null <<'PY'
from importlib.metadata import version
print(f"semgrep=={version('semgrep')} bandit=={version('bandit')}")
PY
	)
	[ "$have" = "$wanted" ] && return 0
	say "installing ${STATIC_TOOLS[*]} into $TOOLS_VENV"
	rm -rf "$TOOLS_VENV"
	python3 -m venv "$TOOLS_VENV" \
		&& { "$TOOLS_VENV/bin/pip" install -q "${STATIC_TOOLS[@]}" 2>&1 | grep -v "^WARNING: Location" >&2; true; }
	[ -x "$TOOLS_VENV/bin/semgrep" ] && [ -x "$TOOLS_VENV/bin/bandit" ]
}

static_check() {
	local name=$1 log="$WORK/$1.log"
	shift
	if (cd "$PSW_REPO_DIR" && "$@") >"$log" 2>&1; then
		echo "PASS $name"
		PASSED[static]=$((PASSED[static] + 1))
	else
		echo "FAIL $name:"
		grep -v "contains an include pattern" "$log" | tail -60
		FAILED[static]=$((FAILED[static] + 1))
	fi
	cp "$log" "$ARTIFACTS/$name.log" 2>/dev/null || true
}

run_static_security() {
	say "static security tier: Frappe semgrep rules and bandit over $PSW_APP/"
	if ! ensure_static_tools; then
		STATIC_NOTE="semgrep and bandit could not be installed into $TOOLS_VENV"
		FAILED[static]=2
		return
	fi
	if ensure_semgrep_rules; then
		# every rule of the set applies to an app; tests are left out by semgrep's default ignore list
		static_check semgrep "$TOOLS_VENV/bin/semgrep" scan --metrics=off --disable-version-check --error \
			--no-git-ignore --quiet --emacs --config "$PSW_SEMGREP_RULES/rules" "$PSW_APP/"
	else
		# like a missing bench: said loudly, counted neither passed nor failed
		STATIC_NOTE="semgrep NOT RUN: no Frappe semgrep rules at $PSW_SEMGREP_RULES (scripts/setup.sh clones them)"
		warn "$STATIC_NOTE"
	fi
	static_check bandit "$TOOLS_VENV/bin/bandit" -r "$PSW_APP" -c pyproject.toml -q -f custom \
		--msg-template "{relpath}:{line}: {test_id} [{severity}] {msg}"
}

STATIC_NOTE=""
run_standalone
run_integration
run_static_security

echo
echo "standalone tier:  ${PASSED[standalone]} passed, ${FAILED[standalone]} failed"
if [ -n "$INTEGRATION_NOTE" ] && [ "${PASSED[integration]}" = 0 ]; then
	echo "!!! INTEGRATION TIER DID NOT RUN: $INTEGRATION_NOTE !!!"
else
	echo "integration tier: ${PASSED[integration]} passed, ${FAILED[integration]} failed${INTEGRATION_NOTE:+ ($INTEGRATION_NOTE)}"
fi
if [ -n "$STATIC_NOTE" ]; then
	echo "!!! STATIC SECURITY TIER INCOMPLETE: $STATIC_NOTE !!!"
fi
echo "static security:  ${PASSED[static]} passed, ${FAILED[static]} failed"
total_passed=$((PASSED[standalone] + PASSED[integration] + PASSED[static]))
total_failed=$((FAILED[standalone] + FAILED[integration] + FAILED[static]))
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" = 0 ] && [ "$total_passed" -gt 0 ]
