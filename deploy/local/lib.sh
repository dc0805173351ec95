#!/usr/bin/env bash
# Shared helpers for the local real-infrastructure scripts (no Docker).
# Source it:  source deploy/local/lib.sh
# Reusable by other scripts (e.g. the service runner):
#   wait_for_port HOST PORT TIMEOUT_SECONDS
#   wait_for_http URL TIMEOUT_SECONDS [EXPECTED_STATUS_REGEX]
#   wait_until TIMEOUT_SECONDS CMD...
# Everything lives under $INFRA_DIR (default: <repo>/.infra), which is git-ignored.

# Guard against double sourcing.
if [[ -n "${__DEMARCHES_INFRA_LIB:-}" ]]; then return 0; fi
__DEMARCHES_INFRA_LIB=1

LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="${REPO_ROOT:-$(cd "$LIB_DIR/../.." && pwd)}"
INFRA_DIR="${INFRA_DIR:-$REPO_ROOT/.infra}"
INFRA_BIN="$INFRA_DIR/bin"
INFRA_RUN="$INFRA_DIR/run"
INFRA_LOGS="$INFRA_DIR/logs"
INFRA_DATA="$INFRA_DIR/data"
COMPONENTS_DIR="$LIB_DIR/components"
export REPO_ROOT INFRA_DIR INFRA_BIN INFRA_RUN INFRA_LOGS INFRA_DATA

# Host every component binds to. Keep loopback: nothing here is meant to be reachable from outside.
INFRA_HOST="${INFRA_HOST:-127.0.0.1}"

# Default versions (override through the environment).
: "${KAFKA_VERSION:=4.4.0}"
: "${KEYCLOAK_VERSION:=26.7.3}"
: "${FERRETDB_VERSION:=v1.24.2}"
: "${VERSITYGW_VERSION:=v1.8.0}"
: "${MAILPIT_VERSION:=v1.33.1}"
: "${LOG4J_VERSION:=2.25.5}"

# Default ports (override through the environment).
: "${KAFKA_PORT:=9092}"
: "${KAFKA_CONTROLLER_PORT:=9093}"
: "${KEYCLOAK_PORT:=8180}"
: "${KEYCLOAK_MANAGEMENT_PORT:=9180}"
: "${FRANCECONNECT_PORT:=8280}"
: "${FERRETDB_PORT:=27017}"
: "${FERRETDB_DEBUG_PORT:=27018}"
: "${S3_PORT:=7070}"
: "${REDIS_PORT:=6379}"
: "${SMTP_PORT:=1025}"
: "${MAILPIT_HTTP_PORT:=8025}"

# Java: prefer the Temurin 25 JDK when present, else the default java.
if [[ -z "${INFRA_JAVA_HOME:-}" ]]; then
  if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    INFRA_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  else
    INFRA_JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  fi
fi
export INFRA_JAVA_HOME

_ts() { date +%H:%M:%S; }
log()  { printf '[%s] %s\n' "$(_ts)" "$*" >&2; }
warn() { printf '[%s] WARN: %s\n' "$(_ts)" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "$(_ts)" "$*" >&2; exit 1; }

ensure_dirs() { mkdir -p "$INFRA_BIN" "$INFRA_RUN" "$INFRA_LOGS" "$INFRA_DATA"; }

# ---------------------------------------------------------------- waits ---
# wait_until TIMEOUT CMD... : run CMD every second until it succeeds or TIMEOUT seconds pass.
wait_until() {
  local timeout="$1"; shift
  local deadline=$(( SECONDS + timeout ))
  while (( SECONDS < deadline )); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  "$@" >/dev/null 2>&1
}

# port_open HOST PORT : true when a TCP connect succeeds (bash /dev/tcp, 2 s cap).
port_open() {
  local host="$1" port="$2"
  timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" >/dev/null 2>&1
}

# wait_for_port HOST PORT TIMEOUT
wait_for_port() {
  local host="$1" port="$2" timeout="${3:-30}"
  wait_until "$timeout" port_open "$host" "$port"
}

