#!/usr/bin/env bash
# Measures dmdownload against the emulator on loopback and prints figures (docs/benchmarks.md).
# Usage: scripts/bench.sh [emulator|large|small|memory|scale|governor|all]... (default: all)
# Compares dmdownload with curl --parallel and aria2c fetching the same signed URLs, with the
# same parallelism, to the same disk. Prints figures and ratios; asserts nothing on time.
# Needs java, jq, curl and aria2c. Knobs (environment): BENCH_DIR (default /tmp/dmmigrate-bench),
# BENCH_JOBS (4), BENCH_REPEAT (runs per tool, the best is kept; 1), BENCH_LARGE
# (synthetic:1x20x100MB), BENCH_SMALL (synthetic:1x3334x4kB), BENCH_HUGE (synthetic:1x1x10GB),
# BENCH_ORG (synthetic:10x10000x1kB), BENCH_ORG_FAKE (1: list the big organisation only),
# BENCH_HUGE=none skips the 10 GB asset,
# BENCH_HEAP (-Xmx128m; -Xmx256m for scale). The scale part: BENCH_SCALE (the catalogs, in
# growing order), BENCH_RERUN (synthetic:10x1000x1kB), BENCH_GOVERNOR (synthetic:1x1000x1kB),
# BENCH_RATE_LIMIT (rate-limit:calls=100,window=1s), BENCH_GOVERNOR_JOBS (1 4 8); BENCH_QUIET
# (seconds to wait for idle CPUs before each timed run: 60, 15 in the scale part).
set -euo pipefail

home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
work="${BENCH_DIR:-/tmp/dmmigrate-bench}"
jobs="${BENCH_JOBS:-4}"
repeat="${BENCH_REPEAT:-1}"
quiet="${BENCH_QUIET:-60}"
heap="${BENCH_HEAP:--Xmx128m}"
emulator_pid=""

say() {
    printf '%s\n' "$*"
}

now() {
    date +%s.%N
}

# Prints "$1 / $2" with 3 decimals (awk: bash has no floating point).
div() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "inf"; else printf "%.3f", a / b }'
}

need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { say "bench: $tool is missing; install it" >&2; exit 1; }
    done
}

build() {
    if [ ! -f "$home/target/dmcloud-migrate-cli.jar" ] \
            || [ -n "$(find "$home/src/main" "$home/pom.xml" \
                -newer "$home/target/dmcloud-migrate-cli.jar" -print -quit)" ]; then
        say "bench: building the jar..."
        (cd "$home" && mvn -q -B -o -DskipTests package)
    fi
    # A private copy: a rebuild during a run must not pull classes from under the JVM.
    cp "$home/target/dmcloud-migrate-cli.jar" "$work/bench.jar"
}

# Waits (up to BENCH_QUIET seconds, 60) until the CPUs are at least 85% idle over one second:
# the machine may be shared, and a busy neighbour makes any figure meaningless.
wait_quiet() {
    local a b
    for _ in $(seq 1 "${quiet:-60}"); do
        a=$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
        sleep 1
        b=$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
        if awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
                exit !((y[1] - x[1]) * 100 >= 85 * (y[2] - x[2])) }'; then
            return 0
        fi
    done
    say "  (the machine stayed busy: the next figure is disturbed by other processes)"
}

# Starts the emulator with catalog $1 (and options "${@:2}", e.g. -v or --fault SPEC) and
# exports DMCLOUD_API_URL, _USER_ID and _API_KEY.
start_emulator() {
    local catalog="$1"
    shift
    stop_emulator
    # An old file would hand out the previous emulator's address before the new one writes.
    rm -f "$work/emulator.out"
    java -jar "$work/bench.jar" dmcloud-emulator --catalog "$catalog" "$@" \
        >"$work/emulator.out" 2>"$work/emulator.err" &
    emulator_pid=$!
    for _ in $(seq 1 300); do
        grep -q '^export DMCLOUD_API_KEY=' "$work/emulator.out" 2>/dev/null && break
        kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.err" >&2; exit 1; }
        sleep 0.1
    done
    eval "$(grep '^export ' "$work/emulator.out")"
    say "emulator: $catalog${*:+ $*} at $DMCLOUD_API_URL (pid $emulator_pid)"
}

