#!/usr/bin/env bash
# Installs what the platform needs on a fresh machine of this kind (Debian 12, Node 20, Java 17, Go, Maven):
# Node dependencies from the lock file, then the local infrastructure (downloaded and built once into .infra/).
set -euo pipefail
cd "$(dirname "$0")/../.."

lock_stamp=node_modules/.package-lock.json
if [[ ! -d node_modules || package-lock.json -nt "$lock_stamp" ]]; then
  echo "→ npm ci"
  npm ci --no-audit --no-fund --loglevel=error
else
  echo "✓ node_modules up to date"
fi

deploy/local/infra.sh install
