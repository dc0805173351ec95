"""Offline validation of manifests rendered by `helm template` (run by tools/helm/check.sh).

1. Every document is validated with kubernetes-validate's bundled JSON schemas in strict mode (unknown fields are
   errors) for each requested Kubernetes version.
2. Kinds without a bundled schema fail, except the explicitly skipped CRD kinds (SKIP_KINDS).
3. Platform rules the chart promises (house style 23-24): non-root, read-only root filesystem, no privilege
   escalation, liveness/readiness probes on /health/live and /health/ready, a Service per Deployment, and the
   Kafka topic job listing every required topic and its .dlt twin, plus every topic declared in
   libs/contracts/src/topics.ts (--contracts), command topics with their .reply twin.

Usage: python validate_manifests.py --k8s 1.33.0 --k8s 1.37.0 [--contracts topics.ts] rendered.yaml [...]
"""
import argparse
import json
import re
import sys
from collections import Counter

import yaml
import kubernetes_validate
from kubernetes_validate import utils as kv

# CRDs not bundled with kubernetes-validate: skipped on purpose, and only these.
SKIP_KINDS = {("monitoring.coreos.com/v1", "ServiceMonitor")}
REQUIRED_TOPICS = [
    "demarches.procedure.v1",
    "demarches.dossier.v1",
    "demarches.dossier.commands.v1",
    "demarches.messaging.v1",
    "demarches.notification.v1",
    "demarches.export.v1",
]


def contract_topics(path):
    """Topic names of the `Topics` and `CommandTopics` objects of libs/contracts/src/topics.ts."""
    if not path:
        return [], []
    with open(path, encoding="utf-8") as f:
        text = f.read()

    def block(name):
        m = re.search(r"export const %s\s*=\s*\{(.*?)\}" % name, text, re.S)
        return re.findall(r"['\"](demarches\.[a-z0-9.-]+)['\"]", m.group(1)) if m else []

    events, commands = block("Topics"), block("CommandTopics")
    if not events:
        raise SystemExit(f"no `export const Topics = {{...}}` found in {path}")
    return events, commands


def policy_errors(doc, all_docs, events=(), commands=()):
    errors = []
    kind, name = doc["kind"], doc["metadata"]["name"]
    where = f"{kind}/{name}"
    if kind in ("Deployment", "Job"):
        pod = doc["spec"]["template"]["spec"]
        psc = pod.get("securityContext", {})
        if psc.get("runAsNonRoot") is not True:
            errors.append(f"{where}: pod securityContext.runAsNonRoot must be true")
        for c in pod["containers"]:
            sc = c.get("securityContext", {})
            if sc.get("readOnlyRootFilesystem") is not True:
                errors.append(f"{where}/{c['name']}: readOnlyRootFilesystem must be true")
            if sc.get("allowPrivilegeEscalation") is not False:
                errors.append(f"{where}/{c['name']}: allowPrivilegeEscalation must be false")
            if "ALL" not in sc.get("capabilities", {}).get("drop", []):
                errors.append(f"{where}/{c['name']}: capabilities must drop ALL")
            if kind == "Deployment":
                live = c.get("livenessProbe", {}).get("httpGet", {}).get("path")
                ready = c.get("readinessProbe", {}).get("httpGet", {}).get("path")
                if live != "/health/live" or ready != "/health/ready":
                    errors.append(f"{where}/{c['name']}: probes must be /health/live and /health/ready (got {live}, {ready})")
                if not c.get("resources", {}).get("requests"):
                    errors.append(f"{where}/{c['name']}: resources.requests missing")
                ports = {p["name"] for p in c.get("ports", [])}
                if ports != {"http", "metrics"}:
                    errors.append(f"{where}/{c['name']}: ports must be http and metrics (got {sorted(ports)})")
    if kind == "Deployment":
        if not any(d["kind"] == "Service" and d["metadata"]["name"] == name for d in all_docs):
            errors.append(f"{where}: no Service of the same name")
    if kind == "Job" and doc["metadata"]["name"].endswith("-kafka-topics"):
        env = {e["name"]: e.get("value") for e in doc["spec"]["template"]["spec"]["containers"][0].get("env", [])}
        names = {t["topic"] for t in json.loads(env.get("TOPICS", "[]"))}
        prefix = ""
        for topic in REQUIRED_TOPICS:
            matches = [n for n in names if n.endswith(topic)]
            if not matches:
                errors.append(f"{where}: topic {topic} missing")
                continue
            prefix = matches[0][: -len(topic)]
            if f"{prefix}{topic}.dlt" not in names:
                errors.append(f"{where}: dead-letter topic {prefix}{topic}.dlt missing")
        for topic in list(events) + list(commands):
            if f"{prefix}{topic}" not in names or f"{prefix}{topic}.dlt" not in names:
                errors.append(f"{where}: topic {topic} (libs/contracts) or its .dlt missing from kafka.topics")
        for topic in commands:
            if f"{prefix}{topic}.reply" not in names:
                errors.append(f"{where}: command topic {topic} needs `reply: true` in kafka.topics")
    return errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--k8s", action="append", required=True, help="Kubernetes version, repeatable")
    parser.add_argument("--contracts", help="libs/contracts/src/topics.ts, to check the topic job against it")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    events, commands = contract_topics(args.contracts)

    failures = 0
    for filename in args.files:
        with open(filename, encoding="utf-8") as f:
            docs = [d for d in yaml.safe_load_all(f) if d]
        kinds, skipped = Counter(), Counter()
        for doc in docs:
            if not isinstance(doc, dict) or "kind" not in doc or "apiVersion" not in doc:
                print(f"ERROR {filename}: a document has no kind/apiVersion")
                failures += 1
                continue
            key = (doc["apiVersion"], doc["kind"])
            if key in SKIP_KINDS:
                skipped[doc["kind"]] += 1
                continue
            kinds[doc["kind"]] += 1
            for version in args.k8s:
                try:
                    kv.validate(doc, version, strict=True)
                except kv.ValidationError as e:
                    path = ".".join(str(p) for p in e.path)
                    print(f"ERROR {filename}: {doc['kind']}/{doc['metadata']['name']} (k8s {version}): {path}: {e.message}")
                    failures += 1
                except kv.SchemaNotFoundError:
                    print(f"ERROR {filename}: no schema for {doc['apiVersion']} {doc['kind']} in k8s {version} "
                          f"(add it to SKIP_KINDS only if it is a CRD)")
                    failures += 1
            for err in policy_errors(doc, docs, events, commands):
                print(f"ERROR {filename}: {err}")
                failures += 1
        summary = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
        skip = ", ".join(f"{k} {n}" for k, n in sorted(skipped.items())) or "none"
        print(f"{filename}: {sum(kinds.values())} objects checked against k8s {', '.join(args.k8s)} "
              f"(kubernetes-validate {kubernetes_validate.__version__}) [{summary}]; skipped CRDs: {skip}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
