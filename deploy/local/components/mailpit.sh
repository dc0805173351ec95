#!/usr/bin/env bash
# SMTP capture: Mailpit (SMTP + REST API; its web UI assets are not in the Go module).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"

COMP_NAME=mailpit
MAILPIT_DATA="$INFRA_DATA/mailpit"
COMP_MARKER="$INFRA_BIN/mailpit"
COMP_PORT="$SMTP_PORT/$MAILPIT_HTTP_PORT"
COMP_READY_TIMEOUT=30

comp_installed() {
  [[ -x "$INFRA_BIN/mailpit" && "$(cat "$INFRA_BIN/.mailpit.version" 2>/dev/null)" == "github.com/axllent/mailpit@$MAILPIT_VERSION" ]]
}

comp_install() { go_install mailpit "github.com/axllent/mailpit@$MAILPIT_VERSION"; }

comp_start() {
  mkdir -p "$MAILPIT_DATA"
  start_bg mailpit "$INFRA_LOGS/mailpit.log" "$INFRA_BIN/mailpit" \
    --smtp "$INFRA_HOST:$SMTP_PORT" --listen "$INFRA_HOST:$MAILPIT_HTTP_PORT" \
    --database "$MAILPIT_DATA/mailpit.db" --max 5000 \
    --smtp-auth-accept-any --smtp-auth-allow-insecure --smtp-disable-rdns \
    --disable-version-check >/dev/null
}

# Ready = SMTP port open AND the REST API lists messages.
comp_health() {
  port_open "$INFRA_HOST" "$SMTP_PORT" && http_ok "http://$INFRA_HOST:$MAILPIT_HTTP_PORT/api/v1/messages?limit=1" '^200$'
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then component_main "$@"; fi
