#!/usr/bin/env bash
# HTTP throughput and latency with wrk, in one run and with the same wrk settings, for two reads (one convention,
# and the titres of one debtor), each three ways: straight to the owning service, through nginx (a plain reverse
# proxy, bench/nginx.conf), and through the gateway (bearer token checked, identity forwarded). The direct and nginx
# requests carry the identity headers the gateway forwards (X-Centrale-User, X-Centrale-Roles: reader), so the service
# does the same work three ways: it is the request a service serves in production, where it refuses /api/v1 without
# them (CENTRALE_IDENTITY_REQUIRED=true in deploy/base/centrale.env). Prints a Markdown
# table, the ratios gateway/direct and nginx/direct, and the CPU the proxy, the service and PostgreSQL spent per
# request (from /proc: on a machine shared with other work, the figure that depends least on that work).
# Starts the suite as ./run.sh does (sample data included), measures, stops it all.
#
# Usage: bench/http.sh       (ROUNDS=10 DURATION=5s CONNECTIONS=32 THREADS=2 WARMUP=10s GATEWAY_WARMUP=60s by
#                             default (the gateway runs with the optimising JIT, C2, which needs longer); SKIP_BUILD=1
#                             to use the jars as built; JFR=1 records the gateway during its measures: .run/bench-http/*.jfr)
# Each way is warmed up, then measured ROUNDS times in short slices, the three ways of a read one after the other in
# each round, starting with another way each round: this machine's speed drifts by a third within minutes, and a
# drift falls alike on the three ways of a round. The table gives the median of the rounds (CPU per request: over
# all rounds); each ratio is the median of the rounds' ratios (gateway/direct of the same round).
# The services run with the run command's JVM options; CENTRALE_JVM_OPTIONS adds some (e.g. the JIT of the
# Kubernetes manifests: CENTRALE_JVM_OPTIONS="-XX:TieredStopAtLevel=4 -XX:ReservedCodeCacheSize=240m").
# Needs wrk and nginx: installed from Debian's packages ("wrk", "nginx-light") when missing (as root).
# Uses the run command's ports (8080-8083, 55432) and 8088 for nginx: stop ./run.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DURATION=${DURATION:-5s}
ROUNDS=${ROUNDS:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10s}
# The gateway runs with C2 (ServiceJvm.FULL_JIT, as in Kubernetes): its compilations take up to a minute of load on this machine, during
# which it spends more CPU than it will once they are done; the measures are of the warmed-up gateway, as in service.
GATEWAY_WARMUP=${GATEWAY_WARMUP:-60s}
GATEWAY=http://localhost:8080
NGINX=http://127.0.0.1:8088
OUT=$ROOT/.run/bench-http

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "Missing: ${missing[*]} (Debian packages); install them as root" >&2; exit 1; }
  echo "Installing ${missing[*]} (Debian packages)…"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)

[ "${SKIP_BUILD:-0}" = 1 ] || scripts/build-if-stale.sh
JAVA=$(scripts/services-java.sh) # as ./run.sh: JDK 25+ and its AOT caches when the machine has one
"$JAVA" -cp launcher/target/launcher.jar fr.centrale.launcher.AotTraining
rm -rf "$OUT" && mkdir -p "$OUT/nginx/tmp"

