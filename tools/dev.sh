#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a fresh Debian 12 machine (root, apt reachable), idempotent:
#   tools/dev.sh demo   install what is missing, build, start OpsDeck on the demo workspace
#   tools/dev.sh test   install what is missing, check formatting, build with -Werror under AddressSanitizer and
#                       UBSan (the asan preset, in build/asan), run every test offscreen: any sanitizer report
#                       (LeakSanitizer included; suppressions in tools/sanitizers/lsan.supp) fails its test
#   tools/dev.sh deps   only install the packages
#   tools/dev.sh bench  also install wrk, build the release preset, run the benchmarks (prints their figures;
#                       extra arguments go to bench-probe)
#   tools/dev.sh package        build the package preset (release, only the installed targets, in build/package)
#                               and `cpack -G DEB`: build/package/opsdeck_<version>_<arch>.deb
#   tools/dev.sh package-check  package, then install it with apt-get and check it from the installed files
#                               (tools/check-installed.sh), the packaging tests and lintian (no errors allowed)
set -euo pipefail
cd "$(dirname "$0")/.."
# Precompiled headers through ccache, when a developer's build uses it (cmake/OpsDeckPch.cmake).
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros}

PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-charts-dev libqt6sql6-sqlite libqt6sql6-psql
    qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n
    qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev
    libqt6opengl6-dev libgl-dev libegl-dev libglx-dev libopengl-dev libvulkan-dev
    libyaml-cpp-dev libsqlite3-dev libcurl4-openssl-dev libssl-dev libc-ares-dev libkf5syntaxhighlighting-tools fonts-noto-cjk clang-format
    xvfb xauth openssl nghttp2-server python3-aiosmtpd python3-jsonschema zlib1g-dev poppler-utils prometheus prometheus-alertmanager postgresql
    qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus-daemon
)

deps() {
    local missing=()
    for p in "${PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "== installing: ${missing[*]}"
        local sudo=()
        [ "$(id -u)" -eq 0 ] || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

build() {
    local preset=$1
    [ -f "build/$preset/build.ninja" ] || cmake --preset "$preset"
    cmake --build --preset "$preset"
}

# Tools only the package steps need: dpkg-shlibdeps (dpkg-dev) for cpack's dependencies, the checkers.
PACKAGE_TOOLS=(dpkg-dev file lintian desktop-file-utils appstream shared-mime-info)

package() {
    deps "${PACKAGE_TOOLS[@]}"
    local start=$SECONDS
    [ -f build/package/build.ninja ] || cmake --preset package
    # The package preset has no tests or benchmarks: `all` is what gets installed, plus the icon renderer.
    cmake --build --preset package
    rm -f build/package/opsdeck_*.deb
    (cd build/package && cpack -G DEB)
    DEB=$(ls build/package/opsdeck_*.deb)
    echo "== $DEB ($(du -h "$DEB" | cut -f1)) in $((SECONDS - start)) s"
}

package_check() {
    local start=$SECONDS
    package
    echo "== packaging tests (man page vs --help, bash completion, no build path in the staged tree)"
    QT_QPA_PLATFORM=offscreen ctest --test-dir build/package -L packaging --output-on-failure
    echo "== lintian $DEB"
    lintian --fail-on error "$DEB"
    echo "== apt-get install ./$DEB"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --reinstall "./$DEB"
    tools/check-installed.sh
    echo "== package-check passed in $((SECONDS - start)) s"
}

format_check() {
    local files
    mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app widgets models tools bench tests -name '*.cpp' -o -name '*.h')
    ((${#files[@]})) || return 0
    if ! clang-format --dry-run --Werror "${files[@]}"; then
        echo "== clang-format: the files above are not formatted (run: clang-format -i \$(git ls-files '*.cpp' '*.h'))" >&2
        return 1
    fi
}

case "${1:-}" in
deps) deps ;;
demo)
    deps
    build release
    exec build/release/app/opsdeck --demo "${@:2}"
    ;;
test)
    deps
    format_check
    # One build, sanitized: every test runs under ASan + UBSan rather than a second, plain pass (CI time).
    started=$SECONDS
    build asan
    echo "== build (asan preset) took $((SECONDS - started)) s"
    started=$SECONDS
    status=0
    QT_QPA_PLATFORM=offscreen ctest --preset asan -j2 --timeout 300 "${@:2}" || status=$?
    echo "== ctest (sanitized) took $((SECONDS - started)) s"
    exit $status
    ;;
bench)
    deps wrk
    build release
    if [ -z "${QT_QPA_PLATFORM:-}${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        # No display (a build machine, ssh): measure offscreen rather than fail to find a platform plugin.
        export QT_QPA_PLATFORM=offscreen
        echo "== no DISPLAY or WAYLAND_DISPLAY: benchmarks run with QT_QPA_PLATFORM=offscreen"
    fi
    # A failing benchmark does not hide the figures of the next; the exit status still says so.
    status=0
    build/release/bench/startup/bench-startup || status=1
    build/release/bench/probe/bench-probe "${@:2}" || status=1
    build/release/bench/window/bench-window || status=1
    exit $status
    ;;
package) package ;;
package-check) package_check ;;
*)
    echo "usage: $0 demo|test|deps|bench|package|package-check" >&2
    exit 2
    ;;
esac
