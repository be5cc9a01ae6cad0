// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/languagemanager.h"

#include "ui/uilanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>

using namespace Qt::StringLiterals;

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{ }

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QStringList LanguageManager::availableLanguages()
{
    static const QRegularExpression pattern(u"^opsdeck_([a-z]{2,3}(?:_[A-Z]{2})?)\\.qm$"_s);
    QStringList languages;
    const QStringList files = QDir(u":/i18n"_s).entryList({ u"opsdeck_*.qm"_s }, QDir::Files);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (match.hasMatch()) {
            languages << match.captured(1);
        }
    }
    languages.sort();
    return languages;
}

QString LanguageManager::systemLanguage()
{
    return systemUiLanguage();
}

QString LanguageManager::uiLanguage()
{
    return ::uiLanguage();
}

QString LanguageManager::nativeName(const QString &language)
{
    const QLocale locale(language);
    if (locale.language() == QLocale::C) {
        return language;
    }
    QString name = locale.nativeLanguageName();
    if (locale.language() == QLocale::English) {
        name = u"English"_s; // not "American English"
    }
    return name.isEmpty() ? language : name;
}

bool LanguageManager::setLanguage(const QString &language)
{
    if (!availableLanguages().contains(language)) {
        return false;
    }
    if (language == m_language) {
        return true;
    }
    removeTranslators();

    auto *app = new QTranslator(this);
    if (!app->load(u"opsdeck_"_s + language, u":/i18n"_s)) {
        delete app;
        return false;
    }
    // Qt ships no qtbase_en: English is its source language.
    auto *qt = new QTranslator(this);
    m_qtLoaded = qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_qtLoaded) {
        QCoreApplication::installTranslator(qt);
        m_qt = qt;
    } else {
        delete qt;
    }
    QCoreApplication::installTranslator(app);
    m_app = app;

    m_language = language;
    // Dates and numbers formatted with QLocale() follow the UI language.
    const QLocale system = QLocale::system();
    const QLocale wanted(language);
    QLocale::setDefault(wanted.language() == system.language() ? system : wanted);
    Q_EMIT languageChanged(language);
    return true;
}

void LanguageManager::removeTranslators()
{
    for (QTranslator **t : { &m_qt, &m_app }) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    m_qtLoaded = false;
}
