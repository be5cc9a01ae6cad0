// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

using namespace Qt::StringLiterals;

class LanguageManager;
class MainWindow;

// For tools/screenshots.sh: grabs every page of `window` in each language to <dir>/<page>-<lang>.png, one step
// per event-loop turn so layouts settle between switches, then restores the language and emits finished().
class Screenshotter final : public QObject
{
    Q_OBJECT
public:
    Screenshotter(MainWindow *window, LanguageManager *languages, const QString &directory, QObject *parent = nullptr);

    void setLanguages(const QStringList &languages) { m_targetLanguages = languages; }
    // Instead of the pages: one picture of the war-room display in the current language, at 1080p.
    void setWarRoom(QWidget *warRoom) { m_warRoom = warRoom; }
    void start();
    QStringList savedFiles() const { return m_saved; }

Q_SIGNALS:
    // `error` is empty on success.
    void finished(const QString &error);

private:
    void step();
    void grabWarRoom();

    MainWindow *m_window;
    QPointer<QWidget> m_warRoom;
    LanguageManager *m_languages;
    QString m_directory;
    QStringList m_targetLanguages { u"en"_s, u"ko"_s };
    QString m_originalLanguage;
    int m_originalPage = 0;
    int m_languageIndex = 0;
    int m_pageIndex = -1; // -1: switch language first
    QStringList m_saved;
};