# http_ok URL [STATUS_REGEX] : true when URL answers with a status matching the regex (default 2xx/3xx).
http_ok() {
  local url="$1" want="${2:-^[23][0-9][0-9]$}" code
  code="$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$url" 2>/dev/null || true)"
  [[ "$code" =~ $want ]]
}

# wait_for_http URL TIMEOUT [STATUS_REGEX]
wait_for_http() {
  local url="$1" timeout="${2:-30}" want="${3:-^[23][0-9][0-9]$}"
  wait_until "$timeout" http_ok "$url" "$want"
}

# ------------------------------------------------------------ processes ---
pid_file() { printf '%s/%s.pid' "$INFRA_RUN" "$1"; }

# read_pid NAME : print the recorded pid (empty when none).
read_pid() {
  local f; f="$(pid_file "$1")"
  [[ -f "$f" ]] && tr -dc '0-9' <"$f" || true
}

# pid_matches PID MARKER : the process exists and its command line contains MARKER
# (guards against a recycled pid belonging to somebody else).
pid_matches() {
  local pid="$1" marker="$2"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker"
}

# is_running NAME MARKER
is_running() {
  local pid; pid="$(read_pid "$1")"
  pid_matches "$pid" "$2"
}

# start_bg NAME LOGFILE CMD... : start CMD detached (own session, stdin closed), record its pid.
# CMD must exec the real server (no lingering wrapper) so the pid is the server's pid.
start_bg() {
  local name="$1" logf="$2"; shift 2
  ensure_dirs
  mkdir -p "$(dirname "$logf")"
  printf '\n===== %s start %s =====\n' "$name" "$(date -Is)" >>"$logf"
  # fd 9 is infra.sh's lock: never let a long-lived server inherit it.
  setsid nohup "$@" >>"$logf" 2>&1 </dev/null 9>&- &
  local pid=$!
  echo "$pid" >"$(pid_file "$name")"
  echo "$pid"
}

# stop_pid NAME MARKER [TIMEOUT] : SIGTERM the recorded pid, wait, SIGKILL after TIMEOUT seconds.
stop_pid() {
  local name="$1" marker="$2" timeout="${3:-20}" pid f
  f="$(pid_file "$name")"
  pid="$(read_pid "$name")"
  if ! pid_matches "$pid" "$marker"; then
    rm -f "$f"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(( SECONDS + timeout ))
  while (( SECONDS < deadline )) && kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name (pid $pid) still alive after ${timeout}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    local d2=$(( SECONDS + 10 ))
    while (( SECONDS < d2 )) && kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  fi
  rm -f "$f"
}

# descendant_pids PID : every descendant pid of PID (children first-level, then theirs), via /proc parent links.
descendant_pids() {
  local parent="$1" child
  for child in $(ps -o pid= --ppid "$parent" 2>/dev/null); do
    echo "$child"
    descendant_pids "$child"
  done
}

# stop_tree NAME MARKER [TIMEOUT] : like stop_pid, for a launcher script that forwards signals to a child;
# leftover descendants (by pid) are SIGKILLed after the bound too.
stop_tree() {
  local name="$1" marker="$2" timeout="${3:-20}" pid kids k
  pid="$(read_pid "$name")"
  if pid_matches "$pid" "$marker"; then
    kids="$(descendant_pids "$pid" | tr '\n' ' ')"
    stop_pid "$name" "$marker" "$timeout"
    for k in $kids; do
      if pid_matches "$k" "$marker"; then
        local d=$(( SECONDS + 10 ))
        while (( SECONDS < d )) && kill -0 "$k" 2>/dev/null; do sleep 0.5; done
        kill -KILL "$k" 2>/dev/null || true
      fi
    done
  else
    rm -f "$(pid_file "$name")"
  fi
}

# tree_rss_kb PID : summed RSS of PID and its descendants, in KiB.
tree_rss_kb() {
  local total=0 p r
  for p in "$1" $(descendant_pids "$1"); do
    r="$(rss_kb "$p")"; total=$(( total + ${r:-0} ))
  done
  echo "$total"
}

# rss_kb PID : resident set size in KiB (empty when the process is gone).
rss_kb() { ps -o rss= -p "$1" 2>/dev/null | tr -d ' ' || true; }

