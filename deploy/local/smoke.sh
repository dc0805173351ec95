#!/usr/bin/env bash
# Smoke test of the running local infrastructure (deploy/local/infra.sh up first).
#   deploy/local/smoke.sh              every check
#   deploy/local/smoke.sh keycloak     only the named groups: keycloak franceconnect redis mailpit s3 ferretdb kafka
# Keycloak: real password grants on demarches-cli for every demo user, decoded access tokens checked for
# aud=demarches-gateway, realm_access.roles, email, iss and a 300 s lifespan; client_credentials on the gateway;
# the public web client refuses password grants. FranceConnect: a full broker login (Keycloak -> stand-in ->
# Keycloak, PKCE) exchanged for tokens. Leaves nothing behind except the brokered FC user in Keycloak.
# Ends with a line "N passed, N failed"; exit code 1 when anything failed.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

KC="http://$INFRA_HOST:$KEYCLOAK_PORT"
REALM_URL="$KC/realms/demarches"
TOKEN_URL="$REALM_URL/protocol/openid-connect/token"
PASSWORD="${DEMO_PASSWORD:-Demarches-Demo-2026!}"
PASSED=0; FAILED=0
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

ok()   { PASSED=$((PASSED + 1)); printf '  ok    %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf '  FAIL  %s\n' "$*"; }
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi; }

