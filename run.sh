#!/usr/bin/env bash
# The one-command local run: builds everything, then starts PostgreSQL, the services and sample data.
# Options go to the launcher: --no-sample-data, --root <dir>. Ctrl-C stops it all.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests install
exec java -jar launcher/target/launcher.jar "$@"
