// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/uilanguage.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
QString languageOf(const QLocale &locale)
{
    return locale.language() == QLocale::Korean ? u"ko"_s : u"en"_s;
}
} // namespace

QString uiLanguage()
{
    return languageOf(QLocale());
}

QString systemUiLanguage()
{
    return languageOf(QLocale::system());
}
