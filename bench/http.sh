#!/usr/bin/env bash
# HTTP throughput and latency with wrk, through the gateway (bearer token checked, identity forwarded)
# and straight to the owning service, for two reads: one convention, and the titres of one debtor.
# Starts the suite as ./run.sh does (sample data included), measures, stops it. Prints a Markdown table.
#
# Usage: bench/http.sh            (DURATION=20s CONNECTIONS=32 THREADS=2 WARMUP=10s by default)
# The services run with the run command's JVM options; CENTRALE_JVM_OPTIONS adds some (e.g. the JIT of the
# Kubernetes manifests: CENTRALE_JVM_OPTIONS="-XX:TieredStopAtLevel=4 -XX:ReservedCodeCacheSize=240m").
# Needs wrk (Debian package "wrk"). Uses the run command's ports: stop ./run.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10s}
GATEWAY=http://localhost:8080
OUT=.run/bench-http

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ "${SKIP_BUILD:-0}" = 1 ] || scripts/build-if-stale.sh # SKIP_BUILD=1: use the jars as built
JAVA=$(scripts/services-java.sh) # as ./run.sh: JDK 25+ and its AOT caches when the machine has one
"$JAVA" -cp launcher/target/launcher.jar fr.centrale.launcher.AotTraining
mkdir -p "$OUT"

"$JAVA" -jar launcher/target/launcher.jar >"$OUT/launcher.out" 2>&1 &
launcher=$!
trap 'kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q "Press Ctrl-C" "$OUT/launcher.out" && break
  kill -0 $launcher 2>/dev/null || { cat "$OUT/launcher.out" >&2; exit 1; }
  sleep 1
done
grep -q "Press Ctrl-C" "$OUT/launcher.out" || { echo "The suite did not start in 300 s" >&2; exit 1; }
token=$(awk '$1 == "reader" { print $2 }' "$OUT/launcher.out")

# One convention and the debtor of one titre of the sample data.
json() { curl -sf -H "Authorization: Bearer $token" "$GATEWAY$1"; }
convention=$(json '/api/v1/conventions?size=1' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
debtor=$(json '/api/v1/titres?size=1' | grep -o '"debtor":{"id":"[^"]*"' | head -1 | cut -d'"' -f6)
[ -n "$convention" ] && [ -n "$debtor" ] || { echo "No sample convention or titre found" >&2; exit 1; }

# wrk's latency in ms, whatever unit it printed (us, ms, s).
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'; }

declare -A RPS
run() { # name url [header]
  local name=$1 url=$2 file="$OUT/$1.txt"
  shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" >/dev/null # warm-up: JIT, connection pools
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$file"
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$file")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$file")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$file")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$file")
  RPS[$name]=$rps
  printf '| %s | %.0f | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP of warm-up), $(nproc) cores shared by wrk, the services and PostgreSQL"
echo "Services on $("$JAVA" -version 2>&1 | head -1), extra JVM options: ${CENTRALE_JVM_OPTIONS:-none}"
echo
echo "| Request | req/s | p50 (ms) | p99 (ms) | non-2xx |"
echo "|---|---|---|---|---|"
run "convention, direct" "http://localhost:8082/api/v1/conventions/$convention"
run "convention, gateway" "$GATEWAY/api/v1/conventions/$convention" -H "Authorization: Bearer $token"
run "titres of a debtor, direct" "http://localhost:8083/api/v1/titres?debtorId=$debtor"
run "titres of a debtor, gateway" "$GATEWAY/api/v1/titres?debtorId=$debtor" -H "Authorization: Bearer $token"
echo
for read in "convention" "titres of a debtor"; do
  awk -v d="${RPS[$read, direct]}" -v g="${RPS[$read, gateway]}" -v r="$read" \
    'BEGIN { printf "Gateway overhead, %s: %.0f %% fewer requests per second than direct\n", r, (d - g) * 100 / d }'
done
echo "Raw wrk output: $OUT/"
