#!/usr/bin/env bash
# Runs govulncheck on ./... against a pinned, local copy of the Go
# vulnerability database, so the check is reproducible and needs no access to
# vuln.go.dev.
#
# The database comes from the Go module golang.org/x/vulndb (fetched through
# the module proxy into the module cache, like any other module). Its
# data/osv folder is a flat list of OSV files without index files; govulncheck
# reads such a folder given as -db file://<dir>.
#
# Reachable vulnerabilities in module dependencies fail the check (exit 1).
# Standard-library findings are printed as warnings only: they need a newer Go
# toolchain, which this machine cannot install.
#
# Bump VULNDB_VERSION to take newer advisories:
#   (cd /tmp && go list -m -json golang.org/x/vulndb@latest)   # prints Version
set -euo pipefail

VULNDB_VERSION=v0.0.0-20261105234957-e22db6528018

cd "$(dirname "$0")/.."
GO=${GO:-go}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Download from an empty folder, outside any module, so go.mod and go.sum
# stay untouched.
dir=$(cd "$tmp" && GOFLAGS= "$GO" mod download -json "golang.org/x/vulndb@${VULNDB_VERSION}" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
if [ -z "$dir" ] || [ ! -d "$dir/data/osv" ]; then
	echo "govulncheck.sh: could not get golang.org/x/vulndb@${VULNDB_VERSION} (no data/osv folder)" >&2
	exit 2
fi

out=$tmp/govulncheck.json
# govulncheck exits 0 in JSON mode; the report below decides.
"$GO" tool -modfile=tools/go.mod govulncheck -db "file://${dir}/data/osv" -format json ./... >"$out"
"$GO" build -o "$tmp/report" hack/govulncheck-report.go
"$tmp/report" <"$out"
