// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPalette>

// Applies the system look, or OpsDeck's light or dark palette on the Fusion style.
class ThemeManager final : public QObject
{
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    // Remembers the style and palette the application started with, to go back to them for Theme::System.
    explicit ThemeManager(QObject *parent = nullptr);

    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }
    // Whether the palette in effect is dark (also for Theme::System, judged from the system palette).
    bool isDark() const;

    static QString toString(Theme theme); // "system", "light", "dark"
    static Theme fromString(const QString &name, bool *ok = nullptr); // System when unknown
    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void themeChanged(ThemeManager::Theme theme);

private:
    Theme m_theme = Theme::System;
    QString m_systemStyle;
    QPalette m_systemPalette;
};
