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

# a second start would build over the jars the running system has open, then fail on the ports: say so first
if [ "${1:-}" != token ]; then
  for port in "${LOCAL_MARIADB_PORT:-13306}" "${LOCAL_REDIS_PORT:-16379}" "${LOCAL_SIMULATOR_PORT:-18090}" \
              "${MDM_PORT:-8082}" "${WX_PORT:-8081}" "${GATEWAY_PORT:-8080}" "${CONSOLE_PORT:-8083}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is taken: is wecom-sync already running? Stop it (Ctrl-C where it runs) or move the port" \
           "(LOCAL_MARIADB_PORT, LOCAL_REDIS_PORT, LOCAL_SIMULATOR_PORT, MDM_PORT, WX_PORT, GATEWAY_PORT, CONSOLE_PORT)" >&2
      exit 1
    fi
  done
fi

# "token" only needs the launcher: it never rebuilds the services' jars under a running system, and its
# standard output is the token alone (TOKEN=$(./run-local.sh token)); the build talks on standard error
if { [ "${1:-}" = token ] && launcher_missing; } || { [ "${1:-}" != token ] && needs_build; }; then
  echo "building wecom-sync (first start takes a few minutes)…" >&2
  ./mvnw -B -q -DskipTests package >&2
fi
exec java -jar local-launcher/target/local-launcher.jar "$@"
