#!/usr/bin/env bash
# Chancery benchmark (issue 7). Not a test: CI does not run it and nothing here asserts a time.
#
# Builds the jar and deploys it as the README's "Deploying" section says (the jar extracted, and a
# CDS archive of the classes a start loads, made by a training run). Builds the anchor too
# (bench/anchor: the smallest Spring Boot MVC application of the same Boot version, one GET of a
# small fixed JSON object), times three `java -jar` starts of it and measures its GET with exactly
# the protocol the reads below get, before them and again after the last scale (for its RSS and as
# a reference): the limit of the stack on this machine. Then for each scale (default "1 10"):
#   1. loads the synthetic world of the bench profile into a fresh H2 file database in a temp dir
#      (a JVM of its own, -Xmx1g; the load time is the one the application logs);
#   2. serves that database with -Xmx256m on 127.0.0.1, warms up at 2 connections, then measures
#      each endpoint for a few seconds at 32 connections with wrk (the reads first, then the POST);
#      a second anchor runs beside it, idle but when measured: warmed up as the reads are, and
#      measured just before each read of the kept round, which is divided by that measurement (the
#      machine's speed drifts over a run, by a third and more between runs);
# and measures start-up to ready on an H2 database that holds the countries (a restart), deployed
# so and as a plain `java -jar` of the jar. Prints one table: requests/s, as a multiple of the country lookup's
# and of the anchor's, p50, p99.
# Everything runs on the loopback interface and stops by itself.
#
# Environment: BENCH_SCALES ("1 10"), BENCH_PORT (18080; the anchor beside Chancery takes the
# next), BENCH_WARMUP_SECONDS (20 per endpoint), BENCH_SECONDS (12 per endpoint), BENCH_ROUNDS (2:
# the reads are measured twice at full concurrency and the last round is kept), BENCH_CONNECTIONS
# (32), BENCH_SKIP_BUILD (unset),
# BENCH_JAR (the jar to measure; default the one the build makes), BENCH_IMPORTS (1; 0 leaves the
# import timings out).
set -euo pipefail

