// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pgtestserver.h"
#include "storage/changefeed.h"
#include "storage/storage.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace TeamTest {

// Opens a Storage and waits; the error when it failed.
inline QString open(Storage &storage, const QString &url)
{
    QSignalSpy opened(&storage, &Storage::opened);
    QSignalSpy failed(&storage, &Storage::openFailed);
    storage.open(url);
    if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 30000)) {
        return u"timed out opening %1"_s.arg(storage.path());
    }
    return failed.isEmpty() ? QString() : failed.constFirst().at(0).toString();
}

// Opens and waits until the change feed listens, so that nothing written afterwards is missed.
inline QString openOnline(Storage &storage, const QString &url)
{
    const QString error = open(storage, url);
    if (!error.isEmpty()) {
        return error;
    }
    return QTest::qWaitFor([&] { return storage.changeFeed()->listenerPid() != 0; }, 30000)
        ? QString()
        : u"the change feed never connected"_s;
}

} // namespace TeamTest