stop_emulator() {
    if [ -n "$emulator_pid" ]; then
        kill "$emulator_pid" 2>/dev/null || true
        wait "$emulator_pid" 2>/dev/null || true
        emulator_pid=""
    fi
}
trap stop_emulator EXIT

# Runs dmdownload "$@" under /usr/bin/time; sets seconds, cpu, rss_kb, live_mib and status.
dmdownload_timed() {
    tool_timed dmdownload --jobs "$jobs" "$@"
}

# Runs tool $1 (dmdownload, dmsize) with "${@:2}" under /usr/bin/time, logging to
# $work/$1.log and the JVM's collections to $work/gc.log; sets seconds, cpu (user + system),
# rss_kb (peak RSS), live_mib (the largest heap left after a collection: an upper bound of the
# live data, since a young collection leaves the old generation's garbage) and status.
tool_timed() {
    local tool="$1" log="$work/$1.log" started
    shift
    sync
    wait_quiet
    started=$(now)
    status=0
    rm -f "$work/gc.log"
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$work/time.txt" java ${DMMIGRATE_JAVA_OPTS:-} $heap \
        -Xlog:gc:file="$work/gc.log" -jar "$work/bench.jar" "$tool" "$@" >"$log" 2>&1 \
        || status=$?
    seconds=$(awk -v a="$(now)" -v b="$started" 'BEGIN { printf "%.3f", a - b }')
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
    cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 }
        END { printf "%.2f", u + s }' "$work/time.txt")
    # "[0.123s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 158M->10M(256M) 3ms"
    live_mib=$(awk '/Pause/ { for (i = 1; i <= NF; i++) if ($i ~ /->/) {
            split($i, x, "->"); v = x[2] + 0; if (v > max) max = v } }
        END { printf "%d", max }' "$work/gc.log" 2>/dev/null || echo 0)
    if [ "$status" -ne 0 ]; then
        say "  $tool exited $status; last lines of $log:"
        tail -n 15 "$log" | sed 's/^/    /'
    fi
}

# Lists the catalog with dmdownload --fake into $1 and writes $1.tsv: URL, folder, file name.
list_urls() {
    rm -rf "$1"
    dmdownload_timed --fake "$1"
    listing_seconds=$seconds
    find "$1" -name assets.json -print0 | xargs -0 jq -r 'input_filename as $file
        | ($file | split("/") | .[-2]) as $media
        | to_entries[] | select(.value.status == "ready")
        | (.value.download_url // .value.stream_url) as $url | select($url != null)
        | [$url, $media, .key] | @tsv' >"$1.tsv"
    files=$(wc -l <"$1.tsv")
    bytes=$(find "$1" -name assets.json -print0 | xargs -0 jq '[.[] | select(.status == "ready")
        | select((.download_url // .stream_url) != null) | .file_size] | add' \
        | awk '{ total += $1 } END { printf "%.0f", total }')
    say "  listed $files files, $bytes bytes in ${listing_seconds}s (dmdownload --fake," \
        "peak RSS $((rss_kb / 1024)) MiB)"
}

# Times "$@" after a sync; sets seconds and tool_seconds_synced (including a final sync).
timed() {
    local started
    sync
    wait_quiet
    started=$(now)
    /usr/bin/time -f '%U %S' -o "$work/time.txt" "$@"
    cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$work/time.txt")
    seconds=$(awk -v a="$(now)" -v b="$started" 'BEGIN { printf "%.3f", a - b }')
    sync
    synced_seconds=$(awk -v a="$(now)" -v b="$started" 'BEGIN { printf "%.3f", a - b }')
}

run_curl() {
    local out="$2" config="$work/curl.config"
    rm -rf "$out"
    awk -F'\t' -v out="$out" '{ printf "url = \"%s\"\noutput = \"%s/%s/%s\"\n", $1, out, $2, $3 }' \
        "$1" >"$config"
    timed curl --parallel --parallel-max "$jobs" --no-progress-meter --create-dirs -sS -L \
        --fail --config "$config"
}

run_aria2c() {
    local out="$2" input="$work/aria2c.input"
    rm -rf "$out"
    awk -F'\t' -v out="$out" '{ printf "%s\n  dir=%s/%s\n  out=%s\n", $1, out, $2, $3 }' \
        "$1" >"$input"
    timed aria2c -q -i "$input" -j "$jobs" -x 1 -s 1 --file-allocation=none \
        --allow-overwrite=true --auto-file-renaming=false --console-log-level=error
}

# Runs tool $1 (dmdownload, curl, aria2c) BENCH_REPEAT times on list $2; keeps the best time.
best_of() {
    local tool="$1" list="$2" best="" best_synced="" best_rss="" best_cpu=""
    for _ in $(seq 1 "$repeat"); do
        case "$tool" in
            dmdownload) rm -rf "$work/out-dmdownload"; dmdownload_timed "$work/out-dmdownload"
                synced_seconds=$seconds ;;
            dmdownload-single) rm -rf "$work/out-dmdownload"
                dmdownload_timed --single-read "$work/out-dmdownload"; synced_seconds=$seconds ;;
            curl) run_curl "$list" "$work/out-curl"; rss_kb="" ;;
            aria2c) run_aria2c "$list" "$work/out-aria2c"; rss_kb="" ;;
        esac
        if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$seconds; best_synced=$synced_seconds; best_rss=$rss_kb
        fi
        # CPU time is steadier than wall time on a shared machine: keep the least too.
        if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then
            best_cpu=$cpu
        fi
    done
    seconds=$best; synced_seconds=$best_synced; rss_kb=$best_rss; cpu=$best_cpu
}

