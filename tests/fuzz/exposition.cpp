// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A /metrics body in the Prometheus text exposition format.
#include "sources/exposition.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    const Exposition parsed = ExpositionParser::parse(text);
    if (parsed.errors.size() > ExpositionParser::maxErrors + 1) {
        __builtin_trap(); // the error list is capped
    }
    (void)ExpositionParser::parseValue(text);
    return 0;
}
