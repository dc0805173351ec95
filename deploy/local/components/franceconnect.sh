#!/usr/bin/env bash
# FranceConnect stand-in: deploy/franceconnect-standin/server.mjs (npm oidc-provider) on Node.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"

COMP_NAME=franceconnect
FC_DIR="$REPO_ROOT/deploy/franceconnect-standin"
COMP_MARKER="$FC_DIR/server.mjs"
COMP_PORT="$FRANCECONNECT_PORT"
COMP_READY_TIMEOUT=30

# oidc-provider is a devDependency of the workspace: the root `npm ci` installs it with everything else.
comp_installed() { [[ -f "$REPO_ROOT/node_modules/oidc-provider/package.json" ]]; }

comp_install() {
  comp_installed || die "oidc-provider is missing from node_modules: run \`npm ci\` at the repository root first"
}

comp_start() {
  mkdir -p "$INFRA_DATA/franceconnect"
  FC_HOST="$INFRA_HOST" FC_PORT="$FRANCECONNECT_PORT" \
  FC_ISSUER="${FC_ISSUER:-http://$INFRA_HOST:$FRANCECONNECT_PORT}" \
  FC_DATA_DIR="$INFRA_DATA/franceconnect" \
  FC_REDIRECT_URIS="${FC_REDIRECT_URIS:-http://$INFRA_HOST:$KEYCLOAK_PORT/realms/demarches/broker/franceconnect/endpoint}" \
  NODE_ENV=development \
    start_bg franceconnect "$INFRA_LOGS/franceconnect.log" node --max-old-space-size=128 "$FC_DIR/server.mjs" >/dev/null
}

comp_health() {
  http_ok "http://$INFRA_HOST:$FRANCECONNECT_PORT/.well-known/openid-configuration" '^200$'
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then component_main "$@"; fi