# jwt_payload TOKEN : decoded JSON payload of a JWT (base64url, padding restored).
jwt_payload() {
  local p; p="$(cut -d. -f2 <<<"$1" | tr '_-' '/+')"
  while (( ${#p} % 4 )); do p="$p="; done
  base64 -d <<<"$p"
}

GROUPS_WANTED=("$@")
wanted() { (( ${#GROUPS_WANTED[@]} == 0 )) && return 0; local g; for g in "${GROUPS_WANTED[@]}"; do [[ "$g" == "$1" ]] && return 0; done; return 1; }

check_token_claims() { # label token expected_role expected_email expected_azp
  local label="$1" token="$2" role="$3" email="$4" azp="$5" claims
  claims="$(jwt_payload "$token")" || { fail "$label: token payload not decodable"; return; }
  if jq -e '(.aud | if type=="array" then . else [.] end) | index("demarches-gateway") != null' <<<"$claims" >/dev/null; then
    ok "$label: aud contains demarches-gateway"; else fail "$label: aud $(jq -c .aud <<<"$claims")"; fi
  if [[ -n "$role" ]]; then
    if jq -e --arg r "$role" '.realm_access.roles | index($r) != null' <<<"$claims" >/dev/null; then
      ok "$label: realm_access.roles has $role"; else fail "$label: roles $(jq -c .realm_access <<<"$claims")"; fi
  fi
  if [[ -n "$email" ]]; then
    if jq -e --arg e "$email" '.email == $e' <<<"$claims" >/dev/null; then ok "$label: email claim"; else fail "$label: email $(jq -c .email <<<"$claims")"; fi
  fi
  if jq -e --arg i "$REALM_URL" '.iss == $i' <<<"$claims" >/dev/null; then ok "$label: iss"; else fail "$label: iss $(jq -c .iss <<<"$claims")"; fi
  if jq -e --arg a "$azp" '.azp == $a and (.exp - .iat) == 300' <<<"$claims" >/dev/null; then
    ok "$label: azp $azp, lifespan 300 s"; else fail "$label: azp/lifespan $(jq -c '{azp, life: (.exp - .iat)}' <<<"$claims")"; fi
}

smoke_keycloak() {
  echo "keycloak ($KC)"
  check "realm discovery" http_ok "$REALM_URL/.well-known/openid-configuration" '^200$'
  check "health/ready on management port $KEYCLOAK_MANAGEMENT_PORT" http_ok "http://$INFRA_HOST:$KEYCLOAK_MANAGEMENT_PORT/health/ready" '^200$'
  local user role resp token
  for pair in "admin@demo.demarches.gouv.fr:administrateur" "instructeur@demo.demarches.gouv.fr:instructeur" \
              "usager@demo.demarches.fr:usager" "usager2@demo.demarches.fr:usager"; do
    user="${pair%%:*}"; role="${pair##*:}"
    resp="$(curl -s -m 20 -d grant_type=password -d client_id=demarches-cli -d scope='openid email' \
      --data-urlencode "username=$user" --data-urlencode "password=$PASSWORD" "$TOKEN_URL")"
    token="$(jq -r '.access_token // empty' <<<"$resp" 2>/dev/null || true)"
    if [[ -z "$token" ]]; then fail "password grant $user: $resp"; continue; fi
    ok "password grant $user"
    check_token_claims "$user" "$token" "$role" "$user" demarches-cli
  done
  local code
  resp="$(curl -s -m 20 -d grant_type=password -d client_id=demarches-cli \
    --data-urlencode "username=usager2@demo.demarches.fr" --data-urlencode "password=wrong-password-123" "$TOKEN_URL")"
  if [[ "$(jq -r '.error // empty' <<<"$resp" 2>/dev/null)" == invalid_grant ]]; then ok "wrong password refused (invalid_grant)"; else fail "wrong password answered $resp"; fi
  code="$(curl -s -m 20 -o /dev/null -w '%{http_code}' -d grant_type=password -d client_id=demarches-web \
    --data-urlencode "username=usager@demo.demarches.fr" --data-urlencode "password=$PASSWORD" "$TOKEN_URL")"
  if [[ "$code" =~ ^40[01]$ ]]; then ok "demarches-web refuses password grant ($code)"; else fail "demarches-web password grant answered $code"; fi
  resp="$(curl -s -m 20 -d grant_type=client_credentials -d client_id=demarches-gateway -d client_secret=gateway-dev-secret "$TOKEN_URL")"
  token="$(jq -r '.access_token // empty' <<<"$resp" 2>/dev/null || true)"
  if [[ -n "$token" ]]; then ok "client_credentials demarches-gateway"; check_token_claims "gateway service account" "$token" "" "" demarches-gateway
  else fail "client_credentials demarches-gateway: $resp"; fi
}

# Full browser-like broker login: Keycloak (demarches-web, PKCE) -> FranceConnect stand-in (login_hint) -> Keycloak.
smoke_franceconnect() {
  echo "franceconnect stand-in (http://$INFRA_HOST:$FRANCECONNECT_PORT) through Keycloak"
  check "stand-in discovery" http_ok "http://$INFRA_HOST:$FRANCECONNECT_PORT/.well-known/openid-configuration" '^200$'
  local verifier challenge redirect="http://127.0.0.1:3000/smoke-callback" url out loc i final=""
  verifier="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 64)"
  challenge="$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')"
  url="$REALM_URL/protocol/openid-connect/auth?client_id=demarches-web&response_type=code&scope=openid%20email"
  url+="&redirect_uri=$(jq -rn --arg u "$redirect" '$u|@uri')&code_challenge=$challenge&code_challenge_method=S256"
  url+="&state=smoke-state&nonce=smoke-nonce&kc_idp_hint=franceconnect&login_hint=angela"
  for i in $(seq 1 15); do
    out="$(curl -s -m 20 -b "$TMP/jar" -c "$TMP/jar" -o "$TMP/body" -w '%{http_code} %{redirect_url}' "$url" || true)"
    loc="${out#* }"
    if [[ "$loc" == "$redirect"* ]]; then final="$loc"; break; fi
    [[ -n "$loc" && "$loc" != "$out" ]] || break
    url="$loc"
  done
  if [[ -z "$final" ]]; then
    fail "broker login did not come back to the client (stopped at: ${out:0:200})"; return
  fi
  ok "broker login Keycloak -> stand-in -> Keycloak ($i redirects)"
  local code resp token
  code="$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$final")"
  resp="$(curl -s -m 20 -d grant_type=authorization_code -d client_id=demarches-web --data-urlencode "code=$code" \
    --data-urlencode "redirect_uri=$redirect" --data-urlencode "code_verifier=$verifier" "$TOKEN_URL")"
  token="$(jq -r '.access_token // empty' <<<"$resp" 2>/dev/null || true)"
  if [[ -z "$token" ]]; then fail "code exchange (PKCE) on demarches-web: $resp"; return; fi
  ok "code exchange (PKCE) on demarches-web"
  check_token_claims "FranceConnect angela" "$token" usager angela.dubois@fc.demo.fr demarches-web
  if jq -e '.family_name == "DUBOIS" and .given_name == "Angela Claire Louise"' <<<"$(jwt_payload "$token")" >/dev/null; then
    ok "FranceConnect angela: pivot identity names"; else fail "FranceConnect angela: names $(jwt_payload "$token" | jq -c '{given_name,family_name}')"; fi
}

smoke_redis() {
  echo "redis ($INFRA_HOST:$REDIS_PORT)"
  check "PING" test "$(redis-cli -h "$INFRA_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG
}

smoke_mailpit() {
  echo "mailpit (smtp $INFRA_HOST:$SMTP_PORT, api $INFRA_HOST:$MAILPIT_HTTP_PORT)"
  local rcpt="smoke-$$-$RANDOM@smoke.demarches.local" id api="http://$INFRA_HOST:$MAILPIT_HTTP_PORT/api/v1"
  printf 'From: smoke@demarches.local\r\nTo: %s\r\nSubject: smoke %s\r\n\r\nbonjour\r\n' "$rcpt" "$$" >"$TMP/mail.eml"
  check "SMTP send (AUTH any)" curl -s -m 10 --url "smtp://$INFRA_HOST:$SMTP_PORT" --user any:any --login-options AUTH=PLAIN \
    --mail-from smoke@demarches.local --mail-rcpt "$rcpt" -T "$TMP/mail.eml"
  id=""
  for _ in 1 2 3 4 5; do
    id="$(curl -s -m 5 "$api/search?query=$(jq -rn --arg q "to:\"$rcpt\"" '$q|@uri')" | jq -r '.messages[0].ID // empty' 2>/dev/null || true)"
    [[ -n "$id" ]] && break; sleep 0.5
  done
  if [[ -n "$id" ]]; then
    ok "message found through /api/v1/search"
    check "message deleted (DELETE /api/v1/messages)" curl -sf -m 5 -X DELETE -H 'content-type: application/json' \
      -d "{\"IDs\":[\"$id\"]}" "$api/messages"
  else fail "message not found through /api/v1/search"; fi
}

smoke_s3() {
  local EMPTY_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
  echo "s3 versitygw (http://$INFRA_HOST:$S3_PORT)"
  local code
  code="$(curl -s -m 10 -o "$TMP/s3" -w '%{http_code}' --aws-sigv4 "aws:amz:${S3_REGION:-us-east-1}:s3" -H "x-amz-content-sha256: $EMPTY_SHA256" \
    --user "${S3_ACCESS_KEY:-demarches-local}:${S3_SECRET_KEY:-demarches-local-secret}" "http://$INFRA_HOST:$S3_PORT/")"
  if [[ "$code" == 200 ]]; then ok "signed ListBuckets (SigV4) = 200"; else fail "signed ListBuckets answered $code: $(head -c 300 "$TMP/s3")"; fi
  code="$(curl -s -m 10 -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:${S3_REGION:-us-east-1}:s3" -H "x-amz-content-sha256: $EMPTY_SHA256" \
    --user "${S3_ACCESS_KEY:-demarches-local}:not-the-secret" "http://$INFRA_HOST:$S3_PORT/")"
  if [[ "$code" == 403 ]]; then ok "wrong secret refused (403)"; else fail "wrong secret answered $code"; fi
}

smoke_ferretdb() {
  echo "ferretdb ($INFRA_HOST:$FERRETDB_PORT)"
  check "TCP $FERRETDB_PORT" port_open "$INFRA_HOST" "$FERRETDB_PORT"
  check "/debug/readyz (MongoDB ping through the driver)" http_ok "http://$INFRA_HOST:$FERRETDB_DEBUG_PORT/debug/readyz" '^200$'
}

smoke_kafka() {
  echo "kafka ($INFRA_HOST:$KAFKA_PORT)"
  check "metadata (TopicCommand --list)" "$COMPONENTS_DIR/kafka.sh" health
}

for g in keycloak franceconnect redis mailpit s3 ferretdb kafka; do
  if wanted "$g"; then "smoke_$g"; fi
done
echo "smoke: $PASSED passed, $FAILED failed"
(( FAILED == 0 ))
