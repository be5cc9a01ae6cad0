// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// YAML bytes through the loader the window's watcher and `opsdeck validate` use, diagnostics formatted as printed.
#include "workspace/workspaceloader.h"

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray yaml(reinterpret_cast<const char *>(data), qsizetype(size));
    const LoadResult result = WorkspaceLoader::loadData(yaml, u"fuzz.yaml"_s);
    for (const Diagnostic &d : result.diagnostics) {
        (void)d.toString();
    }
    if (result.ok() && result.errors().size() != 0) {
        __builtin_trap(); // a workspace is only given when there are no errors
    }
    return 0;
}
