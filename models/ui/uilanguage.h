// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The UI language as the workspace's texts name it ("ko" or "en"): Korean when the default QLocale is Korean
// (LanguageManager sets it on a switch; the terminal commands inherit the system's), else English.
QString uiLanguage();
// The same for the system locale, before any choice was made.
QString systemUiLanguage();
