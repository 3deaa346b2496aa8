#!/usr/bin/env bash
# Backup and restore proof: a backup of a site with demo data, restored into fresh sites, gives back every
# record, attachment and decrypted value, counted and compared (setup/data_fingerprint.py).
#   site A  the given site, filled with demo data, fingerprinted, then `bench backup --with-files`;
#   site B  a new site with the backed-up site config (so A's encryption_key), restored with its files:
#           its fingerprint must equal A's;
#   site C  a new site with a key of its own, restored the same way: the same records and files, but the
#           encrypted values must not open (their digest differs and every one is counted unreadable).
# B and C are dropped afterwards. Prints one "PASS <check>" or "FAIL <check>" line per check.
# Usage (as root or the bench user): scripts/check_backup_restore.sh SITE [WORKDIR]
# PSW_BACKUP_PETITIONERS sets the size of the demo (12 by default); PSW_BACKUP_DEMO=0 makes no demo and
# proves the backup of the data SITE already holds.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SITE_A=${1:?usage: $0 SITE [WORKDIR]}
DIR=${2:-$(mktemp -d /tmp/psw-backup.XXXXXX)}
PETITIONERS=${PSW_BACKUP_PETITIONERS:-12}
SITE_B="${SITE_A%.localhost}-restored-b.localhost"
SITE_C="${SITE_A%.localhost}-restored-c.localhost"
FINGERPRINT="petition_social_work.setup.data_fingerprint.data_fingerprint"
CHECK_BACKUP="backup --with-files writes the database, public and private files"
CHECK_SAME_KEY="restore with the site's key returns every record, attachment and decrypted value"
CHECK_OTHER_KEY="restore without the site's key keeps every record but opens no encrypted value"

mkdir -p "$DIR/backup"
chmod 755 "$DIR"
chown -R "$PSW_BENCH_USER": "$DIR" 2>/dev/null || true
STARTED=$(date +%s)

elapsed() { echo "$(($(date +%s) - STARTED))s"; }

drop_restored_sites() {
	local site
	for site in "$SITE_B" "$SITE_C"; do
		[ -d "$PSW_BENCH_DIR/sites/$site" ] || continue
		as_bench "bench drop-site '$site' --force --no-backup --db-root-password '$PSW_DB_ROOT_PASSWORD'" \
			>>"$DIR/drop.log" 2>&1
		rm -rf "$PSW_BENCH_DIR/archived/sites/$site"* "$PSW_BENCH_DIR/sites/$site"
	done
}
trap drop_restored_sites EXIT

fail_all() {
	echo "$1" >&2
	printf 'FAIL %s\n' "$CHECK_BACKUP" "$CHECK_SAME_KEY" "$CHECK_OTHER_KEY"
	exit 1
}

# bench execute prints the returned dict as JSON, sometimes after other output: keep the last JSON line
fingerprint() {
	as_bench "bench --site '$1' execute $FINGERPRINT" >"$DIR/$2.raw" 2>&1
	python3 - "$DIR/$2.raw" "$DIR/$2.json" <<'PY'
import json, sys
lines = open(sys.argv[1], errors="replace").read().splitlines()
found = [line for line in lines if line.startswith("{")]
if not found:
    sys.exit("no fingerprint in the output:\n" + "\n".join(lines[-10:]))
json.dump(json.loads(found[-1]), open(sys.argv[2], "w"), indent=1, sort_keys=True)
PY
}

# A fresh site as on a new server: the backed-up site config with its own database name and password, and
# either the backed-up encryption_key or a new one; then `bench restore` creates the database from the dump.
# (`bench new-site` first would install Frappe only for the restore to replace it: twice the time.)
restore_into() {
	local site=$1 key=$2 log="$DIR/restore-$1.log"
	mkdir -p "$PSW_BENCH_DIR/sites/$site"
	python3 - "$CONFIG_FILE" "$PSW_BENCH_DIR/sites/$site/site_config.json" "$key" <<'PY' || return 1
import base64, json, os, secrets, sys
conf = json.load(open(sys.argv[1]))
conf.update(db_name="_" + secrets.token_hex(8), db_password=secrets.token_hex(8))
if sys.argv[3] != "keep":
    conf["encryption_key"] = base64.urlsafe_b64encode(os.urandom(32)).decode()
json.dump(conf, open(sys.argv[2], "w"), indent=1)
PY
	chown -R "$PSW_BENCH_USER": "$PSW_BENCH_DIR/sites/$site"
	as_bench "bench --site '$site' restore '$DB_FILE' --with-public-files '$PUBLIC_FILES' \
		--with-private-files '$PRIVATE_FILES' --db-root-password '$PSW_DB_ROOT_PASSWORD'" >"$log" 2>&1 \
		|| { tail -20 "$log" >&2; return 1; }
}

if [ "${PSW_BACKUP_DEMO:-1}" != 0 ]; then
	say "backup and restore: demo data ($PETITIONERS petitioners) on $SITE_A"
	as_bench "bench --site '$SITE_A' make-petition-demo --petitioners $PETITIONERS" >"$DIR/demo.log" 2>&1 \
		|| fail_all "the demo could not be made on $SITE_A: $(tail -3 "$DIR/demo.log")"
