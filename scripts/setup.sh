#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running local site with petition_social_work and demo
# data: system packages, MariaDB (utf8mb4), Redis, wkhtmltopdf, a CJK font, Chromium (for the browser
# tests, with playwright in the bench env), Frappe's semgrep rules, Node/yarn, frappe-bench, a bench of Frappe v15 from upstream
# (FRAPPE_PATH overrides the source), a site, the app and demo data.
# `--bench-only` stops once the bench exists. Run it as root; bench itself runs as the unprivileged user PSW_BENCH_USER. Safe to run again.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ "$(id -u)" = 0 ] || { warn "run this as root (sudo $0): it installs system packages"; exit 1; }

install_system_packages() {
	say "installing system packages"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq mariadb-server mariadb-client redis-server "${TEST_SYSTEM_PACKAGES[@]}" \
		libmariadb-dev pkg-config python3-venv python3-dev git rsync cron curl >/dev/null
	command -v node >/dev/null || apt-get install -y -qq nodejs npm >/dev/null
	command -v yarn >/dev/null || npm install -g --silent yarn >/dev/null
}

configure_mariadb() {
	say "configuring MariaDB for Frappe (utf8mb4)"
	cat >/etc/mysql/mariadb.conf.d/99-frappe.cnf <<'CNF'
[mysqld]
character-set-client-handshake = FALSE
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci

[mysql]
default-character-set = utf8mb4
CNF
	mariadb-admin ping >/dev/null 2>&1 && service mariadb restart >/dev/null 2>&1 || true
	start_services
	# root keeps socket login for the OS root user and gains a password for the bench user.
	mariadb -uroot -e "ALTER USER root@localhost IDENTIFIED VIA unix_socket OR mysql_native_password \
		USING PASSWORD('$PSW_DB_ROOT_PASSWORD'); FLUSH PRIVILEGES;"
}

create_bench_user() {
	if ! id "$PSW_BENCH_USER" >/dev/null 2>&1; then
		say "creating the bench user $PSW_BENCH_USER"
		useradd -m -s /bin/bash "$PSW_BENCH_USER"
	fi
	PSW_BENCH_HOME=$(getent passwd "$PSW_BENCH_USER" | cut -d: -f6)
	chmod o+x "$PSW_BENCH_HOME"
	if [ ! -x "$PSW_BENCH_VENV/bin/bench" ]; then
		say "installing frappe-bench"
		su "$PSW_BENCH_USER" -c "/usr/bin/python3 -m venv '$PSW_BENCH_VENV' && '$PSW_BENCH_VENV/bin/pip' install -q frappe-bench"
	fi
	# `bench` on everyone's PATH, as the bench docs' pip install gives it
	ln -sf "$PSW_BENCH_VENV/bin/bench" /usr/local/bin/bench
}

# Frappe v15 takes air-datepicker from GitHub; the npm registry has the same release (2.2.3). A local clone
# of the chosen Frappe source gets that one change, so the bench installs with registry access only.
prepare_frappe_source() {
	local work=$1
	# cloned by root, then handed over: git refuses a local source owned by another user
	git clone -q --depth 1 --branch "$FRAPPE_BRANCH" "$(git_source "$FRAPPE_PATH")" "$work/frappe"
	chown -R "$PSW_BENCH_USER": "$work/frappe"
	su "$PSW_BENCH_USER" -c "cd '$work/frappe' && /usr/bin/python3 - <<'PY'
import json, re
pkg = json.load(open('package.json'))
if str(pkg['dependencies'].get('air-datepicker', '')).startswith('github:'):
    pkg['dependencies']['air-datepicker'] = '2.2.3'
    json.dump(pkg, open('package.json', 'w'), indent='\t')
    lock = open('yarn.lock').read()
    lock = re.sub(r'\"air-datepicker@github:[^\n]*\n(  [^\n]*\n)+', '', lock)
    open('yarn.lock', 'w').write(lock)
PY
git -c user.name=setup -c user.email=setup@localhost commit -qam 'air-datepicker from the npm registry' || true"
}

git_source() {
	# a local folder is cloned through file:// so that --depth applies
	if [ -d "$1" ]; then echo "file://$(cd "$1" && pwd)"; else echo "$1"; fi
}

init_bench() {
	bench_exists && { say "bench found at $PSW_BENCH_DIR"; return; }
	local work
	work=$(su "$PSW_BENCH_USER" -c "mktemp -d")
	say "preparing Frappe ($FRAPPE_BRANCH) from $FRAPPE_PATH"
	prepare_frappe_source "$work"
	# Frappe v15 still imports pkg_resources, which setuptools 70 and later no longer ship.
	echo "setuptools<70" >"$work/constraints.txt"
	chown "$PSW_BENCH_USER" "$work/constraints.txt"
	say "bench init (a few minutes)"
	su "$PSW_BENCH_USER" -c "cd '$(dirname "$PSW_BENCH_DIR")' && PIP_CONSTRAINT='$work/constraints.txt' UV_CONSTRAINT='$work/constraints.txt' \
		PATH='$PSW_BENCH_VENV/bin:/usr/local/bin:/usr/bin:/bin' bench init '$(basename "$PSW_BENCH_DIR")' \
		--frappe-path '$work/frappe' --frappe-branch '$FRAPPE_BRANCH' --python /usr/bin/python3 --no-backups"
	as_bench "env/bin/pip install -q 'setuptools<70'"
	as_bench "git -C apps/frappe remote set-url upstream '$FRAPPE_PATH'"
	as_bench "bench set-config -g root_password '$PSW_DB_ROOT_PASSWORD'" >/dev/null
	rm -rf "$work"
}

create_site() {
	start_services
	sync_app_into_bench "$PSW_REPO_DIR"
	if [ ! -d "$PSW_BENCH_DIR/sites/$PSW_SITE" ]; then
		say "creating site $PSW_SITE"
		as_bench "bench new-site '$PSW_SITE' --admin-password '$PSW_ADMIN_PASSWORD' \
			--db-root-password '$PSW_DB_ROOT_PASSWORD' --install-app $PSW_APP"
		as_bench "bench --site '$PSW_SITE' execute petition_social_work.setup.install.finish_local_setup"
		as_bench "bench --site '$PSW_SITE' make-petition-demo"
	else
		as_bench "bench --site '$PSW_SITE' list-apps" | grep -q "$PSW_APP" \
			|| as_bench "bench --site '$PSW_SITE' install-app $PSW_APP"
		as_bench "bench --site '$PSW_SITE' migrate"
	fi
	as_bench "bench use '$PSW_SITE'" >/dev/null
	as_bench "bench build --app $PSW_APP" >/dev/null || warn "asset build failed; the desk still works"
}

install_system_packages
configure_mariadb
create_bench_user
init_bench
ensure_bench_test_packages
ensure_semgrep_rules || warn "could not clone $PSW_SEMGREP_RULES_SOURCE: the static security tier will say so"
[ "${1:-}" = "--bench-only" ] && { say "bench ready at $PSW_BENCH_DIR"; exit 0; }
create_site
say "done: cd $PSW_BENCH_DIR && su $PSW_BENCH_USER -c 'bench start', then http://$PSW_SITE:8000 (Administrator / $PSW_ADMIN_PASSWORD)"
