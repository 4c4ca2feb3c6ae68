#!/usr/bin/env bash
# Chancery soak. Not a test: CI does not run it and nothing here asserts a time.
#
# Serves the jar (java -jar, -Xmx256m, an H2 file database in a temp dir, the demo and history profiles) and
# keeps it busy for SOAK_MINUTES (15): public reads, good and bad, in turn (bench/soak/reads.lua, 3 connections),
# an editor's write cycle (bench/soak/writes.lua: two diplomats created, read, renamed, met, the meeting deleted,
# both diplomats deleted), and every 5 s an NDJSON import (bench/soak/kosovo.ndjson), three reads of the change
# feed and one of the import jobs. Every minute, after a full collection, it prints what would grow if something
# leaked: the live heap (the class histogram's total), metaspace, threads, file descriptors, RSS, the database's
# size, the spool's files, the HTTP timer series and the metrics' lines; the classes that grew most at the end.
# Fails if any answer was a 5xx or not the one expected, or if the application logged an ERROR.
#
# Environment: SOAK_MINUTES (15), SOAK_PORT (18090), SOAK_JAR (the jar the build makes; built if missing).
set -euo pipefail

cd "$(dirname "$0")/.."
MINUTES=${SOAK_MINUTES:-15}
PORT=${SOAK_PORT:-18090}
JAR=${SOAK_JAR:-target/chancery-0.1.0-SNAPSHOT.jar}
BASE="http://127.0.0.1:${PORT}"
H2_OPTIONS=$(sed -n 's|^ *url: jdbc:h2:file:[^;]*;||p' src/main/resources/application.yml | head -1)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chancery-soak.XXXXXX")
APP_PID=""
LOAD_PIDS=()
cleanup() {
    for pid in "${LOAD_PIDS[@]}" "$APP_PID"; do
        if [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; then
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
log() { echo "[soak] $*" >&2; }

[[ -f "$JAR" ]] || { log "building the jar"; ./mvnw -q -DskipTests package; }
command -v wrk >/dev/null || { log "wrk is missing: apt-get install wrk"; exit 1; }
if curl -s -o /dev/null "$BASE/actuator/health"; then
    echo "Something already listens on 127.0.0.1:${PORT}; set SOAK_PORT." >&2
    exit 1
fi

mkdir -p "$WORK/db" "$WORK/spool"
log "starting $JAR with -Xmx256m, the demo and history profiles, on $BASE"
java -Xmx256m -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --spring.main.banner-mode=off \
    --spring.profiles.active=demo,history --spring.datasource.url="jdbc:h2:file:$WORK/db/chancery;${H2_OPTIONS}" \
    --chancery.imports.spool-dir="$WORK/spool" \
    '--chancery.security.users[0].name=soak' '--chancery.security.users[0].password={noop}soak-password' \
    '--chancery.security.users[0].roles=ADMIN' >"$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
    kill -0 "$APP_PID" 2>/dev/null || { log "the application did not start:"; tail -40 "$WORK/app.log" >&2; exit 1; }
    sleep 0.5
done

# sample: one line of what a leak would grow, after the full collection the class histogram makes.
sample() {
    local live info metaspace prometheus
    live=$(jcmd "$APP_PID" GC.class_histogram | awk '/^Total/ {printf "%.1f", $3 / 1048576}')
    info=$(jcmd "$APP_PID" GC.heap_info)
    metaspace=$(awk '/Metaspace/ {for (i = 1; i < NF; i++) if ($i == "used") {sub(",", "", $(i + 1)); printf "%.1f", $(i + 1) / 1024}}' <<<"$info")
    prometheus=$(curl -s -u soak:soak-password "$BASE/actuator/prometheus")
    printf '%s %8s %9s %7s %4s %6s %8s %5s %11s %13s %6s\n' "$(date +%T)" "$live" "$metaspace" \
        "$(awk '/^Threads/ {print $2}' "/proc/$APP_PID/status")" "$(find "/proc/$APP_PID/fd" -mindepth 1 | wc -l)" \
        "$(awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$APP_PID/status")" "$(du -sm "$WORK/db" | cut -f1)" \
        "$(find "$WORK/spool" -type f | wc -l)" "$(grep -c '^http_server_requests_seconds_count' <<<"$prometheus")" \
        "$(grep -vc '^#' <<<"$prometheus")" "$(awk '/^hikaricp_connections_active/ {print $2}' <<<"$prometheus")"
}
echo "time     live MiB  metaspace threads  fds    RSS  db MiB spool http-series metrics-lines hikari"
sample
jcmd "$APP_PID" GC.class_histogram >"$WORK/histogram-start.txt"

END=$((SECONDS + MINUTES * 60))
export SOAK_AUTH="Basic $(printf soak:soak-password | base64)"
wrk -t3 -c3 -d$((MINUTES * 60))s -s bench/soak/reads.lua "$BASE" >"$WORK/reads.txt" 2>&1 &
LOAD_PIDS+=($!)
wrk -t1 -c1 -d$((MINUTES * 60))s -s bench/soak/writes.lua "$BASE" >"$WORK/writes.txt" 2>&1 &
LOAD_PIDS+=($!)
(
    accepted=0 refused=0 feed=0
    while ((SECONDS < END)); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -u soak:soak-password -H 'Content-Type: application/x-ndjson' \
            --data-binary @bench/soak/kosovo.ndjson "$BASE/api/imports?format=chancery-ndjson")
        if [[ $code == 202 ]]; then accepted=$((accepted + 1)); else refused=$((refused + 1)); fi
        for after in 0 100 1000; do
            [[ $(curl -s -o /dev/null -w '%{http_code}' -u soak:soak-password \
                "$BASE/api/changes?after=$after&size=100") == 200 ]] || refused=$((refused + 1))
            feed=$((feed + 1))
        done
        [[ $(curl -s -o /dev/null -w '%{http_code}' -u soak:soak-password "$BASE/api/imports?size=20") == 200 ]] \
            || refused=$((refused + 1))
        echo "imports: $accepted accepted; feed: $feed reads; $refused answered other than expected" >"$WORK/imports.txt"
        sleep 5
    done
) &
LOAD_PIDS+=($!)
while ((SECONDS < END)); do
    sleep $((END - SECONDS < 60 ? (END - SECONDS > 0 ? END - SECONDS : 0) : 60))
    sample
