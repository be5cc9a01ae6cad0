// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QStringView>

// Strings that may hold ${NAME} references (url, headers, body, argv). The references stay in the text as
// written; they are resolved only when a request is sent. NAME is a letter or _ followed by letters, digits, _.
class TemplateText final
{
public:
    // Empty if every "${" starts a well-formed reference, else a message naming the first malformed one.
    static QString check(QStringView text);
    // The names referenced, in order of first use.
    static QStringList names(QStringView text);
    // `text` with every resolved value replaced by its reference: secrets are (resolved value, ${NAME}) pairs.
    static QString redact(QString text, const QList<QPair<QString, QString>> &secrets);
};
