#!/usr/bin/env bash
# Starts wecom-sync on its embedded default (MariaDB, Redis, mdm-service, wx-service, gateway, console).
# Builds first when a jar is missing or older than the sources. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

jars=(mdm-service/target/mdm-service.jar wx-service/target/wx-service.jar gateway/target/gateway.jar console/target/console.jar
      local-launcher/target/local-launcher.jar)

needs_build() {
  local jar
  for jar in "${jars[@]}"; do
    [ -f "$jar" ] || return 0
    if [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  return 1
}

launcher_missing() {
  [ ! -f local-launcher/target/local-launcher.jar ]
}

# "token" only needs the launcher: it never rebuilds the services' jars under a running system, and its
# standard output is the token alone (TOKEN=$(./run-local.sh token)); the build talks on standard error
if { [ "${1:-}" = token ] && launcher_missing; } || { [ "${1:-}" != token ] && needs_build; }; then
  echo "building wecom-sync (first start takes a few minutes)…" >&2
  ./mvnw -B -q -DskipTests package >&2
fi
exec java -jar local-launcher/target/local-launcher.jar "$@"
