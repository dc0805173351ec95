# Démarches — the two commands of the quick start are `make up` and `make test`; the rest are their parts.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help install contracts build infra-up infra-down infra-status services-up services-down services-status \
        seed up down status lint typecheck unit integration e2e proto-check helm-check test format

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

install: ## install Node dependencies and fetch/build the local infrastructure (cached under .infra/)
	@tools/setup/install.sh

contracts: ## generate TypeScript from proto/ into libs/contracts/src/generated
	@npm run --silent contracts:generate

infra-up: ## start Kafka, Keycloak, FerretDB, S3, Redis, Mailpit and the FranceConnect stand-in
	@deploy/local/infra.sh up

infra-down: ## stop the local infrastructure
	@deploy/local/infra.sh down

infra-status: ## show the local infrastructure
	@deploy/local/infra.sh status

build: contracts ## build every service into dist/services/<name> (what containers and `make up` run)
	@for s in gateway identity form-builder dossier instruction messaging notification export geo; do \
	  node tools/build/build-service.mjs $$s --quiet || exit 1; done

services-up: ## build, then start every service in the background and wait until each is ready
	@node tools/run/platform.mjs up

services-down: ## stop every service
	@node tools/run/platform.mjs down

services-status: ## show every service
	@node tools/run/platform.mjs status

seed: ## create the demo démarche through the gateway
	@node -r @swc-node/register tools/seed/seed-demo.ts

up: install contracts infra-up services-up seed ## everything: infrastructure, services, demo data
	@tools/setup/print-welcome.sh

down: services-down infra-down ## stop everything `make up` started

status: infra-status services-status ## show everything

lint: contracts ## ESLint (module boundaries included) and Prettier
	@# The module-boundaries rule reads Nx's project graph; computing it first keeps a fresh clone from skipping it.
	@npx nx show projects >/dev/null
	@npx eslint . --max-warnings=0
	@npx prettier --check . --log-level warn

typecheck: contracts ## TypeScript, whole workspace, strict
	@npx tsc -p tsconfig.json --noEmit

unit: contracts ## unit tests
	@npx jest -c jest.unit.config.ts

integration: contracts ## integration tests against the real local infrastructure
	@npx jest -c jest.integration.config.ts --runInBand

e2e: contracts ## end-to-end tests against the running platform
	@npx jest -c jest.e2e.config.ts --runInBand

proto-check: ## buf lint and breaking-change check against the previous commit
	@node tools/proto/breaking.mjs

helm-check: ## helm lint --strict, helm template and offline schema validation
	@tools/helm/check.sh

test: ## install, start what the tests need, run every check and test suite
	@tools/ci/test.sh

format: ## format the code with Prettier
	@npx prettier --write .
