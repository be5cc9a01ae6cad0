// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QTranslator;

// Installs Qt's own translation (qtbase_<lang>) and OpsDeck's (:/i18n/opsdeck_<lang>.qm) and switches them at run
// time; every widget then receives QEvent::LanguageChange. Needs only QtCore, so command-line subcommands use it too.
class LanguageManager final : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // Language codes with an embedded opsdeck_<code>.qm, sorted ("en", "ko").
    static QStringList availableLanguages();
    // "ko" when the system locale is Korean, else "en".
    static QString systemLanguage();
    // The language's own name for menus ("English", "한국어"); not translated on purpose.
    static QString nativeName(const QString &language);
    // The language in effect for workspace texts ({en, ko}): "ko" when the default QLocale is Korean, else "en".
    static QString uiLanguage();

    // Switches to `language`; false (and nothing changes) when it is not available.
    bool setLanguage(const QString &language);
    QString language() const { return m_language; }
    bool isQtTranslationLoaded() const { return m_qtLoaded; }

Q_SIGNALS:
    void languageChanged(const QString &language);

private:
    void removeTranslators();

    QString m_language;
    QTranslator *m_qt = nullptr;
    QTranslator *m_app = nullptr;
    bool m_qtLoaded = false;
};
