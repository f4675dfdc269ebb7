#!/usr/bin/env bash
# envtest-assets.sh prints a directory that holds kube-apiserver and etcd for
# controller-runtime's envtest, building the binaries from Go modules when needed.
#
# Stdout carries only the directory; progress and errors go to stderr.
#
#   --no-build           print the cached directory if it is complete, else exit 1
#                        without building (the tests use this to find assets fast).
#   KUBEBUILDER_ASSETS   when set, it is checked and printed as is (nothing is built).
#   HCPKIT_ENVTEST_CACHE cache root (default: ${XDG_CACHE_HOME:-$HOME/.cache}/hcpkit/envtest).
#
# The built binaries live in <cache root>/k8s-<kube version>-etcd-<etcd version>/ and
# are reused on every later run. A cold build takes 10-20 minutes on two cores and
# about 2.3 GB of memory at its peak (the kube-apiserver link).
#
# This is the one place that names the versions: kube-apiserver follows the
# k8s.io/api version in go.mod (v0.X.Y -> v1.X.Y); etcd is pinned below.
set -euo pipefail

no_build=false
case "${1:-}" in
"") ;;
--no-build) no_build=true ;;
*) printf 'usage: %s [--no-build]\n' "$0" >&2; exit 2 ;;
esac

ETCD_VERSION="v3.7.3"

log() { printf 'envtest-assets: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

has_assets() {
	[[ -x "$1/kube-apiserver" && -x "$1/etcd" ]]
}

if [[ -n "${KUBEBUILDER_ASSETS:-}" ]]; then
	has_assets "${KUBEBUILDER_ASSETS}" || die "KUBEBUILDER_ASSETS=${KUBEBUILDER_ASSETS} lacks executable kube-apiserver and etcd"
	printf '%s\n' "${KUBEBUILDER_ASSETS}"
	exit 0
fi

command -v go >/dev/null || die "go is not on PATH"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
api_version="$(awk '$1 == "k8s.io/api" { print $2; exit }' "${repo_root}/go.mod")"
[[ "${api_version}" =~ ^v0\.([0-9]+)\.([0-9]+)$ ]] || die "cannot read the k8s.io/api version from ${repo_root}/go.mod (got '${api_version}')"
KUBE_MINOR="${BASH_REMATCH[1]}"
KUBE_PATCH="${BASH_REMATCH[2]}"
KUBE_VERSION="v1.${KUBE_MINOR}.${KUBE_PATCH}"
STAGING_VERSION="v0.${KUBE_MINOR}.${KUBE_PATCH}"

cache_root="${HCPKIT_ENVTEST_CACHE:-${XDG_CACHE_HOME:-${HOME:?set HOME, XDG_CACHE_HOME or HCPKIT_ENVTEST_CACHE}/.cache}/hcpkit/envtest}"
dest="${cache_root}/k8s-${KUBE_VERSION}-etcd-${ETCD_VERSION}"

if has_assets "${dest}"; then
	printf '%s\n' "${dest}"
	exit 0
fi
if ${no_build}; then
	log "no assets in ${dest} (run $0 without --no-build to build them)"
	exit 1
fi

mkdir -p "${cache_root}"
# Concurrent callers (go test runs packages in parallel) wait for one build.
exec 9>"${cache_root}/.lock"
if command -v flock >/dev/null && ! flock -n 9; then
	log "another build holds ${cache_root}/.lock; waiting for it"
	flock 9
fi
if has_assets "${dest}"; then
	printf '%s\n' "${dest}"
	exit 0
fi

work="$(mktemp -d "${cache_root}/.build.XXXXXX")"
trap 'rm -rf "${work}"' EXIT
out="${work}/bin"
mkdir -p "${out}"

# The builds run in throwaway modules: nothing of the caller's module or
# workspace may leak in.
export GOWORK=off GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0
start=${SECONDS}

build_kube_apiserver() {
	local mod="${work}/kube"
	mkdir -p "${mod}"
	log "kube-apiserver ${KUBE_VERSION}: fetching k8s.io/kubernetes@${KUBE_VERSION}"
	local gomod
	(cd "${mod}" && go mod init hcpkit.local/envtest/kube >/dev/null 2>&1)
	gomod="$(cd "${mod}" && go mod download -json "k8s.io/kubernetes@${KUBE_VERSION}" |
		awk -F'"' '$2 == "GoMod" { print $4; exit }')"
	[[ -f "${gomod}" ]] || die "go mod download gave no go.mod for k8s.io/kubernetes@${KUBE_VERSION}"

	# kubernetes requires its staging modules at v0.0.0 and replaces them with
	# directories that its module zip lacks; point them at the published releases.
	local staging
	staging="$(awk '
		/^require[ \t]*\(/ { inreq = 1; next }
		inreq && /^\)/ { inreq = 0; next }
		inreq && $1 ~ /^k8s\.io\// && $2 == "v0.0.0" { print $1 }
		/^require[ \t]+k8s\.io\// && $3 == "v0.0.0" { print $2 }
	' "${gomod}" | sort -u)"
	[[ -n "${staging}" ]] || die "found no k8s.io/* v0.0.0 requirements in ${gomod}"
	log "kube-apiserver ${KUBE_VERSION}: replacing $(wc -l <<<"${staging}") staging modules with ${STAGING_VERSION}"

	(
		cd "${mod}"
		local m args=(-require "k8s.io/kubernetes@${KUBE_VERSION}")
		while read -r m; do
			args+=(-replace "${m}=${m}@${STAGING_VERSION}")
		done <<<"${staging}"
		go mod edit "${args[@]}"
		log "kube-apiserver ${KUBE_VERSION}: compiling (the slow part)"
		local v=k8s.io/component-base/version
		go build -trimpath -tags selinux,notest,grpcnotrace \
			-ldflags "-s -w -X ${v}.gitVersion=${KUBE_VERSION} -X ${v}.gitMajor=1 -X ${v}.gitMinor=${KUBE_MINOR} -X ${v}.gitTreeState=clean" \
			-o "${out}/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver
	)
	log "kube-apiserver ${KUBE_VERSION}: done after $((SECONDS - start))s"
}

build_etcd() {
	local mod="${work}/etcd"
	mkdir -p "${mod}"
	log "etcd ${ETCD_VERSION}: fetching and compiling go.etcd.io/etcd/server/v3@${ETCD_VERSION}"
	(
		cd "${mod}"
		go mod init hcpkit.local/envtest/etcd >/dev/null 2>&1
		go mod edit -require "go.etcd.io/etcd/server/v3@${ETCD_VERSION}"
		go build -trimpath -ldflags "-s -w" -o "${out}/etcd" go.etcd.io/etcd/server/v3
	)
	log "etcd ${ETCD_VERSION}: done after $((SECONDS - start))s"
}

log "building envtest assets into ${dest} (a cold build takes 10-20 minutes on two cores)"
build_etcd
build_kube_apiserver

"${out}/kube-apiserver" --version >&2 || die "the built kube-apiserver does not run"
rm -rf "${dest}"
mv "${out}" "${dest}"
log "ready after $((SECONDS - start))s: ${dest}"
printf '%s\n' "${dest}"
