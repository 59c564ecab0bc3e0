#!/usr/bin/env bash
# install_test.sh: what a user gets from a published release, checked
# offline. It publishes this checkout as the version that
# cmd/declutter/go.mod requires (v0.1.0 today) of both modules
# (the library and the command) in a local module proxy, then, in empty
# module caches:
#
#   - go install github.com/declutter/declutter/cmd/declutter@VERSION
#     works (no replace directive in the command's go.mod), and the binary
#     prints "declutter VERSION" and extracts the seed page;
#   - go get github.com/declutter/declutter@VERSION downloads none of the
#     command's own dependencies.
#
# The proxy holds only the two declutter modules; every other module comes
# from the machine's module cache (as a file:// proxy) and then from the
# configured GOPROXY. The checksum database is off for github.com/declutter
# only, as these local zips are not the published ones.
#
# Publishing follows the release steps in CHANGELOG.md: the library's zip
# first, then go mod tidy writes the library's sums to the command's go.sum,
# then the command's zip.
set -euo pipefail
cd "$(dirname "$0")/.."

lib=github.com/declutter/declutter
cli=$lib/cmd/declutter
# The version being released: the one the command requires.
version=$(sed -n "s#^[[:space:]]*$lib \(v[^[:space:]]*\)\$#\1#p" cmd/declutter/go.mod)
[ -n "$version" ] || { echo "install_test: cmd/declutter/go.mod does not require $lib" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
proxy=$tmp/proxy

fail() { echo "install_test: $*" >&2; exit 1; }

for mod in go.mod cmd/declutter/go.mod; do
	if grep -Eq '^[[:space:]]*replace\b' "$mod"; then
		fail "$mod has a replace directive: go install ...@version refuses it"
	fi
done
grep -q "^replace $lib $version => ./\$" go.work ||
	fail "go.work must point $lib $version at this checkout (replace $lib $version => ./)"

# publish MODULE DIR [HOOK]: the tracked files under DIR, less go.work and
# nested modules, as MODULE@$version in the proxy layout (list, .info, .mod,
# .zip). HOOK, when given, runs on the staged tree before it is zipped.
publish() {
	local mod=$1 dir=$2 stage="$tmp/stage/$1@$version"
	mkdir -p "$stage" "$proxy/$mod/@v"
	(
		cd "$dir"
		nested=$(git ls-files | grep '/go\.mod$' | sed 's#/go\.mod$#/#' || true)
		git ls-files | grep -vx -e go.work -e go.work.sum | while read -r f; do
			for n in $nested; do case $f in "$n"*) continue 2 ;; esac; done
			[ -f "$f" ] && printf '%s\n' "$f" # not deleted in the work tree
		done | tar -cf - -T - | tar -xf - -C "$stage"
	)
	if [ -n "${3:-}" ]; then "$3" "$stage"; fi
	(cd "$tmp/stage" && zip -qrX "$proxy/$mod/@v/$version.zip" "$mod@$version")
	cp "$stage/go.mod" "$proxy/$mod/@v/$version.mod"
	printf '{"Version":"%s","Time":"%s"}\n' "$version" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$proxy/$mod/@v/$version.info"
	echo "$version" >"$proxy/$mod/@v/list"
}

# One empty module cache for the whole script. Modules other than
# declutter's come from the machine's module cache, then from its GOPROXY.
# -trimpath lets the build cache serve compiled dependencies whatever the
# module cache's path.
machine_cache=$(go env GOMODCACHE)
machine_proxy=$(go env GOPROXY)
export GOWORK=off GOSUMDB=off GONOSUMDB=github.com/declutter GOFLAGS="-modcacherw -trimpath"
export GOMODCACHE="$tmp/modcache"
export GOPROXY="file://$proxy,file://$machine_cache/cache/download,$machine_proxy"

# As a release does: go mod tidy writes the library's sums to the command's
# go.sum. The go.mod must not change: go install reads it as committed.
release_tidy() {
	cp "$1/go.mod" "$tmp/go.mod.committed"
	(cd "$1" && go mod tidy) || fail "go mod tidy in cmd/declutter against $lib@$version failed"
	diff -u "$tmp/go.mod.committed" "$1/go.mod" || fail "cmd/declutter/go.mod is not tidy (diff above)"
}

publish "$lib" .
echo "published $lib@$version in $proxy"

# go get of the library, while the module cache holds nothing else:
# none of the command's dependencies may be downloaded.
mkdir -p "$tmp/user"
cat >"$tmp/user/main.go" <<'EOF'
package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/declutter/declutter"
)

func main() {
	_, err := declutter.Extract(context.Background(), strings.NewReader("<p>hi</p>"), "")
	fmt.Println(err != nil)
}
EOF
(
	cd "$tmp/user"
	go mod init example.com/user 2>/dev/null
	go get "$lib@$version" 2>&1 | grep -v '^go: downloading' || true
	go build -o /dev/null .
) || fail "a program using $lib@$version does not build"
for dep in $(sed -n 's#^[[:space:]]*\([^[:space:]]*\) v[^[:space:]]*\( // indirect\)\{0,1\}$#\1#p' cmd/declutter/go.mod | sort -u); do
	if [ "$dep" = "$lib" ] || grep -q "^	$dep " go.mod; then continue; fi # the library's too
	esc=$(printf '%s' "$dep" | sed 's/[A-Z]/!\L&/g')
	if ls "$GOMODCACHE/cache/download/$esc/@v/" 2>/dev/null | grep -q '\.zip$'; then
		fail "go get $lib downloaded $dep, a dependency of the command only"
	fi
done
echo "go get $lib@$version downloads none of the command's own dependencies"

publish "$cli" cmd/declutter release_tidy
echo "published $cli@$version in $proxy"

# go install of the command, as a user runs it.
mkdir -p "$tmp/bin"
(cd "$tmp" && GOBIN="$tmp/bin" go install "$cli@$version" 2>&1 | grep -v '^go: downloading' || true)
[ -x "$tmp/bin/declutter" ] || fail "go install $cli@$version failed"
got=$("$tmp/bin/declutter" -version 2>&1)
[ "$got" = "declutter $version" ] || fail "declutter -version printed \"$got\", want \"declutter $version\""
echo "go install $cli@$version: $got"

text=$("$tmp/bin/declutter" testdata/pages/kyiv-independent-seed.html)
case $text in
*"grave security threat"*) ;;
*) fail "the installed command did not print the seed page's story" ;;
esac
case $text in
*"Become a member"*) fail "the installed command kept the seed page's membership appeal" ;;
esac
echo "the installed command extracts the seed page"
echo "install_test: ok"
