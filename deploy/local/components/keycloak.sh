#!/usr/bin/env bash
# Keycloak (Quarkus distribution) from Maven Central, dev mode with a file H2 database.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"

COMP_NAME=keycloak
KC_BASE="$INFRA_DIR/keycloak"
KC_HOME="$KC_BASE/keycloak-$KEYCLOAK_VERSION"
KC_DATA="$INFRA_DATA/keycloak"
REALM_FILE="${KEYCLOAK_REALM_FILE:-$REPO_ROOT/deploy/keycloak/demarches-realm.json}"
COMP_MARKER="$KC_HOME"
COMP_PORT="$KEYCLOAK_PORT/$KEYCLOAK_MANAGEMENT_PORT"
COMP_READY_TIMEOUT="${KEYCLOAK_READY_TIMEOUT:-240}"
COMP_STOP_TIMEOUT=30
: "${KEYCLOAK_HOSTNAME:=http://$INFRA_HOST:$KEYCLOAK_PORT}"
# Keycloak prefers a recent JDK: Temurin 25 when present (see lib.sh INFRA_JAVA_HOME).
: "${KEYCLOAK_JAVA_HOME:=$INFRA_JAVA_HOME}"

comp_installed() { [[ -x "$KC_HOME/bin/kc.sh" ]]; }

comp_install() {
  comp_installed && return 0
  command -v mvn >/dev/null || die "maven (mvn) is required to fetch Keycloak"
  command -v unzip >/dev/null || die "unzip is required (apt-get install -y unzip)"
  log "fetching Keycloak $KEYCLOAK_VERSION distribution from Maven Central"
  mkdir -p "$KC_BASE"
  (cd "$KC_BASE" && mvn_quiet dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$KC_BASE")
  rm -rf "$KC_HOME.tmp" && mkdir -p "$KC_HOME.tmp"
  unzip -q "$KC_BASE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$KC_HOME.tmp"
  rm -rf "$KC_HOME" && mv "$KC_HOME.tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME" && rm -rf "$KC_HOME.tmp"
  rm -f "$KC_BASE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
}

link_data_dir() {
  mkdir -p "$KC_DATA/import"
  # Keycloak keeps its dev H2 database and import folder under $KC_HOME/data: point it at .infra/data/keycloak.
  if [[ -d "$KC_HOME/data" && ! -L "$KC_HOME/data" ]]; then
    cp -a "$KC_HOME/data/." "$KC_DATA/" 2>/dev/null || true
    rm -rf "$KC_HOME/data"
  fi
  ln -sfn "$KC_DATA" "$KC_HOME/data"
}

# The realm's passwordBlacklist(demarches-common-passwords.txt) policy reads data/password-blacklists/.
install_password_blacklists() {
  mkdir -p "$KC_DATA/password-blacklists"
  cp "$REPO_ROOT"/deploy/keycloak/password-blacklists/*.txt "$KC_DATA/password-blacklists/"
}

# --import-realm skips an existing realm: bring the running one in line with the realm file through the admin
# REST API (deploy/keycloak/apply-realm.mjs, idempotent, keeps users) whenever the file changed since last time.
sync_realm() {
  local stamp="$KC_DATA/realm-applied.sha256" sum
  install_password_blacklists
  sum="$(cat "$REALM_FILE" "$REPO_ROOT/deploy/keycloak/apply-realm.mjs" | sha256sum | cut -d' ' -f1)"
  [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" ]] && return 0
  KEYCLOAK_URL="http://$INFRA_HOST:$KEYCLOAK_PORT" KEYCLOAK_REALM_FILE="$REALM_FILE" \
  FRANCECONNECT_URL="http://$INFRA_HOST:$FRANCECONNECT_PORT" \
  KEYCLOAK_ADMIN_USER="${KEYCLOAK_ADMIN_USER:-admin}" KEYCLOAK_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}" \
    node "$REPO_ROOT/deploy/keycloak/apply-realm.mjs" >>"$INFRA_LOGS/keycloak.log" 2>&1 \
    || { warn "keycloak: realm file not applied, see $INFRA_LOGS/keycloak.log"; return 1; }
  echo "$sum" >"$stamp"
}

comp_start() {
  [[ -f "$REALM_FILE" ]] || die "realm file not found: $REALM_FILE"
  link_data_dir
  # --import-realm imports data/import/*.json only when the realm does not exist yet (skips otherwise):
  # sync_realm (after start) applies later edits of the realm file to the running realm.
  # The realm file names the stand-in at its default address; follow FRANCECONNECT_PORT/INFRA_HOST overrides.
  sed "s#http://127.0.0.1:8280#http://$INFRA_HOST:$FRANCECONNECT_PORT#g" "$REALM_FILE" >"$KC_DATA/import/demarches-realm.json"
  install_password_blacklists
  JAVA_HOME="$KEYCLOAK_JAVA_HOME" \
  JAVA_OPTS_KC_HEAP="${KEYCLOAK_HEAP_OPTS:--Xms256m -Xmx768m}" \
  JAVA_OPTS_APPEND="-XX:+ExitOnOutOfMemoryError -XX:MaxMetaspaceSize=384m" \
  KC_BOOTSTRAP_ADMIN_USERNAME="${KEYCLOAK_ADMIN_USER:-admin}" \
  KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}" \
    start_bg keycloak "$INFRA_LOGS/keycloak.log" "$KC_HOME/bin/kc.sh" start-dev \
      --http-host="$INFRA_HOST" --http-port="$KEYCLOAK_PORT" \
      --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
      --hostname="$KEYCLOAK_HOSTNAME" \
      --import-realm --health-enabled=true --metrics-enabled=false >/dev/null
}

comp_stop() { stop_tree keycloak "$COMP_MARKER" "$COMP_STOP_TIMEOUT"; }

# Ready = the demarches realm answers its OIDC discovery document (so the import is done).
comp_health() {
  http_ok "http://$INFRA_HOST:$KEYCLOAK_PORT/realms/demarches/.well-known/openid-configuration" '^200$'
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  component_main "$@"
  if [[ "${1:-status}" == start ]]; then sync_realm; fi
fi
