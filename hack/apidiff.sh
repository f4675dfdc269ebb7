#!/usr/bin/env bash
# Guards the exported API against accidental breaks with apidiff
# (golang.org/x/exp/cmd/apidiff, pinned in tools/go.mod).
#
#   hack/apidiff.sh check    (default) compare every package with api/baseline/
#   hack/apidiff.sh update   rewrite api/baseline/ from the current tree
#
# check fails (exit 1) on an incompatible change to the facade pkg/compat/util,
# including a change to an hcpkit type that the facade exposes (its aliases of
# pkg/... types and everything reachable from them). Incompatible changes to
# other packages are listed but do not fail. An intended break is accepted by
# running `hack/apidiff.sh update` and committing api/baseline/ with it.
#
# The baseline is text, not export data: export data carries the declarations
# of every dependency (about 1.4 MB for pkg/compat/util alone). Each package is
# stored as its Go source without function bodies and comments
# (hack/apistub.go); check lays those files out as a module in a temporary
# folder, has apidiff write that module's export data there, and compares it
# with the current tree. apidiff exits 0 even on incompatible changes, so its
# report is parsed (hack/apistub.go gate).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
GO=${GO:-go}
BASELINE=api/baseline
FACADE=./pkg/compat/util
APIDIFF=("$GO" tool -modfile="$ROOT/tools/go.mod" apidiff)

module=$("$GO" list -m)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$GO" build -o "$tmp/apistub" hack/apistub.go

case "${1:-check}" in
update)
	"$tmp/apistub" write "$tmp/baseline"
	rm -rf "$BASELINE"
	mkdir -p "$(dirname "$BASELINE")"
	cp -r "$tmp/baseline" "$BASELINE"
	echo "wrote $BASELINE ($(find "$BASELINE" -name '*.txtar' | wc -l) packages, $(du -sh "$BASELINE" | cut -f1)); commit it with the API change"
	# Fall through to a check, which proves the baseline loads and matches.
	;;
check) ;;
*)
	echo "usage: $0 [check|update]" >&2
	exit 2
	;;
esac

if [ ! -d "$BASELINE" ]; then
	echo "apidiff: no $BASELINE; run 'hack/apidiff.sh update' and commit it" >&2
	exit 1
fi

# The baseline as a module of its own, with this module's requirements.
mkdir "$tmp/old"
cp go.mod go.sum "$tmp/old/"
"$tmp/apistub" expand "$BASELINE" "$tmp/old"
if ! (cd "$tmp/old" && "${APIDIFF[@]}" -m -w "$tmp/old.zip" "$module") 2>"$tmp/err"; then
	cat "$tmp/err" >&2
	echo "apidiff: the baseline in $BASELINE does not load (see above); regenerate it with 'hack/apidiff.sh update'" >&2
	exit 2
fi

if ! "${APIDIFF[@]}" -m "$tmp/old.zip" "$module" >"$tmp/report" 2>"$tmp/err"; then
	cat "$tmp/err" >&2
	echo "apidiff: could not load the current tree (see above)" >&2
	exit 2
fi
# apidiff lists the internal packages it skips on stderr; show anything else.
grep -v '^Ignoring internal package ' "$tmp/err" >&2 || true

status=0
(cd "$tmp/old" && "$tmp/apistub" gate "$FACADE") <"$tmp/report" || status=$?
if [ "$status" -eq 0 ]; then
	echo "apidiff: no incompatible change to $module/${FACADE#./} since $BASELINE"
elif [ "$status" -eq 1 ]; then
	echo "apidiff: if the break is intended, run 'hack/apidiff.sh update' and commit $BASELINE in the same commit" >&2
fi
exit "$status"
