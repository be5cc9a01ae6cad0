#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
# install_tree.sh BUILD_DIR SOURCE_DIR: stages `cmake --install --strip` in a temporary DESTDIR (as cpack does) and
# fails when any installed file contains the build or source directory's path, or when a file the package needs is
# missing.
set -euo pipefail
build=$(cd "$1" && pwd -P)
source=$(cd "$2" && pwd -P)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DESTDIR=$tmp/stage cmake --install "$build" --strip >"$tmp/install.log"
status=0
# Both encodings: Qt's u"..."_s and QStringLiteral store string literals as UTF-16, invisible to a plain grep.
utf16() { printf '%s' "$1" | od -An -tx1 -v | tr -s ' \n' ' ' | sed 's/ \([0-9a-f][0-9a-f]\)/\\x\1\\x00/g; s/ //g'; }
for path in "$build" "$source"; do
    if hits=$(grep -rlF -- "$path" "$tmp/stage"); then
        echo "FAIL: installed files contain $path:"
        sed "s|^$tmp/stage||" <<<"$hits"
        status=1
    fi
    if hits=$(grep -rlaP -- "$(utf16 "$path")" "$tmp/stage"); then
        echo "FAIL: installed files contain $path (UTF-16):"
        sed "s|^$tmp/stage||" <<<"$hits"
        status=1
    fi
done
prefix=$(find "$tmp/stage" -path '*/bin/opsdeck' -printf '%h\n' | head -n1)
[ -n "$prefix" ] || { echo "FAIL: no bin/opsdeck installed"; exit 1; }
prefix=${prefix%/bin}
for file in bin/opsdeck libexec/opsdeck/opsdeck-demo-service \
    share/applications/io.github.opsdeck.OpsDeck.desktop share/metainfo/io.github.opsdeck.OpsDeck.metainfo.xml \
    share/mime/packages/io.github.opsdeck.OpsDeck.xml share/icons/hicolor/scalable/apps/io.github.opsdeck.OpsDeck.svg \
    share/icons/hicolor/16x16/apps/io.github.opsdeck.OpsDeck.png \
    share/icons/hicolor/256x256/apps/io.github.opsdeck.OpsDeck.png share/man/man1/opsdeck.1.gz \
    share/bash-completion/completions/opsdeck share/zsh/vendor-completions/_opsdeck \
    share/doc/opsdeck/copyright share/doc/opsdeck/changelog.gz share/opsdeck/examples/meetpin.yaml \
    lib/systemd/system/opsdeck-agent@.service share/doc/opsdeck/agent.md; do
    [ -s "$prefix/$file" ] || { echo "FAIL: $file is not installed"; status=1; }
done
if [ -e "$prefix/bin/opsdeck-demo-service" ]; then
    echo "FAIL: the demo service is installed in bin/ (it belongs in libexec/opsdeck/)"
    status=1
fi
count=$(find "$tmp/stage" -type f | wc -l)
((status == 0)) && echo "install tree: $count files under ${prefix#"$tmp/stage"}, no build or source path in any"
exit $status
