# Shared settings and helpers for scripts/setup.sh, scripts/test.sh and .ci/run.
# Every setting can be overridden from the environment.
# shellcheck shell=bash

PSW_APP=petition_social_work
PSW_REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PSW_BENCH_USER=${PSW_BENCH_USER:-frappe}
PSW_BENCH_HOME=$(getent passwd "$PSW_BENCH_USER" | cut -d: -f6 || true)
PSW_BENCH_HOME=${PSW_BENCH_HOME:-/home/$PSW_BENCH_USER}
PSW_BENCH_DIR=${PSW_BENCH_DIR:-$PSW_BENCH_HOME/frappe-bench}
PSW_BENCH_VENV=${PSW_BENCH_VENV:-$PSW_BENCH_HOME/.bench-venv}
# Frappe comes from upstream unless FRAPPE_PATH names another git source (a URL or a local clone).
FRAPPE_PATH=${FRAPPE_PATH:-https://github.com/frappe/frappe}
FRAPPE_BRANCH=${FRAPPE_BRANCH:-version-15}
PSW_SITE=${PSW_SITE:-psw.localhost}
PSW_ADMIN_PASSWORD=${PSW_ADMIN_PASSWORD:-admin}
PSW_DB_ROOT_PASSWORD=${PSW_DB_ROOT_PASSWORD:-frappe-root}
# Frappe's semgrep rules (github.com/frappe/semgrep-rules; the rules are in its rules/) for the static tier: cloned once beside
# the bench, outside this repo; PSW_SEMGREP_RULES_SOURCE names another git source (a URL or a local clone).
PSW_SEMGREP_RULES=${PSW_SEMGREP_RULES:-$PSW_BENCH_HOME/frappe-semgrep-rules}
PSW_SEMGREP_RULES_SOURCE=${PSW_SEMGREP_RULES_SOURCE:-https://github.com/frappe/semgrep-rules}

say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m!!!\033[0m %s\n' "$*" >&2; }

# Run a command as the bench user, inside the bench, with the bench CLI on PATH.
as_bench() {
	local cmd="$*"
	if [ "$(id -un)" = "$PSW_BENCH_USER" ]; then
		(cd "$PSW_BENCH_DIR" && PATH="$PSW_BENCH_VENV/bin:$PATH" bash -c "$cmd")
	else
		su "$PSW_BENCH_USER" -s /bin/bash -c "cd '$PSW_BENCH_DIR' && PATH='$PSW_BENCH_VENV/bin:/usr/local/bin:/usr/bin:/bin' $cmd"
	fi
}

bench_exists() {
	[ -x "$PSW_BENCH_VENV/bin/bench" ] && [ -d "$PSW_BENCH_DIR/apps/frappe" ] && [ -x "$PSW_BENCH_DIR/env/bin/python" ]
}

# MariaDB and the bench's two Redis servers; idempotent, needs root.
start_services() {
	if ! mariadb-admin ping >/dev/null 2>&1; then
		say "starting MariaDB"
		service mariadb start >/dev/null 2>&1 || (mysqld_safe >/dev/null 2>&1 &)
		for _ in $(seq 1 60); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 1; done
	fi
	mariadb-admin ping >/dev/null 2>&1 || { warn "MariaDB did not start"; return 1; }
	local conf port
	for conf in redis_cache redis_queue; do
		[ -f "$PSW_BENCH_DIR/config/$conf.conf" ] || continue
		port=$(awk '/^port /{print $2}' "$PSW_BENCH_DIR/config/$conf.conf")
		if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
			say "starting $conf on port $port"
			as_bench "redis-server config/$conf.conf --daemonize yes" >/dev/null
			for _ in $(seq 1 20); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.5; done
		fi
	done
}

# Copy a checkout of the app into the bench (the bench user cannot read root's folders).
sync_app_into_bench() {
	local src=$1 dest="$PSW_BENCH_DIR/apps/$PSW_APP"
	mkdir -p "$dest"
	rsync -a --delete --exclude .git --exclude '__pycache__' --exclude '.pytest_cache' "$src/" "$dest/"
	chown -R "$PSW_BENCH_USER": "$dest"
	if ! as_bench "env/bin/python -c 'import $PSW_APP'" >/dev/null 2>&1; then
		as_bench "env/bin/pip install --quiet -e apps/$PSW_APP" >/dev/null || return 1
	fi
	local apps="$PSW_BENCH_DIR/sites/apps.txt"
	if ! grep -qx "$PSW_APP" "$apps"; then
		[ -z "$(tail -c1 "$apps")" ] || echo >>"$apps"
		echo "$PSW_APP" >>"$apps"
	fi
}

# System packages of the browser and PDF tests: Chromium (Playwright drives /usr/bin/chromium, as its own
# browser download is not used), wkhtmltopdf and a CJK font for Frappe's PDFs. Installs what is missing; root.
TEST_SYSTEM_PACKAGES=(chromium wkhtmltopdf fonts-noto-cjk)
ensure_test_system_packages() {
	local missing=() pkg
	for pkg in "${TEST_SYSTEM_PACKAGES[@]}"; do
		dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$pkg")
	done
	[ ${#missing[@]} = 0 ] && return 0
	say "installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Python packages the tests need in the bench env, beyond Frappe's own (pypdf comes with Frappe); the
# playwright wheel carries its driver.
ensure_bench_test_packages() {
	as_bench "env/bin/python -c 'import playwright'" >/dev/null 2>&1 && return 0
	say "installing playwright into the bench env"
	as_bench "env/bin/pip install -q playwright" >/dev/null
}

# Clone Frappe's semgrep rules into PSW_SEMGREP_RULES unless they are there; fails quietly without network.
ensure_semgrep_rules() {
	ls "$PSW_SEMGREP_RULES"/rules/*.yml >/dev/null 2>&1 && return 0
	local source=$PSW_SEMGREP_RULES_SOURCE
	[ -d "$source" ] && source="file://$(cd "$source" && pwd)"
	say "cloning Frappe's semgrep rules from $PSW_SEMGREP_RULES_SOURCE into $PSW_SEMGREP_RULES"
	rm -rf "$PSW_SEMGREP_RULES"
	git clone -q --depth 1 "$source" "$PSW_SEMGREP_RULES" >/dev/null 2>&1 || return 1
	[ "$(id -u)" = 0 ] && chown -R "$PSW_BENCH_USER": "$PSW_SEMGREP_RULES" 2>/dev/null
	ls "$PSW_SEMGREP_RULES"/rules/*.yml >/dev/null 2>&1
}
