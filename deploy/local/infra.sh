#!/usr/bin/env bash
# Local real infrastructure for Démarches, without Docker: every component is a local process on 127.0.0.1.
#
#   deploy/local/infra.sh install [component...]   fetch/build into .infra/ (skips what is present)
#   deploy/local/infra.sh up      [component...]   install if needed, start what is not running, wait until ready
#   deploy/local/infra.sh down    [component...]   stop by pid file (SIGTERM, SIGKILL after a bound)
#   deploy/local/infra.sh status  [component...]   one line per component
#   deploy/local/infra.sh reset   [component...]   down, then wipe the data dirs (.infra/data/<component>)
#   deploy/local/infra.sh restart [component...]
#   deploy/local/infra.sh logs    <component>      tail the component's log
#   deploy/local/infra.sh env                      print the connection settings as shell exports
#
# Components: redis mailpit s3 ferretdb kafka franceconnect keycloak (default: all).
# Ports and versions: see deploy/local/lib.sh (all overridable through the environment).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"

ALL_COMPONENTS=(redis mailpit s3 ferretdb kafka franceconnect keycloak)

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

select_components() {
  SELECTED=()
  if (( $# == 0 )); then SELECTED=("${ALL_COMPONENTS[@]}"); return; fi
  local c known
  for c in "$@"; do
    known=0
    for k in "${ALL_COMPONENTS[@]}"; do [[ "$c" == "$k" ]] && known=1; done
    (( known )) || die "unknown component '$c' (known: ${ALL_COMPONENTS[*]})"
    SELECTED+=("$c")
  done
}

comp() { "$COMPONENTS_DIR/$1.sh" "${@:2}"; }

# Serialise concurrent invocations (several engineers share the machine).
with_lock() {
  ensure_dirs
  exec 9>"$INFRA_RUN/.infra.lock"
  if ! flock -w "${INFRA_LOCK_TIMEOUT:-900}" 9; then die "another infra.sh is still running (lock $INFRA_RUN/.infra.lock)"; fi
}

cmd_install() {
  local c start=$SECONDS
  for c in "${SELECTED[@]}"; do
    if comp "$c" installed >/dev/null 2>&1; then
      log "$c: already installed"
    else
      local t=$SECONDS
      comp "$c" install
      log "$c: installed in $(( SECONDS - t ))s"
    fi
  done
  log "install done in $(( SECONDS - start ))s"
}

cmd_up() {
  local c start=$SECONDS failed=0
  cmd_install
  # Start everything at once, then each start waits for its own readiness (bounded per component).
  declare -A pids=()
  for c in "${SELECTED[@]}"; do
    comp "$c" start >"$INFRA_RUN/$c.start.out" 2>&1 &
    pids[$c]=$!
  done
  for c in "${SELECTED[@]}"; do
    if wait "${pids[$c]}"; then
      :
    else
      failed=1
      warn "$c failed to become ready:"
      sed 's/^/    /' "$INFRA_RUN/$c.start.out" >&2 || true
    fi
    rm -f "$INFRA_RUN/$c.start.out"
    comp "$c" status
  done
  log "up done in $(( SECONDS - start ))s"
  return "$failed"
}

cmd_down() {
  local c i
  # Stop in reverse order; each stop is bounded (SIGKILL after its timeout).
  for (( i=${#SELECTED[@]}-1; i>=0; i-- )); do
    c="${SELECTED[$i]}"
    comp "$c" stop &
  done
  wait
  for c in "${SELECTED[@]}"; do comp "$c" status; done
}

# Prints one line per component; exits 1 when any selected component is not healthy (scripts rely on it).
cmd_status() {
  local c healthy=0
  for c in "${SELECTED[@]}"; do
    comp "$c" status
    comp "$c" health >/dev/null 2>&1 || healthy=1
  done
  return "$healthy"
}

cmd_reset() {
  local c
  cmd_down
  for c in "${SELECTED[@]}"; do
    comp "$c" reset-data
    log "$c: data wiped ($INFRA_DATA/$c)"
  done
}

cmd_env() {
  cat <<ENV
export KAFKA_BROKERS=$INFRA_HOST:$KAFKA_PORT
export KEYCLOAK_URL=http://$INFRA_HOST:$KEYCLOAK_PORT
export OIDC_ISSUER=http://$INFRA_HOST:$KEYCLOAK_PORT/realms/demarches
export OIDC_AUDIENCE=demarches-gateway
export OIDC_GATEWAY_CLIENT_ID=demarches-gateway
export OIDC_GATEWAY_CLIENT_SECRET=gateway-dev-secret
export FRANCECONNECT_ISSUER=http://$INFRA_HOST:$FRANCECONNECT_PORT
export MONGODB_URI=mongodb://$INFRA_HOST:$FERRETDB_PORT/demarches
export S3_ENDPOINT=http://$INFRA_HOST:$S3_PORT
export S3_ACCESS_KEY=${S3_ACCESS_KEY:-demarches-local}
export S3_SECRET_KEY=${S3_SECRET_KEY:-demarches-local-secret}
export S3_REGION=${S3_REGION:-us-east-1}
export S3_FORCE_PATH_STYLE=true
export REDIS_URL=redis://$INFRA_HOST:$REDIS_PORT
export SMTP_HOST=$INFRA_HOST
export SMTP_PORT=$SMTP_PORT
export MAILPIT_API_URL=http://$INFRA_HOST:$MAILPIT_HTTP_PORT
ENV
}

main() {
  local action="${1:-}"; shift || true
  case "$action" in
    install) select_components "$@"; with_lock; cmd_install ;;
    up|start) select_components "$@"; with_lock; cmd_up ;;
    down|stop) select_components "$@"; with_lock; cmd_down ;;
    restart) select_components "$@"; with_lock; cmd_down; cmd_up ;;
    status) select_components "$@"; cmd_status ;;
    reset) select_components "$@"; with_lock; cmd_reset ;;
    logs) (( $# == 1 )) || die "usage: infra.sh logs <component>"; select_components "$1"; tail -n "${LINES:-100}" -F "$INFRA_LOGS/$1.log" ;;
    env) cmd_env ;;
    -h|--help|help|"") usage ;;
    *) usage; die "unknown subcommand '$action'" ;;
  esac
}

main "$@"
