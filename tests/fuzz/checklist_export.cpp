// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A checklist instance whose texts are hostile exported as Markdown, alone and as a range; every text is one line
// in the document, so none may change its shape (see markdownshape.h).
#include "checklist/checklistexport.h"
#include "fuzzinput.h"
#include "markdownshape.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

using MarkdownShape::benign;

ChecklistInstance read(FuzzInput &in)
{
    ChecklistInstance i;
    i.checklistId = in.string();
    i.periodKey = in.string();
    i.title = { in.string(), in.string() };
    QStringList ids;
    for (int n = in.number(4); n > 0; --n) {
        ChecklistItem item;
        item.id = in.string();
        item.text = { in.string(), in.string() };
        ids << item.id;
        i.items << item;
    }
    const QDateTime start = in.dateTime();
    i.period = { i.periodKey, start.date(), start, in.dateTime(), in.dateTime() };
    i.onDemand = in.byte() & 1;
    for (int n = in.number(6); n > 0; --n) {
        ChecklistTick t;
        const int item = in.number(int(ids.size()));
        t.itemId = item < ids.size() ? ids.at(item) : in.string();
        t.action = TickAction(in.number(2));
        t.actor = in.string();
        t.at = in.dateTime();
        t.note = in.string();
        t.skipReason = in.string();
        t.conflict = in.byte() & 1;
        if (in.byte() & 1) {
            t.evidence = { in.string(), bool(in.byte() & 1), bool(in.byte() & 1), in.string(), in.string(), in.string(),
                in.dateTime() };
        }
        i.history << t;
    }
    i.signedBy = in.string();
    i.signedAt = in.dateTime();
    i.signComment = in.string();
    return i;
}

ChecklistInstance tamed(ChecklistInstance i)
{
    for (QString *s : { &i.checklistId, &i.periodKey, &i.title.en, &i.title.ko, &i.signedBy, &i.signComment }) {
        *s = benign(*s);
    }
    i.period.key = benign(i.period.key);
    for (ChecklistItem &item : i.items) {
        for (QString *s : { &item.id, &item.text.en, &item.text.ko }) {
            *s = benign(*s);
        }
    }
    for (ChecklistTick &t : i.history) {
        for (QString *s : { &t.itemId, &t.actor, &t.note, &t.skipReason, &t.evidence.target, &t.evidence.state,
                 &t.evidence.expected, &t.evidence.value }) {
            *s = benign(*s);
        }
    }
    return i;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    const ChecklistInstance instance = read(in);
    const QString language = in.byte() & 1 ? u"ko"_s : u"en"_s;
    const QLocale locale(in.byte() & 1 ? QLocale::Korean : QLocale::English);
    const QTimeZone zone = in.byte() & 1 ? QTimeZone("Asia/Seoul") : QTimeZone::utc();
    const ChecklistInstance harmless = tamed(instance);
    if (!MarkdownShape::sameShape(ChecklistExport::markdown(instance, language, locale, zone),
            ChecklistExport::markdown(harmless, language, locale, zone))) {
        __builtin_trap();
    }
    const QDate day = instance.period.date;
    const QString range = ChecklistExport::markdownRange({ instance, instance }, day, day, language, locale, zone);
    if (!MarkdownShape::sameShape(
            range, ChecklistExport::markdownRange({ harmless, harmless }, day, day, language, locale, zone))) {
        __builtin_trap();
    }
    return 0;
}
