#!/usr/bin/env bash
# Start-up time and memory of each packaged service, started as ./run.sh starts them, against an
# embedded PostgreSQL. Usage: bench/startup.sh [starts per service, default 5]. Prints a Markdown table.
# Uses the run command's ports (8080-8083): stop ./run.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests install
exec java -cp launcher/target/launcher.jar fr.centrale.launcher.StartupBenchmark "$@"
