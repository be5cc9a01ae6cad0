// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshotter.h"

#include "mainwindow.h"
#include "pages/page.h"
#include "ui/languagemanager.h"

#include <QDir>
#include <QPixmap>
#include <QTimer>

using namespace Qt::StringLiterals;

Screenshotter::Screenshotter(MainWindow *window, LanguageManager *languages, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_languages(languages)
    , m_directory(directory)
{ }

void Screenshotter::start()
{
    if (!QDir().mkpath(m_directory)) {
        Q_EMIT finished(tr("cannot create the directory %1").arg(m_directory));
        return;
    }
    if (m_warRoom) {
        m_warRoom->showNormal();
        m_warRoom->resize(1920, 1080);
        QTimer::singleShot(0, this, &Screenshotter::grabWarRoom);
        return;
    }
    m_originalLanguage = m_languages->language();
    m_originalPage = m_window->currentPage();
    m_languageIndex = 0;
    m_pageIndex = -1;
    m_saved.clear();
    QTimer::singleShot(0, this, &Screenshotter::step);
}

void Screenshotter::step()
{
    if (m_languageIndex >= m_targetLanguages.size()) {
        m_languages->setLanguage(m_originalLanguage);
        m_window->setCurrentPage(m_originalPage);
        Q_EMIT finished(QString());
        return;
    }
    const QString language = m_targetLanguages[m_languageIndex];
    if (m_pageIndex < 0) {
        if (!m_languages->setLanguage(language)) {
            Q_EMIT finished(tr("language %1 is not available").arg(language));
            return;
        }
        m_pageIndex = 0;
        m_window->setCurrentPage(0);
    } else {
        const QString file
            = QDir(m_directory).filePath(m_window->page(m_pageIndex)->id() + QLatin1Char('-') + language + u".png"_s);
        if (!m_window->grab().save(file)) {
            Q_EMIT finished(tr("cannot write %1").arg(file));
            return;
        }
        m_saved << file;
        if (++m_pageIndex >= MainWindow::PageCount) {
            m_pageIndex = -1;
            ++m_languageIndex;
        } else {
            m_window->setCurrentPage(m_pageIndex);
        }
    }
    // Let the language change and the page switch lay out before the next grab.
    QTimer::singleShot(50, this, &Screenshotter::step);
}

void Screenshotter::grabWarRoom()
{
    const QString file = QDir(m_directory).filePath(u"warroom-%1.png"_s.arg(m_languages->language()));
    if (!m_warRoom || !m_warRoom->grab().save(file)) {
        Q_EMIT finished(tr("cannot write %1").arg(file));
        return;
    }
    m_saved << file;
    Q_EMIT finished(QString());
}