launcher= nginx_pid= jfr_pid=
stop() {
  [ -z "$nginx_pid" ] || { kill -TERM "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null || true; }
  [ -z "$launcher" ] || { kill -TERM "$launcher" 2>/dev/null; wait "$launcher" 2>/dev/null || true; }
}
trap stop EXIT
"$JAVA" -jar launcher/target/launcher.jar >"$OUT/launcher.out" 2>&1 &
launcher=$!
for _ in $(seq 1 300); do
  grep -q "Press Ctrl-C" "$OUT/launcher.out" && break
  kill -0 $launcher 2>/dev/null || { cat "$OUT/launcher.out" >&2; exit 1; }
  sleep 1
done
grep -q "Press Ctrl-C" "$OUT/launcher.out" || { echo "The suite did not start in 300 s" >&2; exit 1; }
token=$(awk '$1 == "reader" { print $2 }' "$OUT/launcher.out")

"$NGINX_BIN" -p "$OUT/nginx/" -e "$OUT/nginx/error.log" -c "$ROOT/bench/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "$NGINX/" && break; sleep 0.1; done

# One convention and the debtor of one titre of the sample data.
json() { curl -sf -H "Authorization: Bearer $token" "$GATEWAY$1"; }
convention=$(json '/api/v1/conventions?size=1' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
debtor=$(json '/api/v1/titres?size=1' | grep -o '"debtor":{"id":"[^"]*"' | head -1 | cut -d'"' -f6)
[ -n "$convention" ] && [ -n "$debtor" ] || { echo "No sample convention or titre found" >&2; exit 1; }

# The process listening on a port, and the CPU time (clock ticks) it has used so far.
pid_on() { ss -Hltnp "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# The suite's PostgreSQL (port 55432) and its backends, as they are now: their CPU time so far (not other PostgreSQLs).
pg_ticks() {
  local t=0 p
  for p in $postgres_pid $(pgrep -P "$postgres_pid"); do t=$((t + $(ticks "$p" 2>/dev/null || echo 0))); done
  echo $t
}
gateway_pid=$(pid_on 8080) convention_pid=$(pid_on 8082) billing_pid=$(pid_on 8083) postgres_pid=$(pid_on 55432)
HZ=$(getconf CLK_TCK)
JCMD=$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd

# wrk's latency in ms, whatever unit it printed (us, ms, s).
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'; }

# One measure of one way: wrk's figures, and the CPU the proxy and the service used, appended to $OUT/<read>-<way>.
measure() { # read way url proxy-pid service-pid [wrk header options]
  local read=$1 way=$2 url=$3 proxy=$4 service=$5
  shift 5
  local file="$OUT/${read// /-}-$way" p0=0 p1=0 s0 s1 g0 g1
  if [ "${JFR:-0}" = 1 ] && [ "$way" = gateway ]; then
    "$JCMD" "$gateway_pid" JFR.start name=bench settings=profile filename="$file-$round.jfr" >/dev/null
  fi
  [ -z "$proxy" ] || p0=$(ticks "$proxy")
  s0=$(ticks "$service")
  g0=$(pg_ticks)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$file-$round.txt"
  [ -z "$proxy" ] || p1=$(ticks "$proxy")
  s1=$(ticks "$service")
  g1=$(pg_ticks)
  if [ "${JFR:-0}" = 1 ] && [ "$way" = gateway ]; then "$JCMD" "$gateway_pid" JFR.stop name=bench >/dev/null; fi
  local f="$file-$round.txt"
  echo "$(awk '/^Requests\/sec:/ { print $2 }' "$f") $(to_ms "$(awk '$1 == "50%" { print $2 }' "$f")")" \
    "$(to_ms "$(awk '$1 == "99%" { print $2 }' "$f")")" "$(awk '/requests in/ { print $1 }' "$f")" \
    "$(awk '/Non-2xx or 3xx responses:/ { n = $5 } END { print n + 0 }' "$f")" "$((p1 - p0))" "$((s1 - s0))" \
    "$((g1 - g0))" >>"$file.rounds"
}

READS=(convention "titres of a debtor")
WAYS=(direct nginx gateway)
auth=(-H "Authorization: Bearer $token")
# What the gateway forwards for that token (Caller): the user and the roles; the request id is the service's own.
identity=(-H "X-Centrale-User: reader@centrale.local" -H "X-Centrale-Roles: reader")
way_args() { # read way: url proxy-pid service-pid [options]
  case "$1,$2" in
    convention,direct) echo "http://localhost:8082/api/v1/conventions/$convention||$convention_pid|identity" ;;
    convention,nginx) echo "$NGINX/api/v1/conventions/$convention|$nginx_worker|$convention_pid|identity" ;;
    convention,gateway) echo "$GATEWAY/api/v1/conventions/$convention|$gateway_pid|$convention_pid|auth" ;;
    *,direct) echo "http://localhost:8083/api/v1/titres?debtorId=$debtor||$billing_pid|identity" ;;
    *,nginx) echo "$NGINX/api/v1/titres?debtorId=$debtor|$nginx_worker|$billing_pid|identity" ;;
    *,gateway) echo "$GATEWAY/api/v1/titres?debtorId=$debtor|$gateway_pid|$billing_pid|auth" ;;
  esac
}
nginx_worker=$(pgrep -P "$nginx_pid" | head -1)

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds (after $WARMUP of warm-up each way, $GATEWAY_WARMUP through the gateway), $(nproc) cores shared by wrk, nginx, the services and PostgreSQL"
echo "Services on $("$JAVA" -version 2>&1 | head -1), extra JVM options: ${CENTRALE_JVM_OPTIONS:-none} (the gateway: C2, ServiceJvm.FULL_JIT); $("$NGINX_BIN" -v 2>&1)"
echo "Load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm-up of every way first (JIT of the services and the gateway, connection pools), then ROUNDS rounds in
# which the three ways of a read are measured one after the other, each round starting one way further (direct,
# nginx, gateway; then nginx, gateway, direct; ...): a change of the machine's speed between two rounds falls on all
# three ways of a round alike, and no way is always the one measured first.
for read in "${READS[@]}"; do
  for way in "${WAYS[@]}"; do
    IFS='|' read -r url proxy service opt <<<"$(way_args "$read" "$way")"
    if [ "$opt" = auth ]; then extra=("${auth[@]}"); else extra=("${identity[@]}"); fi
    warmup=$WARMUP
    [ "$way" = gateway ] && warmup=$GATEWAY_WARMUP
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$warmup" "${extra[@]}" "$url" >/dev/null
  done
