# hcpkit developer targets. Tools run from their own module (tools/go.mod), so
# library users never inherit them.
SHELL := /bin/bash
GO ?= go
TOOL := $(GO) tool -modfile=tools/go.mod
PKGS := ./...
FUZZTIME ?= 5s
BENCHTIME ?= 1s

.PHONY: all build test test-unit test-setup lint generate verify-generate bench fuzz demo clean

all: build test

## build: compile every package and the hcpinspect binary into bin/
build:
	$(GO) build $(PKGS)
	$(GO) build -o bin/hcpinspect ./cmd/hcpinspect

## test-unit: the unit tests alone (-short: no API server, no registry daemon), race detector on
test-unit:
	$(GO) test -race -short -count=1 $(PKGS)

## test-setup: install what the integration tests need, once per machine:
## the distribution registry (Debian package) and kube-apiserver + etcd for envtest
test-setup:
	hack/install-registry.sh
	hack/envtest-assets.sh >/dev/null

## test: every test, integration tests included and required, race detector on
test: test-setup
	KUBEBUILDER_ASSETS="$$(hack/envtest-assets.sh)" HCPKIT_REQUIRE_ENVTEST=1 HCPKIT_REQUIRE_REGISTRY=1 \
		$(GO) test -race -count=1 $(PKGS)

## generate: deepcopy functions and CRD manifests from the API types
generate:
	$(TOOL) controller-gen object:headerFile=hack/boilerplate.go.txt paths=./pkg/api/... \
		crd:crdVersions=v1 output:crd:artifacts:config=config/crd

## verify-generate: fail when generated files are stale
verify-generate: generate
	@git diff --exit-code -- pkg/api config/crd || \
		{ echo "generated files are stale: run 'make generate' and commit the result"; exit 1; }

## lint: gofmt, go vet, generated-file freshness, golangci-lint, govulncheck and the API-break gate
lint: verify-generate lint-go vuln apidiff
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)

## lint-go: golangci-lint (pinned in tools/go.mod) with .golangci.yml
lint-go:
	$(TOOL) golangci-lint run $(PKGS)

## vuln: govulncheck against a pinned local copy of the Go vulnerability database
vuln:
	GO=$(GO) hack/govulncheck.sh

## apidiff: fail on an incompatible change to pkg/compat/util since api/baseline (update: hack/apidiff.sh update)
apidiff:
	GO=$(GO) hack/apidiff.sh check

## bench: run every benchmark once with allocation counts
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) $(PKGS)

## fuzz: run each fuzz target for FUZZTIME
fuzz:
	@set -e; for pkg in $$($(GO) list $(PKGS)); do \
		dir=$$($(GO) list -f '{{.Dir}}' $$pkg); \
		for t in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$dir/*_test.go 2>/dev/null | sed 's/^func //'); do \
			echo "== $$pkg $$t"; \
			$(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

## demo: run hcpinspect on its embedded example
demo:
	$(GO) run ./cmd/hcpinspect

clean:
	rm -rf bin _output
