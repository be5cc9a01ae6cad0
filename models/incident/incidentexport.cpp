// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentexport.h"

#include "incident/incidenttimeline.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("IncidentExport", text);
}

// Markdown-safe on one line: line breaks (\n, and \r, which Markdown also ends a line at) and table pipes would break
// the layout; backslashes are escaped so that one typed before a pipe cannot cancel the pipe's escape.
QString inline_(const QString &text)
{
    QString out = text;
    out.replace(u'\n', u' ');
    out.replace(u'\r', u' ');
    out.replace(u"\\"_s, u"\\\\"_s);
    out.replace(u"|"_s, u"\\|"_s);
    return out.trimmed();
}

QStringList points(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty()) {
            out.append(line.trimmed());
        }
    }
    return out;
}

QString notRecorded()
{
    return tr("(not recorded)");
}

// `style`: '1' numbered, '[' check boxes, '-' bullets.
QString list(const QString &text, char style)
{
    const QStringList lines = points(text);
    if (lines.isEmpty()) {
        return notRecorded() + u'\n';
    }
    QString out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString marker = style == '1' ? QString::number(i + 1) + u". "_s : (style == '[' ? u"- [ ] "_s : u"- "_s);
        out += marker + lines.at(i) + u'\n';
    }
    return out;
}

QString paragraph(const QString &text)
{
    return text.trimmed().isEmpty() ? notRecorded() + u'\n' : text.trimmed() + u'\n';
}

QString field(const QString &label, const QString &value)
{
    return u"- **"_s + label + u"**: "_s + (value.isEmpty() ? notRecorded() : inline_(value)) + u'\n';
}

QString actionStatusText(ActionStatus status)
{
    switch (status) {
    case ActionStatus::Open:
        return tr("Open");
    case ActionStatus::InProgress:
        return tr("In progress");
    case ActionStatus::Done:
        return tr("Done");
    }
    return {};
}

} // namespace

QString IncidentExport::duration(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    QStringList parts;
    if (minutes >= 1440) {
        parts.append(tr("%1 d").arg(minutes / 1440));
    }
    if (minutes >= 60 && (minutes / 60) % 24 != 0) {
        parts.append(tr("%1 h").arg((minutes / 60) % 24));
    }
    if (minutes % 60 != 0 || minutes == 0) {
        parts.append(tr("%1 min").arg(minutes % 60));
    }
    return parts.join(u' ');
}

QString IncidentExport::markdown(const Incident &incident, const QLocale &locale, const QTimeZone &zone)
{
    const QString zoneName = zone == QTimeZone::utc() ? u"UTC"_s : QString::fromUtf8(zone.id());
    const auto time = [&](const QDateTime &at) {
        return at.isValid() ? locale.toString(at.toTimeZone(zone), u"yyyy-MM-dd HH:mm"_s) + u' ' + zoneName : QString();
    };
    const QList<IncidentTimeline::Effective> timeline = IncidentTimeline::effective(incident.timeline);
    bool oneDay = true;
    for (const auto &e : timeline) {
        oneDay = oneDay && e.entry.occurredAt.toTimeZone(zone).date() == incident.anchor().toTimeZone(zone).date();
    }
    const QString timeFormat = oneDay ? u"HH:mm"_s : u"yyyy-MM-dd HH:mm"_s;

    QString md = u"# "_s + tr("Incident report: %1").arg(inline_(incident.title)) + u"\n\n"_s;
    md += u"## "_s + tr("Summary") + u"\n"_s;
    md += field(tr("Started"), time(incident.anchor()));
    md += field(tr("Resolved"), incident.resolvedAt.isValid() ? time(incident.resolvedAt) : tr("not resolved yet"));
    md += field(tr("Duration"),
        incident.resolvedAt.isValid() && incident.anchor().isValid()
            ? duration(incident.anchor().msecsTo(incident.resolvedAt))
            : QString());
    md += field(tr("Severity"), incident.severity);
    md += field(tr("Scope"), incident.scope);
    md += field(tr("Commander"), incident.commander);
    if (!incident.responders.isEmpty()) {
        md += field(tr("Responders"), incident.responders.join(u", "_s));
    }
    if (!incident.category.isEmpty()) {
        md += field(tr("Category"), incident.category);
    }
    if (!incident.postMortem.summary.trimmed().isEmpty()) {
        md += u'\n' + incident.postMortem.summary.trimmed() + u'\n';
    }

    md += u"\n## "_s + tr("Impact") + u"\n"_s;
    md += field(tr("Affected users"),
        incident.affectedUsers >= 0 ? tr("about %1").arg(locale.toString(incident.affectedUsers)) : QString());
    md += field(tr("Services"), incident.services.join(u", "_s));
    md += field(tr("Revenue impact"), incident.revenue);

    md += u"\n## "_s + tr("Root cause analysis") + u"\n"_s;
    md += u"### "_s + tr("Root cause") + u'\n' + paragraph(incident.postMortem.rootCause);
    md += u"\n### "_s + tr("Contributing factors") + u'\n' + list(incident.postMortem.contributingFactors, '1');

    md += u"\n## "_s + tr("Timeline") + u"\n"_s;
    for (const auto &e : timeline) {
        md += u"- "_s + locale.toString(e.entry.occurredAt.toTimeZone(zone), timeFormat) + u" - "_s
            + inline_(IncidentTimeline::describe(e.entry)) + u'\n';
    }

    md += u"\n## "_s + tr("Resolution") + u"\n"_s + list(incident.postMortem.resolution, '1');
    md += u"\n## "_s + tr("Prevention") + u"\n"_s;
    md += u"### "_s + tr("Immediate") + u'\n' + list(incident.postMortem.preventionImmediate, '[');
    md += u"\n### "_s + tr("Long term") + u'\n' + list(incident.postMortem.preventionLongTerm, '[');
    md += u"\n## "_s + tr("Lessons learned") + u"\n"_s + list(incident.postMortem.lessons, '1');

    md += u"\n## "_s + tr("Action items") + u"\n"_s;
    md += u"| "_s + tr("Action") + u" | "_s + tr("Owner") + u" | "_s + tr("Due") + u" | "_s + tr("Status")
        + u" |\n|------|--------|------|------|\n"_s;
    for (const ActionItem &a : incident.actionItems) {
        md += u"| "_s + inline_(a.action) + u" | "_s + inline_(a.owner) + u" | "_s
            + (a.due.isValid() ? a.due.toString(Qt::ISODate) : QString()) + u" | "_s + actionStatusText(a.status)
            + u" |\n"_s;
    }
    return md;
}

QString IncidentExport::writePdf(
    const Incident &incident, const QLocale &locale, const QTimeZone &zone, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return tr("cannot write %1: %2").arg(path, file.errorString());
    }
    QTextDocument document;
    document.setMarkdown(markdown(incident, locale, zone));
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(incident.title);
        writer.setCreator(u"OpsDeck"_s);
        document.print(&writer);
    }
    file.close();
    if (file.error() != QFileDevice::NoError || file.size() == 0) {
        return tr("cannot write %1: %2").arg(path, file.errorString());
    }
    return {};
}
