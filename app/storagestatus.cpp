// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagestatus.h"

#include "storage/storage.h"

#include <QCoreApplication>

#include <cstdio>

void bindStorageStatus(Storage *storage, MainWindow *window)
{
    QObject::connect(storage, &Storage::stateChanged, window, [window, storage](Storage::State state) {
        if (state == Storage::State::Opening) {
            window->setStorageState(MainWindow::StorageState::Opening, storage->path());
        }
    });
    QObject::connect(storage, &Storage::opened, window, [window, storage](int schemaVersion) {
        window->setStorageState(storage->isTeam() ? MainWindow::StorageState::Online : MainWindow::StorageState::Open,
            QCoreApplication::translate("AppController", "%1 (schema version %2)")
                .arg(storage->path())
                .arg(schemaVersion));
    });
    QObject::connect(storage, &Storage::openFailed, window, [window](const QString &error) {
        // The storage layer never recreates or overwrites a database it cannot open; the app goes on read-only.
        std::fprintf(stderr, "opsdeck: %s\n",
            qPrintable(QCoreApplication::translate("AppController", "cannot open the database: %1").arg(error)));
        window->setStorageState(MainWindow::StorageState::Failed, error);
    });
    QObject::connect(storage, &Storage::onlineChanged, window, [window, storage](bool online, const QString &reason) {
        if (storage->state() == Storage::State::Open) {
            window->setStorageState(online ? MainWindow::StorageState::Online : MainWindow::StorageState::Offline,
                online ? storage->path()
                       : QCoreApplication::translate("AppController", "%1: %2").arg(storage->path(), reason));
        }
    });
}
