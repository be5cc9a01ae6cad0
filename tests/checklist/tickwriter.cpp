// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Child process of tst_tickdurability: ticks and unticks items of a fresh on-demand checklist as fast as the store
// accepts them, several items at once, and prints "ack <note>" on stdout for every write the store reports saved.
// The test kills it with SIGKILL at a random moment and then looks for every acknowledged note in the database.
#include "checklist/checkliststore.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QHash>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
constexpr int ItemCount = 12;

Workspace stressWorkspace()
{
    Workspace workspace;
    workspace.info.id = u"durability"_s;
    Checklist checklist;
    checklist.id = u"stress"_s;
    checklist.title = { u"Stress"_s, {} };
    checklist.schedule.kind = Schedule::Kind::OnDemand;
    for (int i = 1; i <= ItemCount; ++i) {
        ChecklistItem item;
        item.id = u"item-%1"_s.arg(i);
        item.text = { item.id, {} };
        checklist.items << item;
    }
    workspace.checklists << checklist;
    return workspace;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: tickwriter DATABASE RUN-ID\n");
        return 2;
    }
    const QString runId = QString::fromLocal8Bit(argv[2]);
    Storage storage;
    ChecklistStore store(&storage);
    store.setWorkspace(stressWorkspace());
    storage.open(QString::fromLocal8Bit(argv[1]));
    QObject::connect(&storage, &Storage::openFailed, &app, [](const QString &error) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(error));
        QCoreApplication::exit(3);
    });

    const QDateTime started = QDateTime::currentDateTimeUtc();
    const QString periodKey = u"stress@"_s + started.toString(Qt::ISODateWithMs);
    qint64 instanceId = 0;
    int sequence = 0;
    QHash<QString, QString> pendingNote; // item -> note of the write in flight
    QHash<QString, bool> ticked;

    const auto next = [&](const QString &itemId) {
        const QString note = u"%1-%2"_s.arg(runId).arg(++sequence);
        const bool ok
            = ticked.value(itemId) ? store.untick(instanceId, itemId, note) : store.tick(instanceId, itemId, note);
        if (ok) {
            pendingNote.insert(itemId, note);
        }
    };
    QObject::connect(&store, &ChecklistStore::instancesReset, &app, [&] {
        if (instanceId) {
            return;
        }
        for (const ChecklistInstance &instance : store.instances()) {
            if (instance.periodKey == periodKey) {
                instanceId = instance.id;
            }
        }
        if (instanceId) {
            for (int i = 1; i <= ItemCount; ++i) {
                next(u"item-%1"_s.arg(i));
            }
        }
    });
    QObject::connect(&store, &ChecklistStore::itemSaveStateChanged, &app, [&](qint64 id, const QString &itemId) {
        if (id != instanceId || !pendingNote.contains(itemId)) {
            return;
        }
        const ChecklistStore::SaveState state = store.saveState(id, itemId);
        if (state == ChecklistStore::SaveState::Saving) {
            return;
        }
        if (state != ChecklistStore::SaveState::Saved) {
            std::fprintf(stderr, "write failed: %s\n", qPrintable(store.saveError(id, itemId)));
            QCoreApplication::exit(4);
            return;
        }
        std::printf("ack %s\n", qPrintable(pendingNote.take(itemId)));
        std::fflush(stdout);
        ticked[itemId] = !ticked.value(itemId);
        next(itemId);
    });
    store.startOnDemand(u"stress"_s, started);
    return app.exec();
}
