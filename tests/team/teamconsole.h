// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checklisttesthelpers.h"
#include "incidenttesthelpers.h"
#include "teamtesthelpers.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace TeamTest {

// One console of the team: its own Storage on the shared database, with the checklist and incident stores on it.
struct Console
{
    std::unique_ptr<Storage> storage;
    std::unique_ptr<ChecklistStore> checklists;
    std::unique_ptr<IncidentStore> incidents;

    // Opens the stores with a daily "morning" checklist of two items; the error when that failed.
    QString open(const QString &url, const QDateTime &now)
    {
        storage = std::make_unique<Storage>();
        if (const QString error = openOnline(*storage, url); !error.isEmpty()) {
            return error;
        }
        checklists = std::make_unique<ChecklistStore>(storage.get());
        checklists->setTimeZone(QTimeZone("Asia/Seoul"));
        checklists->setLookbackDays(1);
        checklists->setWorkspace(ChecklistTest::workspace(
            { ChecklistTest::checklist(u"morning"_s, u"daily 09:00"_s, { u"Health"_s, u"Logs"_s }) }));
        if (!ChecklistTest::refreshAndWait(*checklists, now)) {
            return u"the checklists never loaded"_s;
        }
        incidents = std::make_unique<IncidentStore>(storage.get());
        Workspace w = IncidentTest::workspace();
        w.info.id = u"test-ws"_s;
        incidents->setWorkspace(w);
        return IncidentTest::refreshAndWait(*incidents) ? QString() : u"the incidents never loaded"_s;
    }

    void close()
    {
        incidents.reset();
        checklists.reset();
        storage.reset();
    }

    // The id of the 2026-11-23 instance of the morning checklist (0 when there is none).
    qint64 morningId() const
    {
        for (const ChecklistInstance &i : checklists->instances()) {
            if (i.periodKey == QLatin1String("morning@2026-11-23")) {
                return i.id;
            }
        }
        return 0;
    }
};

} // namespace TeamTest
