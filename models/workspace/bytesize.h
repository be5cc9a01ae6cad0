// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// Byte sizes as written in workspace files: plain integers (bytes), or a number with B, KB, MB, GB (powers of
// 1000) or KiB, MiB, GiB (powers of 1024), e.g. 512KiB, 1MiB.
class ByteSize final
{
public:
    static std::optional<qint64> parse(QStringView text, QString *error = nullptr);
};