check_tree() {
    local got
    # Asset files only: not the listings, the lock, the manifest nor the report.
    got=$(find "$1" -mindepth 2 -type f ! -name '*.json' ! -name '.*' | wc -l)
    [ "$got" -eq "$files" ] || say "  WARNING: $1 holds $got files, expected $files"
}

# Compares the three tools on catalog $1; $2 = mb (throughput) or files (files per second).
compare() {
    local catalog="$1" unit="$2" list="$work/listing.tsv" d d1 c a cs as cm
    start_emulator "$catalog"
    list_urls "$work/listing"
    list="$work/listing.tsv"

    best_of dmdownload "$list"; d=$seconds; check_tree "$work/out-dmdownload"
    say "  dmdownload --jobs $jobs: ${d}s (listing and second reads included), CPU ${cpu}s," \
        "peak RSS $((rss_kb / 1024)) MiB"
    best_of dmdownload-single "$list"; d1=$seconds; check_tree "$work/out-dmdownload"
    say "  dmdownload --jobs $jobs --single-read: ${d1}s, CPU ${cpu}s"
    best_of curl "$list"; c=$seconds; cs=$synced_seconds; check_tree "$work/out-curl"
    say "  curl --parallel-max $jobs: ${c}s (${cs}s with a final sync), CPU ${cpu}s"
    if [ "$unit" = mb ]; then
        # What a user of curl must add to be as sure of the bytes: MD5 the checksummed files.
        local started
        started=$(now)
        find "$work/out-curl" -name source -print0 | xargs -0 -P "$jobs" -n 2 md5sum >/dev/null
        cm=$(awk -v a="$(now)" -v b="$started" -v c="$c" 'BEGIN { printf "%.3f", c + a - b }')
        say "  curl + md5sum -P $jobs of the sources: ${cm}s"
    fi
    best_of aria2c "$list"; a=$seconds; as=$synced_seconds; check_tree "$work/out-aria2c"
    say "  aria2c -j $jobs: ${a}s (${as}s with a final sync), CPU ${cpu}s"

    if [ "$unit" = mb ]; then
        say "  MB/s: dmdownload $(div "$((bytes / 1000000))" "$d")," \
            "curl $(div "$((bytes / 1000000))" "$c"), aria2c $(div "$((bytes / 1000000))" "$a")"
    else
        say "  files/s: dmdownload $(div "$files" "$d"), curl $(div "$files" "$c")," \
            "aria2c $(div "$files" "$a")"
    fi
    say "  RATIO dmdownload/curl = $(div "$c" "$d") (vs curl+sync $(div "$cs" "$d"))"
    [ "$unit" = mb ] && say "  ratio dmdownload/(curl + md5sum) = $(div "$cm" "$d")"
    say "  RATIO dmdownload/aria2c = $(div "$a" "$d") (vs aria2c+sync $(div "$as" "$d"))"
    say "  RATIO dmdownload --single-read: /curl = $(div "$c" "$d1"), /aria2c = $(div "$a" "$d1")"
    rm -rf "$work/out-dmdownload" "$work/out-curl" "$work/out-aria2c"
    stop_emulator
}

