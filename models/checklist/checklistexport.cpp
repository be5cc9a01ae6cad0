// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistexport.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

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

QString actionText(TickAction action)
{
    switch (action) {
    case TickAction::Tick:
        return QCoreApplication::translate("ChecklistExport", "ticked");
    case TickAction::Untick:
        return QCoreApplication::translate("ChecklistExport", "unticked");
    case TickAction::Skip:
        return QCoreApplication::translate("ChecklistExport", "skipped");
    }
    return {};
}

} // namespace

QString ChecklistExport::markdown(
    const ChecklistInstance &instance, const QString &language, const QLocale &locale, const QTimeZone &zone)
{
    const auto time = [&](const QDateTime &at) {
        return at.isValid() ? locale.toString(at.toTimeZone(zone), u"yyyy-MM-dd HH:mm"_s) : QString();
    };
    QString md;
    md += u"# "_s + inline_(instance.title.text(language)) + u"\n\n"_s;
    md += u"- "_s + QCoreApplication::translate("ChecklistExport", "Period: %1").arg(inline_(instance.periodKey))
        + u'\n';
    if (!instance.isOnDemand()) {
        md += u"- "_s + QCoreApplication::translate("ChecklistExport", "Due: %1").arg(time(instance.period.due))
            + u'\n';
    }
    if (instance.isSigned()) {
        md += u"- "_s
            + QCoreApplication::translate("ChecklistExport", "Signed by %1 at %2")
                  .arg(inline_(instance.signedBy), time(instance.signedAt))
            + u'\n';
        if (!instance.signComment.isEmpty()) {
            md += u"- "_s
                + QCoreApplication::translate("ChecklistExport", "Comment: %1").arg(inline_(instance.signComment))
                + u'\n';
        }
    } else {
        md += u"- "_s + QCoreApplication::translate("ChecklistExport", "Not signed off") + u'\n';
    }
    md += u"- "_s
        + QCoreApplication::translate("ChecklistExport", "Progress: %1/%2")
              .arg(instance.doneCount())
              .arg(instance.total())
        + u"\n\n"_s;

    md += u"## "_s + QCoreApplication::translate("ChecklistExport", "Items") + u"\n\n"_s;
    for (const ChecklistItem &item : instance.items) {
        const auto latest = instance.latest(item.id);
        const ItemState state = instance.state(item.id);
        md += state == ItemState::Done ? u"- [x] "_s : (state == ItemState::Skipped ? u"- [-] "_s : u"- [ ] "_s);
        md += inline_(item.text.text(language));
        if (latest && state != ItemState::Open) {
            md += u" — "_s
                + QCoreApplication::translate("ChecklistExport", "%1 by %2 at %3")
                      .arg(actionText(latest->action), inline_(latest->actor), time(latest->at));
        }
        md += u'\n';
        if (latest && state == ItemState::Skipped) {
            md += u"  - "_s
                + QCoreApplication::translate("ChecklistExport", "Reason: %1").arg(inline_(latest->skipReason)) + u'\n';
        }
        if (latest && state != ItemState::Open && !latest->note.isEmpty()) {
            md += u"  - "_s + QCoreApplication::translate("ChecklistExport", "Note: %1").arg(inline_(latest->note))
                + u'\n';
        }
        if (latest && state == ItemState::Done && !latest->evidence.isEmpty()) {
            const ChecklistEvidence &e = latest->evidence;
            const QString text = !e.verified
                ? QCoreApplication::translate("ChecklistExport", "%1: not verified (no probe result yet)")
                      .arg(inline_(e.target))
                : QCoreApplication::translate("ChecklistExport", "%1: %2 (%3) at %4")
                      .arg(inline_(e.target), inline_(e.state), inline_(e.value), time(e.at));
            md += u"  - "_s + QCoreApplication::translate("ChecklistExport", "Evidence: %1").arg(text) + u'\n';
        }
    }

    md += u"\n## "_s + QCoreApplication::translate("ChecklistExport", "History") + u"\n\n"_s;
    md += u"| "_s + QCoreApplication::translate("ChecklistExport", "Time") + u" | "_s
        + QCoreApplication::translate("ChecklistExport", "Who") + u" | "_s
        + QCoreApplication::translate("ChecklistExport", "Item") + u" | "_s
        + QCoreApplication::translate("ChecklistExport", "Action") + u" | "_s
        + QCoreApplication::translate("ChecklistExport", "Note") + u" |\n|---|---|---|---|---|\n"_s;
    for (const ChecklistTick &t : instance.history) {
        QString action = actionText(t.action);
        if (t.conflict) {
            action = QCoreApplication::translate("ChecklistExport", "%1 (conflict, not applied)").arg(action);
        }
        const QString note = t.action == TickAction::Skip ? t.skipReason : t.note;
        md += u"| "_s + time(t.at) + u" | "_s + inline_(t.actor) + u" | "_s + inline_(t.itemId) + u" | "_s + action
            + u" | "_s + inline_(note) + u" |\n"_s;
    }
    return md;
}

QString ChecklistExport::markdownRange(const QList<ChecklistInstance> &instances, QDate from, QDate to,
    const QString &language, const QLocale &locale, const QTimeZone &zone)
{
    QList<const ChecklistInstance *> chosen;
    for (const ChecklistInstance &instance : instances) {
        if (instance.isSigned() && instance.period.date >= from && instance.period.date <= to) {
            chosen << &instance;
        }
    }
    std::stable_sort(chosen.begin(), chosen.end(),
        [](const ChecklistInstance *a, const ChecklistInstance *b) { return a->period.start < b->period.start; });
    const QString fromText = locale.toString(from, u"yyyy-MM-dd"_s);
    const QString toText = locale.toString(to, u"yyyy-MM-dd"_s);
    QString md = u"# "_s
        + QCoreApplication::translate("ChecklistExport", "Signed checklists, %1 to %2").arg(fromText, toText)
        + u"\n\n"_s;
    if (chosen.isEmpty()) {
        return md + QCoreApplication::translate("ChecklistExport", "No checklist was signed off in this period.")
            + u'\n';
    }
    md += QCoreApplication::translate("ChecklistExport", "%n signed checklist(s).", nullptr, int(chosen.size()))
        + u"\n"_s;
    for (const ChecklistInstance *instance : std::as_const(chosen)) {
        // One level down, so each record sits under the range's heading.
        QString one = markdown(*instance, language, locale, zone);
        one.replace(QRegularExpression(u"^(#+) "_s, QRegularExpression::MultilineOption), u"#\\1 "_s);
        md += u"\n---\n\n"_s + one;
    }
    return md;
}
