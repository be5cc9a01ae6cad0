// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/bytesize.h"

#include <QCoreApplication>

namespace {

qint64 unitBytes(QStringView unit)
{
    static constexpr struct
    {
        const char16_t *name;
        qint64 bytes;
    } units[] = { { u"", 1 }, { u"B", 1 }, { u"KB", 1000 }, { u"MB", 1000 * 1000 }, { u"GB", 1000 * 1000 * 1000 },
        { u"KiB", 1024 }, { u"MiB", 1024 * 1024 }, { u"GiB", 1024 * 1024 * 1024 } };
    for (const auto &u : units) {
        if (unit == QStringView(u.name)) {
            return u.bytes;
        }
    }
    return 0;
}

} // namespace

std::optional<qint64> ByteSize::parse(QStringView text, QString *error)
{
    const QStringView s = text.trimmed();
    qsizetype digits = 0;
    while (digits < s.size() && s[digits].isDigit() && s[digits].unicode() < 128) {
        ++digits;
    }
    const qint64 unit = unitBytes(s.sliced(digits).trimmed());
    // 15 digits times at most 2^30 stays far inside qint64.
    if (digits == 0 || digits > 15 || unit == 0) {
        if (error) {
            *error = QCoreApplication::translate("WorkspaceLoader", "expected a size like 512KiB or 1MiB, got \"%1\"")
                         .arg(text.toString());
        }
        return std::nullopt;
    }
    return s.first(digits).toLongLong() * unit;
}
