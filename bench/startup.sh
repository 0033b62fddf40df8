#!/usr/bin/env bash
# Start-up time and memory of each packaged service, started as ./run.sh starts them, against an
# embedded PostgreSQL. Usage: bench/startup.sh [starts per service, default 5]. Prints a Markdown table.
# Uses the run command's ports (8080-8083): stop ./run.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -DskipTests install # SKIP_BUILD=1: use the jars as built
exec java -cp launcher/target/launcher.jar fr.centrale.launcher.StartupBenchmark "$@"