done
for round in $(seq 1 "$ROUNDS"); do
  for read in "${READS[@]}"; do
    for i in 0 1 2; do
      way=${WAYS[$(((round - 1 + i) % 3))]}
      IFS='|' read -r url proxy service opt <<<"$(way_args "$read" "$way")"
      if [ "$opt" = auth ]; then extra=("${auth[@]}"); else extra=("${identity[@]}"); fi
      measure "$read" "$way" "$url" "$proxy" "$service" "${extra[@]}"
    done
  done
done
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The median of a[1..n], for awk.
MEDIAN='function median(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
                                    return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }'
# Per read and way: the median of the rounds for req/s, p50 and p99; CPU per request over all rounds.
summary() { # rounds-file -> "rps p50 p99 non2xx proxy-us service-us postgres-us"
  awk -v hz="$HZ" "$MEDIAN"'
    { n++; r[n] = $1; p50[n] = $2; p99[n] = $3; req += $4; bad += $5; pt += $6; st += $7; gt += $8 }
    END { printf "%.0f %.2f %.2f %d %.0f %.0f %.0f\n", median(r, n), median(p50, n), median(p99, n), bad,
                 pt * 1e6 / hz / req, st * 1e6 / hz / req, gt * 1e6 / hz / req }' "$1"
}
echo
echo "| Request | via | req/s | p50 (ms) | p99 (ms) | non-2xx | CPU per request (µs): proxy | service | PostgreSQL |"
echo "|---|---|---|---|---|---|---|---|---|"
for read in "${READS[@]}"; do
  for way in "${WAYS[@]}"; do
    read -r rps p50 p99 bad pcpu scpu gcpu <<<"$(summary "$OUT/${read// /-}-$way.rounds")"
    [ "$way" = direct ] && pcpu=–
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$read" "$way" "$rps" "$p50" "$p99" "$bad" "$pcpu" "$scpu" "$gcpu"
  done
done
echo
echo "Ratios, median of the $ROUNDS rounds' own ratios:"
echo
echo "| Request | gateway/direct req/s | gateway/direct p99 | nginx/direct req/s | nginx/direct p99 |"
echo "|---|---|---|---|---|"
# Each ratio: the median of the rounds' ratios (line k of each .rounds file is round k).
for read in "${READS[@]}"; do
  f="$OUT/${read// /-}"
  paste -d' ' "$f-direct.rounds" "$f-nginx.rounds" "$f-gateway.rounds" | awk -v r="$read" "$MEDIAN"'
    # columns: direct 1-8, nginx 9-16, gateway 17-24 (req/s, p50, p99, requests, non-2xx, CPU ticks x3)
    { n++; g[n] = $17 / $1; gp[n] = $19 / $3; x[n] = $9 / $1; xp[n] = $11 / $3 }
    END { printf "| %s | %.2f | %.2f | %.2f | %.2f |\n", r, median(g, n), median(gp, n), median(x, n), median(xp, n) }'
done
echo
echo "Target: gateway/direct req/s >= 0.85 and gateway/direct p99 <= 1.25. Raw wrk output: $OUT/"
