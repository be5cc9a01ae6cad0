// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// One problem found in a workspace file, with the 1-based position and key path it is about.
struct Diagnostic
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString file; // as the user gave it
    int line = 0; // 1-based; 0 = the file as a whole
    int column = 0; // 1-based
    QString path; // key path, e.g. endpoints[2].interval; empty = the document
    QString message; // translated

    bool isError() const { return severity == Severity::Error; }
    // "meetpin.yaml:14:7: endpoints[2].interval: expected a duration like 30s, got "soon""
    // "meetpin.yaml:3:5: warning: endpoints[0].alerts: ..."
    QString toString() const;

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

// The errors of `diagnostics`, in order.
QList<Diagnostic> errorsOf(const QList<Diagnostic> &diagnostics);