fi
fingerprint "$SITE_A" A || fail_all "no fingerprint of $SITE_A"

say "backup and restore: bench backup --with-files ($(elapsed))"
as_bench "bench --site '$SITE_A' backup --with-files --backup-path '$DIR/backup'" >"$DIR/backup.log" 2>&1
DB_FILE=$(ls "$DIR"/backup/*-database.sql.gz 2>/dev/null | head -1)
PUBLIC_FILES=$(ls "$DIR"/backup/*-files.tar 2>/dev/null | grep -v private-files | head -1)
PRIVATE_FILES=$(ls "$DIR"/backup/*-private-files.tar 2>/dev/null | head -1)
CONFIG_FILE=$(ls "$DIR"/backup/*-site_config_backup.json 2>/dev/null | head -1)
if [ -n "$DB_FILE" ] && [ -n "$PUBLIC_FILES" ] && [ -n "$PRIVATE_FILES" ] && [ -n "$CONFIG_FILE" ]; then
	echo "PASS $CHECK_BACKUP"
else
	tail -20 "$DIR/backup.log" >&2
	fail_all "the backup is incomplete: $(ls "$DIR/backup")"
fi
say "backup and restore: $SITE_B with the site's key ($(elapsed))"
if restore_into "$SITE_B" keep && fingerprint "$SITE_B" B; then
	B_OK=1
else
	B_OK=""
fi
say "backup and restore: $SITE_C with its own key ($(elapsed))"
if restore_into "$SITE_C" new && fingerprint "$SITE_C" C; then
	C_OK=1
else
	C_OK=""
fi

# compare: prints one PASS/FAIL line per check, with what differs
python3 - "$DIR" "${B_OK:-0}" "${C_OK:-0}" "$CHECK_SAME_KEY" "$CHECK_OTHER_KEY" <<'PY'
import json, sys
from pathlib import Path

folder, b_ok, c_ok, same_key, other_key = sys.argv[1:6]
load = lambda name: json.loads((Path(folder) / f"{name}.json").read_text())
a = load("A")


def differences(x, y, path=""):
    if isinstance(x, dict) and isinstance(y, dict):
        for key in sorted(set(x) | set(y)):
            yield from differences(x.get(key), y.get(key), f"{path}/{key}")
    elif x != y:
        yield f"{path}: {x!r} != {y!r}"


rows = {name: record["rows"] for name, record in a["records"].items()}
print(
    f"     site A: {rows.get('Petitioner', 0)} petitioners, {rows.get('Petition Intake', 0)} cases, "
    f"{sum(rows.values())} rows in {len(rows)} DocTypes, {a['files']['count']} attached files "
    f"({a['files']['private']} private), encryption: {a['encryption'] if isinstance(a['encryption'], str) else 'present'}"
)
problems = []
if not rows.get("Petitioner") or not rows.get("Petition Intake"):
    problems.append("site A holds no petitioners or cases: the comparison would prove nothing")
if isinstance(a["encryption"], dict) and not a["encryption"]["encrypted_values"]:
    problems.append("site A stores no encrypted value: the key check would prove nothing")
if a["files"]["count"] < 2 or a["files"]["missing"]:
    problems.append(f"site A needs at least two attached files on disk: {a['files']}")

if b_ok != "1":
    print(f"FAIL {same_key}: the restore into site B failed")
else:
    diff = list(differences(a, load("B")))
    if diff or problems:
        print(f"FAIL {same_key}:")
        print("\n".join(f"     {line}" for line in problems + diff[:30]))
    else:
        print(f"PASS {same_key}")

if c_ok != "1":
    print(f"FAIL {other_key}: the restore into site C failed")
else:
    c = load("C")
    diff = list(differences({**a, "encryption": None}, {**c, "encryption": None}))
    if a["encryption"] == "absent" or c["encryption"] == "absent":
        diff.append("no encryption at rest (petition_social_work.privacy.encryption is absent): "
                    "a restore without the key reads every value")
    elif c["encryption"]["decrypted_digest"] == a["encryption"]["decrypted_digest"]:
        diff.append("the encrypted values opened without the site's key")
    elif (
        a["encryption"]["unreadable"]
        or not c["encryption"]["encrypted_values"]
        or c["encryption"]["unreadable"] != c["encryption"]["encrypted_values"]
    ):
        diff.append(f"unreadable values: site A {a['encryption']['unreadable']}, site C "
                    f"{c['encryption']['unreadable']} of {c['encryption']['encrypted_values']} stored encrypted "
                    "(expected none on A and every one on C)")
    if diff or problems:
        print(f"FAIL {other_key}:")
        print("\n".join(f"     {line}" for line in problems + diff[:30]))
    else:
        print(f"PASS {other_key} ({c['encryption']['unreadable']} values unreadable)")
PY
drop_restored_sites
trap - EXIT
say "backup and restore: done in $(elapsed)"
