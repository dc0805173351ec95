#!/usr/bin/env bash
# S3-compatible object storage: versitygw on its POSIX backend (real SigV4, multipart, path-style).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"

COMP_NAME=s3
S3_DATA="$INFRA_DATA/s3"
COMP_MARKER="$INFRA_BIN/versitygw"
COMP_PORT="$S3_PORT"
COMP_READY_TIMEOUT=30
: "${S3_ACCESS_KEY:=demarches-local}"
: "${S3_SECRET_KEY:=demarches-local-secret}"
: "${S3_REGION:=us-east-1}"

comp_installed() {
  [[ -x "$INFRA_BIN/versitygw" && "$(cat "$INFRA_BIN/.versitygw.version" 2>/dev/null)" == "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION" ]]
}

comp_install() { go_install versitygw "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION"; }

comp_start() {
  mkdir -p "$S3_DATA/iam" "$S3_DATA/meta" "$S3_DATA/data"
  ROOT_ACCESS_KEY="$S3_ACCESS_KEY" ROOT_SECRET_KEY="$S3_SECRET_KEY" \
    start_bg s3 "$INFRA_LOGS/s3.log" "$INFRA_BIN/versitygw" \
      --port "$INFRA_HOST:$S3_PORT" --region "$S3_REGION" --iam-dir "$S3_DATA/iam" --quiet \
      posix --sidecar "$S3_DATA/meta" "$S3_DATA/data" >/dev/null
}

# Ready = the S3 endpoint answers HTTP (an anonymous ListBuckets gets 403 AccessDenied, which is fine).
comp_health() { http_ok "http://$INFRA_HOST:$S3_PORT/" '^[2-4][0-9][0-9]$'; }

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then component_main "$@"; fi
