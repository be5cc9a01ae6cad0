// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/diagnostic.h"

#include <QCoreApplication>

QString Diagnostic::toString() const
{
    QString out = file;
    if (line > 0) {
        out += u':' + QString::number(line);
        if (column > 0) {
            out += u':' + QString::number(column);
        }
    }
    out += QLatin1String(": ");
    if (severity == Severity::Warning) {
        out += QCoreApplication::translate("WorkspaceLoader", "warning: ");
    }
    if (!path.isEmpty()) {
        out += path + QLatin1String(": ");
    }
    return out + message;
}

QList<Diagnostic> errorsOf(const QList<Diagnostic> &diagnostics)
{
    QList<Diagnostic> errors;
    for (const Diagnostic &d : diagnostics) {
        if (d.isError()) {
            errors.append(d);
        }
    }
    return errors;
}