# ------------------------------------------------------------- installs ---
# go_install NAME MODULE@VERSION : CGO-free build into $INFRA_BIN, skipped when the versioned stamp exists.
go_install() {
  local bin="$1" spec="$2" stamp="$INFRA_BIN/.$1.version"
  if [[ -x "$INFRA_BIN/$bin" && -f "$stamp" && "$(cat "$stamp")" == "$spec" ]]; then
    return 0
  fi
  command -v go >/dev/null || die "go is required to build $bin"
  ensure_dirs
  log "building $bin from $spec (go install, CGO_ENABLED=0)"
  CGO_ENABLED=0 GOBIN="$INFRA_BIN" GOFLAGS="${GOFLAGS:--buildvcs=false}" go install "$spec"
  echo "$spec" >"$stamp"
}

# mvn_quiet ARGS... : mvn -q -B without the colour escape noise of Debian's Maven 3.8; keeps mvn's exit status.
mvn_quiet() {
  mvn -q -B -Dstyle.color=never "$@" 2>&1 | { sed -E 's/\x1b\[[0-9;]*m//g' | grep -v '^[[:space:]]*$' || true; }
}

# Component script boilerplate: component_main "$@" dispatches install|start|stop|health|status.
# A component defines: comp_install, comp_start, comp_health, and sets COMP_NAME, COMP_MARKER, COMP_PORT,
# optionally COMP_STOP_TIMEOUT, COMP_READY_TIMEOUT, comp_stop (defaults to stop_pid), comp_reset_data.
component_main() {
  local action="${1:-status}"
  ensure_dirs
  case "$action" in
    install) comp_install ;;
    installed) comp_installed ;;
    start)
      if is_running "$COMP_NAME" "$COMP_MARKER"; then
        if comp_health; then return 0; fi
        # running but not healthy yet: wait for it
      else
        comp_installed || comp_install
        comp_start
      fi
      wait_component_ready || return 1
      ;;
    stop)
      if declare -F comp_stop >/dev/null; then comp_stop; else stop_pid "$COMP_NAME" "$COMP_MARKER" "${COMP_STOP_TIMEOUT:-20}"; fi ;;
    health) comp_health ;;
    status) component_status_line ;;
    reset-data) rm -rf "${INFRA_DATA:?}/$COMP_NAME" ;;
    *) die "unknown action '$action' (install|start|stop|health|status|reset-data)" ;;
  esac
}

# wait_component_ready: poll comp_health every second up to COMP_READY_TIMEOUT; fail fast when the process died.
wait_component_ready() {
  local timeout="${COMP_READY_TIMEOUT:-60}"
  local deadline=$(( SECONDS + timeout )) pid
  pid="$(read_pid "$COMP_NAME")"
  while (( SECONDS < deadline )); do
    # Liveness by pid only: right after start_bg the recorded pid may still be the forked shell, before it execs the
    # server, so the command-line marker check of is_running would report a healthy start as an exit. (The marker
    # guards against recycled pids, which cannot happen within a start-up window.)
    if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
      warn "$COMP_NAME exited during startup; last log lines ($INFRA_LOGS/$COMP_NAME.log):"
      tail -n 30 "$INFRA_LOGS/$COMP_NAME.log" >&2 || true
      return 1
    fi
    if comp_health >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  warn "$COMP_NAME not ready after ${timeout}s; last log lines ($INFRA_LOGS/$COMP_NAME.log):"
  tail -n 30 "$INFRA_LOGS/$COMP_NAME.log" >&2 || true
  return 1
}

component_status_line() {
  local pid state health rss
  pid="$(read_pid "$COMP_NAME")"
  if pid_matches "$pid" "$COMP_MARKER"; then
    state=running
    if comp_health >/dev/null 2>&1; then health=healthy; else health=unhealthy; fi
    rss="$(tree_rss_kb "$pid")"
  else
    state=stopped; health=-; pid=-; rss=-
  fi
  printf '%-14s %-8s pid=%-8s port=%-12s %-9s rss_kb=%s\n' "$COMP_NAME" "$state" "$pid" "$COMP_PORT" "$health" "$rss"
}
