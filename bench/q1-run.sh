#!/usr/bin/env bash
# The Q1 billing run at scale (issue 6): N organisations, memberships and conventions written straight into
# the services' databases, one timed billing run as of 2025-01-02 (after an untimed warm-up run), its result
# checked, then as many titre rows inserted straight into PostgreSQL for comparison. Prints a table; appends
# it to system-tests/target/q1-bench/results.md. Usage: bench/q1-run.sh [N]   (default 10000)
# Maven options (e.g. -o) go in MAVEN_ARGS; benchmark options as -D in BENCH_ARGS (see Q1RunBenchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
case "$N" in ''|*[!0-9]*) echo "usage: $0 [N]  (N: a number of organisations, default 10000)" >&2; exit 2 ;; esac

scripts/build-if-stale.sh

log=system-tests/target/q1-bench/run-$N.log
mkdir -p "$(dirname "$log")"
echo "[q1-bench] N=$N: generating, running and checking (log: $log)..."
# Through the reactor (-am: test-support is built here, never looked up in ~/.m2), its unit tests skipped.
if ! ./mvnw -B -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dit.test=Q1RunBenchmark -Dbench.n="$N" -Dfailsafe.failIfNoSpecifiedTests=false \
      -Dcentrale.system-tests.timeout=3600 ${BENCH_ARGS:-} > "$log" 2>&1; then
  grep -E '^\[q1-bench\]|FAIL|Tests run|ERROR' "$log" | tail -40
  echo "[q1-bench] failed: see $log and system-tests/target/system-tests/Q1RunBenchmark/" >&2
  exit 1
fi
grep -E '^\[q1-bench\]' "$log"
sed -n '/^| N | titres/,/^(data generated/p' "$log"
