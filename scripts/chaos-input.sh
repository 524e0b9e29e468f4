#!/usr/bin/env bash
# Runs the full hostile-input table (dmdownload, dmsize) and the dmmigrate fault matrix
# (docs/chaos-input.md) and prints their tables. The short versions run in every `mvn verify`.
# Usage: scripts/chaos-input.sh [short|full]   (default: full)
# Knobs (environment): CHAOS_SEED (the fault schedule's seed; 6).
set -euo pipefail

home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
scale="${1:-full}"
seed="${CHAOS_SEED:-6}"
log="$(mktemp -t chaos-input.XXXXXX.log)"

case "$scale" in
    short|full) ;;
    *) printf 'chaos-input: scale must be short or full, not %s\n' "$scale" >&2; exit 2 ;;
esac

cd "$home"
status=0
mvn -B verify -Dit.test='HostileInputIT,MigrateFaultsIT' -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dchaos.scale="$scale" -Dchaos.seed="$seed" >"$log" 2>&1 || status=$?

# The tables, as the tests printed them.
grep -E '^(hostile input:|dmmigrate fault matrix|[A-Za-z].{0,40} +\| )' "$log" || true
grep -E 'Tests run:|BUILD (SUCCESS|FAILURE)' "$log" | tail -n 4
printf 'full log: %s\n' "$log"
exit "$status"
