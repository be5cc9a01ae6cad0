// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// Faults injected over /admin/faults. They apply to every route except /admin/* (and errorRate spares /metrics).
struct Faults
{
    int latencyMs = 0; // added before answering
    std::optional<double> errorRate; // 0..1, overrides the deployment's error rate
    bool down = false; // every route answers 503
    int slowBodyMs = 0; // the body is trickled over this many milliseconds
    qint64 hugeBodyBytes = 0; // /health is padded to at least this many bytes

    static constexpr int maxDelayMs = 120000;
    static constexpr qint64 maxHugeBodyBytes = 256LL * 1024 * 1024;

    QJsonObject toJson() const;

    // Applies the fields present in `patch` (a partial update). On error returns a message naming the bad field and
    // leaves `*faults` untouched.
    static QString apply(const QJsonObject &patch, Faults *faults);
};