bench_emulator() {
    say "== emulator: one 10 GB asset to /dev/null over loopback, then 4 x 1 GB in parallel"
    start_emulator "synthetic:1x4x10GB"
    list_urls "$work/listing"
    local url
    url=$(awk -F'\t' '$3 == "source" { print $1; exit }' "$work/listing.tsv")
    curl -sS -L -o /dev/null -w '%{size_download} %{time_total}\n' "$url" \
        | awk '{ printf "  one stream: %.0f bytes in %.3fs = %.2f GB/s\n", $1, $2, $1 / $2 / 1e9 }'
    local started config="$work/curl.config"
    awk -F'\t' '$3 == "source" { printf "url = \"%s\"\noutput = \"/dev/null\"\n", $1;
        print "range = \"0-999999999\"" }' \
        "$work/listing.tsv" >"$config"
    started=$(now)
    curl --parallel --parallel-max 4 --no-progress-meter -sS -L --config "$config"
    local took
    took=$(awk -v a="$(now)" -v b="$started" 'BEGIN { printf "%.3f", a - b }')
    say "  4 streams: 4 GB in ${took}s = $(awk -v t="$took" 'BEGIN { printf "%.2f", 4 / t }') GB/s"
    rm -rf "$work/listing"
    stop_emulator
}

bench_large() {
    say "== large assets: ${BENCH_LARGE:-synthetic:1x20x100MB}"
    compare "${BENCH_LARGE:-synthetic:1x20x100MB}" mb
}

bench_small() {
    say "== small assets: ${BENCH_SMALL:-synthetic:1x3334x4kB}"
    compare "${BENCH_SMALL:-synthetic:1x3334x4kB}" files
}

bench_memory() {
    local huge="${BENCH_HUGE:-synthetic:1x1x10GB}" org="${BENCH_ORG:-synthetic:10x10000x1kB}"
    if [ "$huge" != none ]; then
        say "== memory under $heap: $huge downloaded"
        df -h "$work" | sed 's/^/  /'
        start_emulator "$huge"
        rm -rf "$work/out-huge"
        dmdownload_timed "$work/out-huge"
        say "  dmdownload: exit $status in ${seconds}s," \
            "$(du -sb "$work/out-huge" | cut -f1) bytes, peak RSS $((rss_kb / 1024)) MiB"
        rm -rf "$work/out-huge"
        stop_emulator
    fi

    local mode=(--fake) what="listed (--fake)"
    if [ "${BENCH_ORG_FAKE:-1}" = 0 ]; then
        mode=(); what="downloaded"
    fi
    say "== memory under $heap: $org $what"
    start_emulator "$org"
    rm -rf "$work/out-org"
    dmdownload_timed "${mode[@]}" "$work/out-org"
    say "  dmdownload: exit $status in ${seconds}s," \
        "$(find "$work/out-org" -name assets.json | wc -l) assets.json," \
        "peak RSS $((rss_kb / 1024)) MiB"
    grep -E 'media listed|downloaded|would fetch' "$work/dmdownload.log" | sed 's/^/  /'
    rm -rf "$work/out-org"
    stop_emulator
}

