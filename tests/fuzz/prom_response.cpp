// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A /api/v1/query or /api/v1/query_range answer, and the JsonCursor under it walked over the exact bytes (no
// terminating NUL, so a read past the end is caught); the cursor's fast decimals must round like from_chars.
#include "sources/jsoncursor.h"
#include "sources/promresponse.h"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = reinterpret_cast<const char *>(data);
    const PromResponse response = PromResponseParser::parse(QByteArray(text, qsizetype(size)), 200);
    (void)response.errorText();
    if (!response.ok() && response.error.isEmpty()) {
        __builtin_trap(); // a failure always says why
    }

    JsonCursor cursor(QByteArrayView(text, qsizetype(size)));
    try {
        cursor.skipValue();
        cursor.expectEnd();
    } catch (const JsonCursor::Error &e) {
        if (e.offset < 0 || e.offset > qsizetype(size) || e.message.isEmpty()) {
            __builtin_trap();
        }
    }

    double fast = 0;
    if (JsonCursor::simpleDecimal(text, text + size, &fast)) {
        double exact = 0;
        const auto [end, ec] = std::from_chars(text, text + size, exact);
        if (ec != std::errc() || end != text + size || fast != exact) {
            __builtin_trap();
        }
    }
    return 0;
}
