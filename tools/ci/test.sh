#!/usr/bin/env bash
# `make test`: installs what is needed, runs static checks and unit tests, starts the real infrastructure and the
# services, runs integration and end-to-end tests, then stops what it started. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

started_infra=0
started_services=0
timings=()
stage() {
  local name=$1
  shift
  local start=$SECONDS
  echo
  echo "━━ ${name}"
  "$@"
  timings+=("$(printf '%-22s %4ds' "$name" $((SECONDS - start)))")
}
cleanup() {
  local code=$?
  if ((started_services)); then node tools/run/platform.mjs down || true; fi
  if ((started_infra)); then deploy/local/infra.sh down || true; fi
  echo
  echo "━━ timings"
  printf '  %s\n' "${timings[@]}"
  echo "  total                  ${SECONDS}s"
  exit "$code"
}
trap cleanup EXIT

# Stop only what this run started: a developer's running `make up` stays up.
deploy/local/infra.sh status >/dev/null 2>&1 || started_infra=1
node tools/run/platform.mjs status >/dev/null 2>&1 || started_services=1

stage install tools/setup/install.sh
stage contracts npm run --silent contracts:generate
stage lint make --no-print-directory lint
stage typecheck make --no-print-directory typecheck
stage unit npx jest -c jest.unit.config.ts
stage proto-check node tools/proto/breaking.mjs
stage helm-check tools/helm/check.sh
stage infra-up deploy/local/infra.sh up
stage integration env DEMARCHES_SKIP_INFRA=1 npx jest -c jest.integration.config.ts --runInBand
stage services-up node tools/run/platform.mjs up
stage e2e env DEMARCHES_SKIP_INFRA=1 npx jest -c jest.e2e.config.ts --runInBand