# Counts the API calls in the -v log $1: sets calls (logical calls), attempts (retries
# included), throttled (410 answers), by_method ("media.get_assets=1000 ...") and failed.
count_calls() {
    calls=$(grep -c 'DEBUG calling api call=' "$1" || true)
    attempts=$((calls + $(grep -c 'retrying api call' "$1" || true)))
    # A 410 is either retried (one line each) or the last attempt of a call that gave up.
    throttled=$(($(grep -c 'retrying api call.*reason=410/' "$1" || true) \
        + $(grep -c 'failed asset listing.*410' "$1" || true)))
    by_method=$(awk '/DEBUG calling api call=/ { sub(/.*call=/, ""); sub(/ .*/, ""); n[$0]++ }
        END { for (m in n) print m "=" n[m] }' "$1" | sort | paste -s -d ' ')
    failed=$(awk '$1 == "failed" { print $2 }' "$1" | tail -n 1)
}

# Adds a Markdown row for tool $1 on $2 media to rows. Growth compares the CPU time per media
# with the tool's first row (flat when time is linear); "per added media" divides the wall and
# CPU time gained since the tool's previous row by the media added (the JVM's start-up cancels
# out). CPU seconds are the steadier figure on a shared machine.
scale_row() {
    local name="$1" media="$2" key first previous per_media cpu_per_media growth marginal
    local previous_media previous_seconds previous_cpu
    per_media=$(awk -v t="$seconds" -v m="$media" 'BEGIN { printf "%.3f", t * 1000 / m }')
    cpu_per_media=$(awk -v t="$cpu" -v m="$media" 'BEGIN { printf "%.3f", t * 1000 / m }')
    key=$(printf '%s' "$name" | tr -c 'a-z' '_')
    first="first_$key"; previous="previous_$key"
    if [ -z "${!first:-}" ]; then
        printf -v "$first" '%s' "$cpu_per_media"
        growth="1.00"; marginal="-"
    else
        growth=$(awk -v a="$cpu_per_media" -v b="${!first}" 'BEGIN { printf "%.2f", a / b }')
        read -r previous_media previous_seconds previous_cpu <<<"${!previous}"
        marginal=$(awk -v t="$seconds" -v u="$previous_seconds" -v c="$cpu" \
            -v d="$previous_cpu" -v m="$media" -v n="$previous_media" 'BEGIN {
                if (m == n) print "-";
                else printf "%.3f / %.3f", (t - u) * 1000 / (m - n), (c - d) * 1000 / (m - n) }')
    fi
    printf -v "$previous" '%s %s %s' "$media" "$seconds" "$cpu"
    rows+=$(printf '| %s | %s | %s | %s s | %s s | %d MiB | %d MiB | %s | %s | %s | %s | %s |' \
        "$catalog" "$media" "$name" "$seconds" "$cpu" "$((rss_kb / 1024))" "$live_mib" \
        "$per_media" "$cpu_per_media" "$growth" "$marginal" "$(div "$calls" "$media")")$'\n'
}

# Time, CPU and memory of dmsize and dmdownload --fake as the organisation grows, the API
# calls per media, a rerun, and the listing under a rate limit (docs/benchmarks.md, Scale).
bench_scale() {
    local heap="${BENCH_HEAP:--Xmx256m}" out="$work/out-scale" rows="" catalog media
    # 16 timed runs: a busy neighbour must not stretch the part past 15 minutes.
    local quiet="${BENCH_QUIET:-15}"
    local catalogs="${BENCH_SCALE:-synthetic:10x100x1kB synthetic:10x1000x1kB
        synthetic:10x10000x1kB synthetic:1x100000x1kB}"
    say "== scale under $heap: dmsize and dmdownload --fake --jobs $jobs"
    for catalog in $catalogs; do
        media=$(printf '%s' "$catalog" | awk -F'[:x]' '{ print $2 * $3 }')
        start_emulator "$catalog"
        rm -rf "$out"
        tool_timed dmsize -v "$out"
        count_calls "$work/dmsize.log"
        say "  dmsize: ${seconds}s, CPU ${cpu}s, peak RSS $((rss_kb / 1024)) MiB," \
            "heap after GC <= ${live_mib} MiB; calls: $by_method"
        scale_row dmsize "$media"
        rm -rf "$out"
        dmdownload_timed --fake -v "$out"
        count_calls "$work/dmdownload.log"
        say "  dmdownload --fake: ${seconds}s, CPU ${cpu}s, peak RSS $((rss_kb / 1024)) MiB," \
            "heap after GC <= ${live_mib} MiB, failed $failed; calls: $by_method"
        scale_row "dmdownload --fake" "$media"
        rm -rf "$out"
        stop_emulator
    done
    say ""
    say "| catalog | media | tool | wall | CPU | peak RSS | heap after GC | ms/media" \
        "| CPU ms/media" \
        "| growth | ms per added media (wall / CPU) | calls/media |"
    say "|---|---|---|---|---|---|---|---|---|---|---|---|"
    printf '%s' "$rows"
    say ""
    bench_rerun
    bench_governor
}

