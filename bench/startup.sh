#!/usr/bin/env bash
# Start-up time and memory of each packaged service, started as ./run.sh starts them, against an
# embedded PostgreSQL. Usage: bench/startup.sh [starts per service, default 5]. Prints a Markdown table.
# Uses the run command's ports (8080-8083): stop ./run.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = 1 ] || scripts/build-if-stale.sh # SKIP_BUILD=1: use the jars as built
# On the JVM the run command uses, with the AOT caches it trains (JDK 25+; scripts/services-java.sh)
JAVA=$(scripts/services-java.sh)
"$JAVA" -cp launcher/target/launcher.jar fr.centrale.launcher.AotTraining
exec "$JAVA" -cp launcher/target/launcher.jar fr.centrale.launcher.StartupBenchmark "$@"
