// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// Text helpers around the highlighter: what to feed it and how to make its output safe for QTextDocument.
namespace HighlightHtml {

// The tool's HTML page reduced to one <pre> holding only <span style="..."> and text: no <html>, <head>, <body>,
// <meta>, or any other tag. `html` is the tool's output; entities stay escaped.
QString sanitize(const QString &html);

// `text` escaped into a <pre> block, for showing a body unhighlighted in the same view.
QString plain(const QString &text);

// `body` indented when it is a JSON object or array (QJsonDocument::Indented; keys come out sorted), else the body
// as UTF-8 unchanged. `ok` tells which.
QString prettyJson(const QByteArray &body, bool *ok = nullptr);

// The highlighter syntax for a Content-Type ("application/json; charset=utf-8" -> "JSON"), empty when none fits.
QString syntaxForContentType(const QString &contentType);

} // namespace HighlightHtml
