#!/usr/bin/env bash
# Redis from Debian's redis-server package, run by us (never the package's init service).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"

COMP_NAME=redis
REDIS_DATA="$INFRA_DATA/redis"
REDIS_SERVER="${REDIS_SERVER:-$(command -v redis-server || echo /usr/bin/redis-server)}"
COMP_MARKER="redis-server"
COMP_PORT="$REDIS_PORT"
COMP_READY_TIMEOUT=20

comp_installed() { command -v redis-server >/dev/null && command -v redis-cli >/dev/null; }

# The Debian package would start its own daemon on 6379 through its init script: a temporary
# policy-rc.d forbids that during the install, and any instance the package started anyway is stopped.
comp_install() {
  comp_installed && return 0
  [[ "$(id -u)" == 0 ]] || die "redis-server is missing and installing it needs root: apt-get install -y redis-server"
  log "installing redis-server from Debian (apt-get)"
  local policy=/usr/sbin/policy-rc.d own_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=1
  fi
  local rc=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >>"$INFRA_LOGS/redis-install.log" 2>&1 || rc=$?
  if (( rc != 0 )); then
    apt-get update -q >>"$INFRA_LOGS/redis-install.log" 2>&1 || true
    rc=0
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >>"$INFRA_LOGS/redis-install.log" 2>&1 || rc=$?
  fi
  (( own_policy )) && rm -f "$policy"
  (( rc == 0 )) || die "apt-get install redis-server failed (see $INFRA_LOGS/redis-install.log)"
  disable_system_service
}

disable_system_service() {
  if command -v service >/dev/null && service redis-server status >/dev/null 2>&1; then
    warn "stopping the Debian redis-server service (we run our own instance)"
    service redis-server stop >/dev/null 2>&1 || true
  fi
  if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
    systemctl disable --now redis-server >/dev/null 2>&1 || true
  fi
  command -v update-rc.d >/dev/null && update-rc.d redis-server disable >/dev/null 2>&1 || true
}

comp_start() {
  mkdir -p "$REDIS_DATA"
  start_bg redis "$INFRA_LOGS/redis.log" "$REDIS_SERVER" \
    --bind "$INFRA_HOST" --port "$REDIS_PORT" --daemonize no --supervised no \
    --save "" --appendonly no --dir "$REDIS_DATA" --protected-mode yes \
    --maxmemory 256mb --maxmemory-policy noeviction >/dev/null
}

comp_health() {
  [[ "$(redis-cli -h "$INFRA_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then component_main "$@"; fi