done
wait "${LOAD_PIDS[@]}"
LOAD_PIDS=()
sleep 10
echo "10 s after the load:"
sample
jcmd "$APP_PID" GC.class_histogram >"$WORK/histogram-end.txt"
echo "the classes whose live bytes grew most, from the start to the end:"
join <(awk '$1 ~ /:$/ {print $4, $3}' "$WORK/histogram-start.txt" | sort) \
    <(awk '$1 ~ /:$/ {print $4, $3}' "$WORK/histogram-end.txt" | sort) -a 2 -e 0 -o 0,1.2,2.2 \
    | awk '{printf "  %+10d bytes  %s\n", $3 - $2, $1}' | sort -rn | sed -n 1,8p
grep -h -E '^(reads|writes):' "$WORK/reads.txt" "$WORK/writes.txt"
cat "$WORK/imports.txt"
grep -h -E 'Requests/sec|Latency' "$WORK/reads.txt" "$WORK/writes.txt" | sed 's/^/  /'
errors=$(grep -c ' ERROR ' "$WORK/app.log" || true)
echo "ERROR lines in the application's log: $errors"
failed=0
summaries=$(grep -h -E '^(reads|writes):' "$WORK/reads.txt" "$WORK/writes.txt" || true)
[[ $(grep -c ', 0 answered other than expected, 0 with a 5xx' <<<"$summaries") == 2 ]] \
    || { grep -h -v -E '^(reads|writes):|Running|threads and|Thread Stats|Latency|Req/Sec|requests in|Requests/sec|Transfer/sec|Non-2xx' \
        "$WORK/reads.txt" "$WORK/writes.txt" | sed -n 1,10p; failed=1; }
[[ $(cat "$WORK/imports.txt") == *' 0 answered other than expected' ]] || failed=1
((errors == 0)) || { grep ' ERROR ' "$WORK/app.log" | sed -n 1,5p; failed=1; }
exit $failed
