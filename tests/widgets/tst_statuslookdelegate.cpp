// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistinstancemodel.h"
#include "checklist/checklistitemmodel.h"
#include "checklist/schedulecalculator.h"
#include "incident/incidentlistmodel.h"
#include "incident/timelinemodel.h"
#include "statuslookdelegate.h"
#include "thememanager.h"

#include <QApplication>
#include <QImage>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using Tone = StatusPalette::Tone;

namespace {
// One row of `columns` cells whose data for `role` is `value` (all cells, as a model's row roles are).
std::unique_ptr<QStandardItemModel> row(int columns, int role, const QVariant &value)
{
    auto model = std::make_unique<QStandardItemModel>(1, columns);
    for (int c = 0; c < columns; ++c) {
        auto *item = new QStandardItem(u"MMMMMMMM"_s);
        item->setData(value, role);
        model->setItem(0, c, item);
    }
    return model;
}

int pixelsOf(const QImage &image, const QColor &color)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            n += image.pixelColor(x, y).rgb() == color.rgb() ? 1 : 0;
        }
    }
    return n;
}
} // namespace

class TestStatusLookDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checklistItems();
    void checklistInstances_data();
    void checklistInstances();
    void timelineEntries();
    void incidents_data();
    void incidents();
    void drawsInThePaletteColour_data();
    void drawsInThePaletteColour();
};

void TestStatusLookDelegate::checklistItems()
{
    auto model = row(ChecklistItemModel::ColumnCount, ChecklistItemModel::OverdueRole, true);
    const StatusLook item = StatusLookDelegate::checklistItem(model->index(0, ChecklistItemModel::ItemColumn));
    QCOMPARE(item.tone, Tone::Bad);
    QVERIFY(item.bold);
    const StatusLook note = StatusLookDelegate::checklistItem(model->index(0, ChecklistItemModel::NoteColumn));
    QCOMPARE(note.tone, Tone::Bad);
    QVERIFY(!note.bold);
    model->item(0, 0)->setData(false, ChecklistItemModel::OverdueRole);
    QCOMPARE(StatusLookDelegate::checklistItem(model->index(0, 0)).tone, Tone::Normal);
}

void TestStatusLookDelegate::checklistInstances_data()
{
    QTest::addColumn<PeriodStatus>("status");
    QTest::addColumn<Tone>("tone");
    QTest::addRow("open") << PeriodStatus::Open << Tone::Normal;
    QTest::addRow("overdue") << PeriodStatus::Overdue << Tone::Bad;
    QTest::addRow("missed") << PeriodStatus::Missed << Tone::Bad;
    QTest::addRow("signed") << PeriodStatus::Signed << Tone::Normal;
}

void TestStatusLookDelegate::checklistInstances()
{
    QFETCH(PeriodStatus, status);
    QFETCH(Tone, tone);
    auto model = row(ChecklistInstanceModel::ColumnCount, ChecklistInstanceModel::StatusRole, int(status));
    QCOMPARE(StatusLookDelegate::checklistInstance(model->index(0, ChecklistInstanceModel::StatusColumn)).tone, tone);
    QCOMPARE(
        StatusLookDelegate::checklistInstance(model->index(0, ChecklistInstanceModel::TitleColumn)).tone, Tone::Normal);
}

void TestStatusLookDelegate::timelineEntries()
{
    auto model = row(TimelineModel::ColumnCount, TimelineModel::SupersededRole, true);
    const StatusLook look = StatusLookDelegate::timelineEntry(model->index(0, TimelineModel::EntryColumn));
    QCOMPARE(look.tone, Tone::Muted);
    QVERIFY(look.struckOut);
    model->item(0, TimelineModel::EntryColumn)->setData(false, TimelineModel::SupersededRole);
    QVERIFY(!StatusLookDelegate::timelineEntry(model->index(0, TimelineModel::EntryColumn)).struckOut);
}

void TestStatusLookDelegate::incidents_data()
{
    QTest::addColumn<QVariant>("sla");
    QTest::addColumn<Tone>("tone");
    QTest::addColumn<bool>("bold");
    QTest::addRow("no clock") << QVariant() << Tone::Normal << false;
    QTest::addRow("no target") << QVariant(int(SlaFigure::State::None)) << Tone::Normal << false;
    QTest::addRow("ok") << QVariant(int(SlaFigure::State::Ok)) << Tone::Good << false;
    QTest::addRow("near") << QVariant(int(SlaFigure::State::Near)) << Tone::Caution << false;
    QTest::addRow("breached") << QVariant(int(SlaFigure::State::Breached)) << Tone::Bad << true;
}

void TestStatusLookDelegate::incidents()
{
    QFETCH(QVariant, sla);
    QFETCH(Tone, tone);
    QFETCH(bool, bold);
    auto model = row(IncidentListModel::ColumnCount, IncidentListModel::OpenRole, true);
    model->item(0, IncidentListModel::AckColumn)->setData(sla, IncidentListModel::SlaStateRole);
    const StatusLook ack = StatusLookDelegate::incident(model->index(0, IncidentListModel::AckColumn));
    QCOMPARE(ack.tone, tone);
    QCOMPARE(ack.bold, bold);
    QVERIFY(StatusLookDelegate::incident(model->index(0, IncidentListModel::TitleColumn)).bold); // open
    model->item(0, IncidentListModel::TitleColumn)->setData(false, IncidentListModel::OpenRole);
    QVERIFY(!StatusLookDelegate::incident(model->index(0, IncidentListModel::TitleColumn)).bold);
}

void TestStatusLookDelegate::drawsInThePaletteColour_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addRow("light") << false;
    QTest::addRow("dark") << true;
}

void TestStatusLookDelegate::drawsInThePaletteColour()
{
    QFETCH(bool, dark);
    const QPalette palette = dark ? ThemeManager::darkPalette() : ThemeManager::lightPalette();
    const QPalette other = dark ? ThemeManager::lightPalette() : ThemeManager::darkPalette();
    auto model = row(1, ChecklistItemModel::OverdueRole, true);
    QTreeView view;
    view.setPalette(palette);
    QFont font = view.font();
    font.setPixelSize(32);
    view.setFont(font);
    view.setModel(model.get());
    view.setItemDelegate(new StatusLookDelegate(&StatusLookDelegate::checklistItem, &view));
    view.resize(400, 120);
    const QImage image = view.grab().toImage();
    // The overdue text is drawn in this palette's colour for "bad", never in the other theme's.
    QVERIFY(pixelsOf(image, StatusPalette::color(Tone::Bad, palette)) > 20);
    QCOMPARE(pixelsOf(image, StatusPalette::color(Tone::Bad, other)), 0);
}

QTEST_MAIN(TestStatusLookDelegate)
#include "tst_statuslookdelegate.moc"
