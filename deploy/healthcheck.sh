#!/usr/bin/env bash
# Container health check: succeeds when the application's readiness endpoint answers 200.
# Plain bash (/dev/tcp), because the JRE base image carries neither curl nor wget and a JVM per check costs too much.
set -euo pipefail
port="${SERVER_PORT:-8080}"
path="${HEALTHCHECK_PATH:-/actuator/health/readiness}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
read -r -t 4 _ status _ <&3
[[ "$status" == 200 ]]
