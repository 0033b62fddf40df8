#!/usr/bin/env bash
# Builds the suite (./mvnw package, without tests: through the reactor, the jars stay in each module's target/ and
# nothing is installed in ~/.m2) when a packaged service or the launcher is missing, or older than a file it is made
# of (a pom.xml or a file under a module's src/main). Up to date: nothing to do, and the services keep their AOT
# caches (a rebuilt jar needs a new training run). Maven options: MAVEN_ARGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
jars=(membership-service/target/quarkus-app/quarkus-run.jar convention-service/target/quarkus-app/quarkus-run.jar
      billing-service/target/quarkus-app/quarkus-run.jar gateway/target/quarkus-app/quarkus-run.jar
      launcher/target/launcher.jar)
oldest=
for jar in "${jars[@]}"; do
  [ -f "$jar" ] || { oldest=; break; }
  if [ -z "$oldest" ] || [ "$jar" -ot "$oldest" ]; then oldest=$jar; fi
done
if [ -n "$oldest" ] && [ -z "$(find . -path ./.git -prune -o -path ./.run -prune -o -path '*/target' -prune -o \
      -type f \( -name pom.xml -o -path '*/src/main/*' -o -path './.mvn/*' \) -newer "$oldest" -print -quit)" ]; then
  exit 0
fi
echo "Building (./mvnw package -DskipTests)…"
./mvnw -B -q -DskipTests package
# Maven leaves a jar untouched when its classes did not change (a change in another module): mark them all as built
# now, or the next call would build again.
touch "${jars[@]}"
