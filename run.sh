#!/usr/bin/env bash
# The one-command local run: builds what changed, then starts PostgreSQL, the services and sample data.
# Options go to the launcher: --no-sample-data, --root <dir>. Ctrl-C stops it all.
# The services run on the newest JDK 25+ of the machine when there is one (scripts/services-java.sh): after a
# build, a training run makes their AOT caches (launcher AotTraining, about a minute, once per build) and they
# start faster from then on. On JDK 17 they use the AppCDS archives the build makes.
set -euo pipefail
cd "$(dirname "$0")"
scripts/build-if-stale.sh
JAVA=$(scripts/services-java.sh)
"$JAVA" -cp launcher/target/launcher.jar fr.centrale.launcher.AotTraining
exec "$JAVA" -jar launcher/target/launcher.jar "$@"