cd "$(dirname "$0")/.."
SCALES=${BENCH_SCALES:-"1 10"}
PORT=${BENCH_PORT:-18080}
WARMUP=${BENCH_WARMUP_SECONDS:-20}
DURATION=${BENCH_SECONDS:-12}
ROUNDS=${BENCH_ROUNDS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
BASE="http://127.0.0.1:${PORT}"
# the options of the product's own H2 URL (application.yml), with the database in a temporary folder
H2_OPTIONS=$(sed -n 's|^ *url: jdbc:h2:file:[^;]*;||p' src/main/resources/application.yml | head -1)
JAR=${BENCH_JAR:-target/chancery-0.1.0-SNAPSHOT.jar}
ANCHOR_JAR=bench/anchor/target/chancery-bench-anchor-0.1.0-SNAPSHOT.jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chancery-bench.XXXXXX")
APP="$WORK/app/$(basename "$JAR")"
APP_PID=""
ANCHOR_PID=""
ANCHOR_URL="http://127.0.0.1:$((PORT + 1))/anchor"

# end_process <pid>: stops the process if it still runs, and waits for its end.
end_process() {
    if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then
        kill "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}

cleanup() {
    end_process "$ANCHOR_PID"
    end_process "$APP_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT

log() { echo "[bench] $*" >&2; }

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
    log "building the jar and the anchor"
    ./mvnw -q -DskipTests package
    ./mvnw -q -DskipTests -f bench/anchor/pom.xml package
fi
if ! command -v wrk >/dev/null; then
    log "installing wrk from Debian's packages"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    fi
fi
if curl -s -o /dev/null "$BASE/actuator/health" || curl -s -o /dev/null "$ANCHOR_URL"; then
    echo "Something already listens on 127.0.0.1:${PORT} or $((PORT + 1)); set BENCH_PORT." >&2
    exit 1
fi

now_ms() { date +%s%3N; }

# start <directory> <heap> [application arguments...]: starts the deployed application (the
# extracted jar with its CDS archive; START_JAR instead runs that jar with java -jar) on a database
# in <directory> and waits until it reports itself ready (after the bench world is loaded, if any).
start() {
    local dir=$1 heap=$2
    shift 2
    mkdir -p "$dir"
    local launch=(-XX:SharedArchiveFile="$WORK/app/application.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$APP")
    [[ -n "${START_JAR:-}" ]] && launch=(-jar "$START_JAR")
    # the H2 database in <directory>, unless the arguments name another (a repeated option would be joined)
    local database=(--spring.datasource.url="jdbc:h2:file:${dir}/chancery;${H2_OPTIONS}")
    [[ " $* " == *" --spring.datasource.url="* ]] && database=()
    java "-Xmx${heap}" "${launch[@]}" \
        --server.port="$PORT" --server.address=127.0.0.1 --spring.main.banner-mode=off \
        "${database[@]}" \
        --management.endpoint.health.probes.enabled=true \
        '--chancery.security.users[0].name=bench' '--chancery.security.users[0].password={noop}bench' \
        '--chancery.security.users[0].roles=EDITOR' '--chancery.security.users[1].name=benchadmin' \
        '--chancery.security.users[1].password={noop}bench' '--chancery.security.users[1].roles=ADMIN' \
        "$@" >>"${dir}/app.log" 2>&1 &
    APP_PID=$!
    local deadline=$((SECONDS + 3600))
    until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
        if ! kill -0 "$APP_PID" 2>/dev/null || ((SECONDS > deadline)); then
            log "the application did not start; see its log:"
            tail -40 "${dir}/app.log" >&2
            exit 1
        fi
        sleep 0.05
    done
}

stop() {
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
}

rss_mib() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# import <format> <file>: posts the file to the running application and waits for the job's end;
# prints the seconds from the POST to the end, and fails unless the job SUCCEEDED without rejected rows.
import_seconds() {
    local format=$1 file=$2 started job status
    started=$(now_ms)
    job=$(curl -sf -u benchadmin:bench -H 'Content-Type: text/csv' --data-binary "@$file" \
        "$BASE/api/imports?format=$format" | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
    [[ -n "$job" ]] || { log "the import of $file was refused"; exit 1; }
    while true; do
        status=$(curl -sf -u benchadmin:bench "$BASE/api/imports/$job")
        [[ $status == *'"status":"RUNNING"'* ]] || break
        sleep 0.2
    done
    [[ $status == *'"status":"SUCCEEDED"'* && $status == *'"REJECTED":0'* ]] || { log "import $job: $status"; exit 1; }
    awk -v ms="$(($(now_ms) - started))" 'BEGIN {printf "%.1f", ms / 1000}'
}
KENKEL=src/main/resources/history/mission_status_range_cow_v0.1.csv
COW=${BENCH_COW_FILE:-../shared/data/Diplomatic_Exchange_2006v1.csv}

# measure <name> <connections> <threads> <seconds> <path or URL> [lua script]: runs wrk and keeps
# requests/s, p50, p99 and the number of errors in RESULT_<name>_*.
measure() {
    local name=$1 connections=$2 threads=$3 seconds=$4 path=$5 script=${6:-}
    local output url=$5
    [[ $path == http* ]] || url="$BASE$path"
    output=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency \
        ${script:+-s "$script"} "$url")
    local rps p50 p99 non2xx socket
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$output")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$output")
    socket=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$output")
    printf -v "RESULT_${name}_RPS" '%s' "${rps:-0}"
    printf -v "RESULT_${name}_P50" '%s' "${p50:--}"
    printf -v "RESULT_${name}_P99" '%s' "${p99:--}"
    printf -v "RESULT_${name}_ERRORS" '%s' "$(( ${non2xx:-0} + ${socket:-0} ))"
}

ENDPOINTS=(country relation relations relationsPast timeline meetings missions milestones observationSummary
    pairObservations post)
declare -A PATHS=(
    [country]="/api/countries/FR"
    [relation]="/api/relations/US/FR"
    [relations]="/api/relations?country=US"
    [relationsPast]="/api/relations?country=US&asOf=1970-01-01"
    [timeline]="/api/relations/US/FR/timeline"
    [meetings]="/api/meetings?country=US&country=FR"
    [missions]="/api/missions?country=US&openOn=2020-01-01"
    [milestones]="/api/milestones?status=OVERDUE"
    [observationSummary]="/api/observations/summary?country=US"
    [pairObservations]="/api/relations/US/CU/observations"
    [post]="/api/meetings")
declare -A LABEL
for e in "${ENDPOINTS[@]}"; do
    LABEL[$e]="$([[ $e == post ]] && echo POST || echo GET) ${PATHS[$e]}"
done

log "deploying: the jar extracted, and a CDS archive from a training run"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
java -XX:ArchiveClassesAtExit="$WORK/app/application.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dspring.context.exit=onRefresh -jar "$APP" --spring.main.banner-mode=off \
    --spring.datasource.url="jdbc:h2:file:$WORK/training/chancery;${H2_OPTIONS}" >"$WORK/training.log" 2>&1

log "start-up to ready on an H2 database holding the countries (made by a first start, not timed), deployed and as java -jar, 3 times each"
start "$WORK/startup" 256m
stop
STARTUP_MS=""
STARTUP_JAR_MS=""
for i in 1 2 3; do
    started=$(now_ms)
    start "$WORK/startup" 256m
    STARTUP_MS+=" $(($(now_ms) - started))"
    stop
    started=$(now_ms)
    START_JAR=$JAR start "$WORK/startup" 256m
    STARTUP_JAR_MS+=" $(($(now_ms) - started))"
    stop
done

# The anchor: three java -jar starts to its first answer, then its one GET measured exactly as the
# reads below are (warm-up at 2 connections, rounds at full concurrency, the last round kept).
# launch_anchor <port> <log>: starts an anchor (java -jar, -Xmx256m) on the port and waits for its
# first answer; its process id is then in LAUNCHED_PID.
launch_anchor() {
    local port=$1 output=$2
    java -Xmx256m -jar "$ANCHOR_JAR" --server.port="$port" --server.address=127.0.0.1 \
        --spring.main.banner-mode=off >>"$output" 2>&1 &
    LAUNCHED_PID=$!
    until curl -sf -o /dev/null "http://127.0.0.1:${port}/anchor"; do
        kill -0 "$LAUNCHED_PID" 2>/dev/null || { log "the anchor did not start"; tail -20 "$output" >&2; exit 1; }
        sleep 0.05
    done
}
start_anchor() {
    launch_anchor "$PORT" "$WORK/anchor.log"
    APP_PID=$LAUNCHED_PID
}
log "the anchor: start-up to its first answer (java -jar, -Xmx256m), 3 times"
STARTUP_ANCHOR_MS=""
for i in 1 2 3; do
    started=$(now_ms)
    start_anchor
    STARTUP_ANCHOR_MS+=" $(($(now_ms) - started))"
    stop
done
# measure_anchor <name>: a fresh anchor, its GET measured as the reads are, and its RSS after.
# Measured twice, before the imports and after the last scale, for its RSS and as a reference; the
# × anchor ratios of the reads divide by the anchor beside Chancery, measured just before each.
measure_anchor() {
    log "the anchor ($1): GET /anchor, warmed up ${WARMUP} s at 2 connections, then ${ROUNDS} rounds of ${DURATION} s at ${CONNECTIONS}"
    start_anchor
    measure warmup 2 1 "$WARMUP" /anchor
    for ((round = 1; round < ROUNDS; round++)); do
        measure warmup "$CONNECTIONS" 2 "$DURATION" /anchor
    done
    measure "$1" "$CONNECTIONS" 2 "$DURATION" /anchor
    printf -v "RSS_$1" '%s' "$(rss_mib "$APP_PID")"
    stop
}
measure_anchor anchorFirst

IMPORT_KENKEL=-
IMPORT_COW=-
IMPORT_COW_PG=-
if [[ ${BENCH_IMPORTS:-1} != 0 ]]; then
    log "imports on an empty H2 database (-Xmx256m): ${KENKEL##*/}, then ${COW##*/}"
    start "$WORK/imports" 256m
    IMPORT_KENKEL=$(import_seconds kenkel-us-missions "$KENKEL")
    IMPORT_COW=$(import_seconds cow-diplomatic-exchange "$COW")
    stop
    if command -v pg_isready >/dev/null && pg_isready -h 127.0.0.1 -p 5432 -q; then
        PG_DB="chancery_bench_$$"
        log "import of ${COW##*/} on PostgreSQL (database $PG_DB, -Xmx256m)"
        psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $PG_DB"
        start "$WORK/postgres" 256m --spring.profiles.active=postgres \
            --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$PG_DB" --spring.datasource.username=postgres
        IMPORT_COW_PG=$(import_seconds cow-diplomatic-exchange "$COW")
        stop
        psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE $PG_DB WITH (FORCE)"
    fi
fi

for scale in $SCALES; do
    key=${scale//./_}
    dir="$WORK/scale-$key"
    log "scale $scale: loading the bench world (-Xmx1g)"
    started=$(now_ms)
    start "$dir" 1g --spring.profiles.active=bench --chancery.bench.scale="$scale"
    printf -v "LOAD_${key}" '%s' "$(sed -n 's/.*Bench world written in \([0-9.]*\) s.*/\1/p' "$dir/app.log" | tail -1)"
    stop

    log "scale $scale: serving with -Xmx256m; the COW Diplomatic Exchange imported first"
    start "$dir" 256m --spring.profiles.active=bench
    import_seconds cow-diplomatic-exchange "$COW" >/dev/null
    us=$(curl -sf "$BASE/api/diplomats?country=US&size=1" | sed -n 's/^{"content":\[{"id":\([0-9]*\).*/\1/p')
    fr=$(curl -sf "$BASE/api/diplomats?country=FR&size=1" | sed -n 's/^{"content":\[{"id":\([0-9]*\).*/\1/p')
    cat >"$WORK/post-meeting.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic $(printf 'bench:bench' | base64)"
wrk.body = '{"date": "2024-05-22", "city": "Paris", "country": "FR", "title": "Bench talks", "participants": [{"diplomatId": ${us}}, {"diplomatId": ${fr}}]}'
EOF
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -u bench:bench \
        --data "{\"date\": \"2024-05-22\", \"country\": \"FR\", \"participants\": [{\"diplomatId\": ${us}}, {\"diplomatId\": ${fr}}]}" \
        "$BASE/api/meetings")
    [[ $status == 201 ]] || { log "POST /api/meetings answered $status"; exit 1; }

    # The anchor beside Chancery, on the next port, warmed up and measured as the reads are.
    launch_anchor $((PORT + 1)) "$WORK/anchor-beside.log"
    ANCHOR_PID=$LAUNCHED_PID
    measure warmup 2 1 "$WARMUP" "$ANCHOR_URL"

    # The reads are warmed up and measured before any write, so that the meetings the POST adds to
    # FR–US (hundreds a second) do not lengthen the history the reads are measured on.
    log "scale $scale: warming up, ${WARMUP} s per endpoint at 2 connections"
    for e in "${ENDPOINTS[@]}"; do
        [[ $e == post ]] && continue
        measure warmup 2 1 "$WARMUP" "${PATHS[$e]}"
    done
    # Then rounds at full concurrency, reads only, each endpoint in turn: all but the last are a
    # warm-up at 32 connections too (the pool and locks take other paths than at 2), and only the
    # last round is kept, the same round for every endpoint.
    for ((round = 1; round < ROUNDS; round++)); do
        log "scale $scale: round $round of $ROUNDS (not kept), ${DURATION} s per read at ${CONNECTIONS} connections"
        measure warmup "$CONNECTIONS" 2 "$DURATION" "$ANCHOR_URL"
        for e in "${ENDPOINTS[@]}"; do
            [[ $e == post ]] && continue
            measure warmup "$CONNECTIONS" 2 "$DURATION" "${PATHS[$e]}"
        done
    done
    for e in "${ENDPOINTS[@]}"; do
        script=""
        if [[ $e == post ]]; then
            script="$WORK/post-meeting.lua"
            log "scale $scale: warming up ${LABEL[$e]}, ${WARMUP} s at 2 connections"
            measure warmup 2 1 "$WARMUP" "${PATHS[$e]}" "$script"
        fi
        if [[ $e != post ]]; then
            log "scale $scale: the anchor beside, ${DURATION} s at ${CONNECTIONS} connections"
            measure "anchor_${e}_${key}" "$CONNECTIONS" 2 "$DURATION" "$ANCHOR_URL"
        fi
        log "scale $scale: ${LABEL[$e]}, ${DURATION} s at ${CONNECTIONS} connections"
        measure "${e}_${key}" "$CONNECTIONS" 2 "$DURATION" "${PATHS[$e]}" "$script"
    done
    end_process "$ANCHOR_PID"
    ANCHOR_PID=""
    printf -v "RSS_${key}" '%s' "$(rss_mib "$APP_PID")"
    stop
    rm -rf "$dir"
done

value() { local name=$1; printf '%s' "${!name:--}"; }

# milliseconds <wrk latency> ("850.00us", "13.65ms", "1.35s"): the latency in milliseconds
milliseconds() {
    awk -v t="$1" 'BEGIN {
        if (t ~ /us$/) { sub(/us$/, "", t); printf "%.3f", t / 1000 }
        else if (t ~ /ms$/) { sub(/ms$/, "", t); printf "%.3f", t }
        else if (t ~ /m$/) { sub(/m$/, "", t); printf "%.3f", t * 60000 }
        else if (t ~ /s$/) { sub(/s$/, "", t); printf "%.3f", t * 1000 }
        else { printf "-" } }'
}

measure_anchor anchorLast

FIRST=${SCALES%% *}
LAST=${SCALES##* }
mean() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", (a + b) / 2}'; }
RSS_ANCHOR=$(mean "$RSS_anchorFirst" "$RSS_anchorLast")
# ratio <requests/s> <base requests/s>: the first as a multiple of the second, two decimals
ratio() { awk -v r="$1" -v b="$2" 'BEGIN { if (b > 0 && r != "-") printf "%.2f", r / b; else printf "-" }'; }
echo
echo "Chancery benchmark, $(date -u +%Y-%m-%d), $(nproc) cores $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1),"\
" $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), H2 file database, wrk -t2 -c${CONNECTIONS} ${DURATION} s"\
" after ${WARMUP} s per endpoint at 2 connections, reads: round ${ROUNDS} of ${ROUNDS}"
echo "(× cty: requests/s as a multiple of the country lookup's in the same scale; × anchor: of the requests/s of"
echo " the anchor, a one-endpoint Spring Boot MVC application beside Chancery, measured the same way just before"
echo " each read (column anchor); alone before and after Chancery it answered ${RESULT_anchorFirst_RPS} (p50"\
" $(value RESULT_anchorFirst_P50), p99 $(value RESULT_anchorFirst_P99)) and ${RESULT_anchorLast_RPS} (p50"\
" $(value RESULT_anchorLast_P50), p99 $(value RESULT_anchorLast_P99)) requests/s"\
"$( (( RESULT_anchorFirst_ERRORS + RESULT_anchorLast_ERRORS > 0 )) && echo ", $(( RESULT_anchorFirst_ERRORS + RESULT_anchorLast_ERRORS )) errors"))"
printf '%-48s' "endpoint"
for scale in $SCALES; do printf ' | %-50s' "scale $scale: req/s × cty  anchor × anchor    p50    p99"; done
[[ $FIRST != "$LAST" ]] && printf ' | %s' "p99 ×$LAST/×$FIRST"
echo
for e in "${ENDPOINTS[@]}"; do
    printf '%-48s' "${LABEL[$e]}"
    for scale in $SCALES; do
        key=${scale//./_}
        errors=$(value "RESULT_${e}_${key}_ERRORS")
        rps=$(value "RESULT_${e}_${key}_RPS")
        anchor=$(value "RESULT_anchor_${e}_${key}_RPS")
        printf ' | %7s %5s %7s %8s %9s %9s%s' "$rps" "$(ratio "$rps" "$(value "RESULT_country_${key}_RPS")")" \
            "$anchor" "$([[ $e == post ]] && echo - || ratio "$rps" "$anchor")" "$(value "RESULT_${e}_${key}_P50")" \
            "$(value "RESULT_${e}_${key}_P99")" "$([[ $errors != 0 && $errors != - ]] && echo " ($errors errors)" || echo "")"
    done
    if [[ $FIRST != "$LAST" ]]; then
        growth=$(awk -v a="$(milliseconds "$(value "RESULT_${e}_${FIRST//./_}_P99")")" \
            -v b="$(milliseconds "$(value "RESULT_${e}_${LAST//./_}_P99")")" \
            'BEGIN { if (a > 0 && b != "-") printf "%.2f", b / a; else printf "-" }')
        printf ' | %s' "$growth"
    fi
    echo
done
printf '%-48s' "load of the bench world (s, -Xmx1g)"
for scale in $SCALES; do printf ' | %50s' "$(value "LOAD_${scale//./_}")"; done
echo
echo "imports on an empty database (-Xmx256m, from the POST to the job's end):"
echo "  kenkel-us-missions (656 rows), H2: ${IMPORT_KENKEL} s"
echo "  cow-diplomatic-exchange (310,820 rows), H2: ${IMPORT_COW} s; PostgreSQL: ${IMPORT_COW_PG} s"
printf '%-48s' "RSS after the run (MiB, VmRSS, -Xmx256m)"
for scale in $SCALES; do
    printf ' | %50s' "$(value "RSS_${scale//./_}") ($(ratio "$(value "RSS_${scale//./_}")" "$RSS_ANCHOR") × anchor)"
done
echo
echo "  the anchor: ${RSS_ANCHOR} MiB, the mean of ${RSS_anchorFirst} and ${RSS_anchorLast}"
seconds() { for ms in "$@"; do awk -v ms="$ms" 'BEGIN {printf "%.1f s ", ms / 1000}'; done; }
median() { printf '%s\n' "$@" | sort -n | sed -n '2p'; }
# shellcheck disable=SC2086 # the lists of start-up times split into their numbers
echo "start-up to ready (-Xmx256m; Chancery restarted on an H2 database with the countries), three starts each:"
echo "  Chancery deployed (extracted jar, CDS archive): $(seconds $STARTUP_MS)"
# shellcheck disable=SC2086
echo "  Chancery, java -jar $JAR: $(seconds $STARTUP_JAR_MS)($(ratio "$(median $STARTUP_JAR_MS)" "$(median $STARTUP_ANCHOR_MS)") × anchor, medians)"
# shellcheck disable=SC2086
echo "  the anchor, java -jar: $(seconds $STARTUP_ANCHOR_MS)"