# Downloads BENCH_RERUN for real, then runs the same command again: the rerun lists again
# (signed links expire, so get_assets is called afresh) and must fetch nothing.
bench_rerun() {
    local catalog="${BENCH_RERUN:-synthetic:10x1000x1kB}" out="$work/out-rerun" media run
    local before cdn fetched table=""
    media=$(printf '%s' "$catalog" | awk -F'[:x]' '{ print $2 * $3 }')
    say "== rerun: $catalog downloaded, then again (CDN requests counted by the emulator's -v)"
    start_emulator "$catalog" -v
    rm -rf "$out"
    for run in first rerun; do
        # The emulator logs a request after answering it: let the last lines of a run land.
        sleep 1
        before=$(wc -l <"$work/emulator.err")
        dmdownload_timed -v "$out"
        count_calls "$work/dmdownload.log"
        cdn=$(tail -n +"$((before + 1))" "$work/emulator.err" | grep 'served request' \
            | grep -vc 'path=/api ' || true)
        fetched=$(awk '$1 == "downloaded" { print $2 }' "$work/dmdownload.log" | tail -n 1)
        say "  $run: exit $status in ${seconds}s, fetched $fetched files, $cdn CDN requests," \
            "calls: $by_method"
        table+=$(printf '| %s | %s s | %s s | %d MiB | %s | %s | %s | %s | %s |' "$run" \
            "$seconds" "$cpu" "$((rss_kb / 1024))" "$fetched" "$cdn" "$calls" \
            "$(div "$calls" "$media")" "$by_method")$'\n'
    done
    rm -rf "$out"
    stop_emulator
    say ""
    say "| run | wall | CPU | peak RSS | files fetched | CDN requests | API calls | calls/media" \
        "| calls by method |"
    say "|---|---|---|---|---|---|---|---|---|"
    printf '%s' "$table"
    say ""
}

# Lists BENCH_GOVERNOR with --jobs 1, 4 and 8, without and then with the emulator's rate
# limit: the workers share one RateGovernor, so more jobs must not mean many more 410s.
bench_governor() {
    local catalog="${BENCH_GOVERNOR:-synthetic:1x1000x1kB}" out="$work/out-governor"
    local limit="${BENCH_RATE_LIMIT:-rate-limit:calls=100,window=1s}" fault n table=""
    local assets
    say "== parallel listing under one rate governor: $catalog, dmdownload --fake"
    for fault in none "$limit"; do
        if [ "$fault" = none ]; then
            start_emulator "$catalog"
        else
            start_emulator "$catalog" --fault "$fault"
        fi
        for n in ${BENCH_GOVERNOR_JOBS:-1 4 8}; do
            rm -rf "$out"
            tool_timed dmdownload --jobs "$n" --fake -v "$out"
            count_calls "$work/dmdownload.log"
            assets=$(printf '%s' "$by_method" | tr ' ' '\n' | awk -F= '$1 == "media.get_assets" {
                print $2 }')
            say "  fault $fault, --jobs $n: ${seconds}s, $attempts attempts, $throttled 410s," \
                "failed ${failed:-?}"
            table+=$(printf '| %s | %s | %s s | %s s | %s | %s | %s | %s | %s |' "$fault" "$n" \
                "$seconds" "$cpu" "${assets:-0}" "$attempts" "$throttled" "${failed:-?}" \
                "$(div "$attempts" "$seconds")")$'\n'
        done
        rm -rf "$out"
        stop_emulator
    done
    say ""
    say "| fault | jobs | wall | CPU | get_assets calls | attempts | 410s | failed | attempts/s |"
    say "|---|---|---|---|---|---|---|---|---|"
    printf '%s' "$table"
    say ""
}

need java jq curl aria2c awk /usr/bin/time
mkdir -p "$work"
build
say "bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, jobs=$jobs, heap=$heap," \
    "work=$work ($(df -h --output=avail "$work" | tail -1 | tr -d ' ') free)"
[ $# -gt 0 ] || set -- all
for part in "$@"; do
    case "$part" in
        emulator) bench_emulator ;;
        large) bench_large ;;
        small) bench_small ;;
        memory) bench_memory ;;
        scale) bench_scale ;;
        governor) bench_governor ;;
        all) bench_emulator; bench_large; bench_small; bench_memory; bench_scale ;;
        *) say "bench: unknown part $part (emulator, large, small, memory, scale, governor, all)" >&2
            exit 2 ;;
    esac
done
