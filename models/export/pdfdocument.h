// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// Renders a Markdown record (checklist, post-mortem) to an A4 PDF with selectable text; Korean uses the system's
// CJK font through fallback. Needs a QGuiApplication (fonts), not Widgets.
namespace PdfDocument {
QByteArray fromMarkdown(const QString &markdown, const QString &title);
}
