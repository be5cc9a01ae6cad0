// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// An incident whose every text is hostile (line breaks, pipes, backslashes, lone surrogates, %1) exported as the
// post-mortem Markdown; the one-line fields must keep the document's shape (see markdownshape.h).
#include "fuzzinput.h"
#include "incident/incidentexport.h"
#include "markdownshape.h"

#include <QTimeZone>

namespace {

using MarkdownShape::benign;

Incident read(FuzzInput &in)
{
    Incident i;
    i.title = in.string();
    i.severity = in.string();
    i.status = IncidentStatus(in.number(4));
    i.commander = in.string();
    for (int n = in.number(3); n > 0; --n) {
        i.responders << in.string();
    }
    i.category = in.string();
    i.scope = in.string();
    i.affectedUsers = qint64(in.byte()) * 1000 - 1;
    for (int n = in.number(3); n > 0; --n) {
        i.services << in.string();
    }
    i.revenue = in.string();
    i.startedAt = in.dateTime();
    i.detectedAt = in.dateTime();
    i.resolvedAt = in.dateTime();
    i.postMortem = { in.string(), in.string(), in.string(), in.string(), in.string(), in.string(), in.string() };
    for (int n = in.number(6); n > 0; --n) {
        TimelineEntry e;
        e.id = n;
        e.kind = TimelineKind(in.number(int(TimelineKind::AutoIncident)));
        e.author = in.string();
        e.occurredAt = in.dateTime();
        e.recordedAt = e.occurredAt;
        e.text = in.string();
        e.subject = in.string();
        e.from = in.string();
        e.to = in.string();
        e.correctsId = in.number(7);
        i.timeline << e;
    }
    for (int n = in.number(4); n > 0; --n) {
        ActionItem a;
        a.action = in.string();
        a.owner = in.string();
        a.due = QDate::fromJulianDay(in.byte() * 10000);
        a.status = ActionStatus(in.number(2));
        i.actionItems << a;
    }
    return i;
}

// The same incident with the one-line texts made harmless; the multi-line post-mortem texts are the author's own
// Markdown and stay as they are.
Incident tamed(Incident i)
{
    for (QString *s : { &i.title, &i.severity, &i.commander, &i.category, &i.scope, &i.revenue }) {
        *s = benign(*s);
    }
    for (QString &s : i.responders) {
        s = benign(s);
    }
    for (QString &s : i.services) {
        s = benign(s);
    }
    for (TimelineEntry &e : i.timeline) {
        for (QString *s : { &e.author, &e.text, &e.subject, &e.from, &e.to }) {
            *s = benign(*s);
        }
    }
    for (ActionItem &a : i.actionItems) {
        a.action = benign(a.action);
        a.owner = benign(a.owner);
    }
    return i;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    const Incident incident = read(in);
    const QLocale locale(in.byte() & 1 ? QLocale::Korean : QLocale::English);
    const QTimeZone zone = in.byte() & 1 ? QTimeZone("Asia/Seoul") : QTimeZone::utc();
    const QString hostile = IncidentExport::markdown(incident, locale, zone);
    const QString harmless = IncidentExport::markdown(tamed(incident), locale, zone);
    if (!MarkdownShape::sameShape(hostile, harmless)) {
        __builtin_trap();
    }
    (void)IncidentExport::duration(incident.anchor().msecsTo(incident.resolvedAt));
    return 0;
}
