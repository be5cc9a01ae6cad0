// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

// A number at a path (`performance.errorRate`, `.items[0].ms`) in a JSON body, e.g. an endpoint's last response.
class JsonField final
{
    Q_DECLARE_TR_FUNCTIONS(JsonField)

public:
    struct Figure
    {
        std::optional<double> value;
        QString error;
    };
    static Figure extract(const QByteArray &body, const QString &path);
};
