// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/agentlog.h"

#include "workspace/templatetext.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

AgentLog::AgentLog(FILE *out)
    : m_out(out)
    , m_journal(!qEnvironmentVariableIsEmpty("JOURNAL_STREAM"))
{ }

QString AgentLog::format(Level level, const QString &line) const
{
    // One event, one line: a multi-line error must not look like several events.
    QString text = TemplateText::redact(line, m_secrets);
    text.replace(u'\n', u' ').replace(u'\r', u' ');
    if (m_journal) {
        return u"<%1>"_s.arg(int(level)) + text;
    }
    const char *name = level == Level::Error ? "error" : level == Level::Warning ? "warning" : "info";
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + u' ' + QLatin1String(name) + u": " + text;
}

void AgentLog::write(Level level, const QString &line)
{
    const QByteArray bytes = format(level, line).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    std::fflush(m_out);
}
