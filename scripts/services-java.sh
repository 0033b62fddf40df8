#!/usr/bin/env bash
# Prints the java command the run command and the benchmarks start the services with:
# $CENTRALE_JAVA when set, else the newest JDK 25+ under /usr/lib/jvm (its AOT cache starts the services
# about a third faster: README, "Benchmarks"), else the default java (JDK 17: the build's AppCDS archives).
set -euo pipefail
if [ -n "${CENTRALE_JAVA:-}" ]; then
  echo "$CENTRALE_JAVA"
  exit 0
fi
best=java
best_version=0
for candidate in /usr/lib/jvm/*/bin/java; do
  [ -x "$candidate" ] || continue
  version=$("$candidate" -XshowSettings:properties -version 2>&1 |
    awk -F' = ' '/java.specification.version/ { print $2 + 0 }')
  if [ "${version:-0}" -ge 25 ] && [ "$version" -gt "$best_version" ]; then
    best=$candidate
    best_version=$version
  fi
done
echo "$best"
