// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/validatecommand.h"

#include "workspace/workspaceloader.h"

#include <QCoreApplication>

namespace {

// Singular and plural spelled out: the summary must read right even when no translation is loaded.
QString count(qsizetype n, const char *one, const char *many)
{
    return n == 1 ? QCoreApplication::translate("WorkspaceLoader", one)
                  : QCoreApplication::translate("WorkspaceLoader", many).arg(n);
}

} // namespace

int runValidateCommand(const QString &path, QTextStream &out)
{
    const LoadResult result = WorkspaceLoader::loadFile(path);
    for (const Diagnostic &d : result.diagnostics) {
        out << d.toString() << '\n';
    }
    const qsizetype errors = result.errors().size();
    const qsizetype warnings = result.diagnostics.size() - errors;
    const QString warningText = count(warnings, QT_TRANSLATE_NOOP("WorkspaceLoader", "1 warning"),
        QT_TRANSLATE_NOOP("WorkspaceLoader", "%1 warnings"));
    QString summary;
    if (const auto &w = result.workspace) {
        summary = QCoreApplication::translate("WorkspaceLoader", "OK (%1, %2, %3, %4)")
                      .arg(count(w->endpoints.size(), QT_TRANSLATE_NOOP("WorkspaceLoader", "1 endpoint"),
                               QT_TRANSLATE_NOOP("WorkspaceLoader", "%1 endpoints")),
                          count(w->kpis.size(), QT_TRANSLATE_NOOP("WorkspaceLoader", "1 KPI"),
                              QT_TRANSLATE_NOOP("WorkspaceLoader", "%1 KPIs")),
                          count(w->checklists.size(), QT_TRANSLATE_NOOP("WorkspaceLoader", "1 checklist"),
                              QT_TRANSLATE_NOOP("WorkspaceLoader", "%1 checklists")),
                          count(w->runbooks.size(), QT_TRANSLATE_NOOP("WorkspaceLoader", "1 runbook"),
                              QT_TRANSLATE_NOOP("WorkspaceLoader", "%1 runbooks")));
        if (warnings > 0) {
            summary = QCoreApplication::translate("WorkspaceLoader", "%1, %2").arg(summary, warningText);
        }
    } else {
        summary = count(
            errors, QT_TRANSLATE_NOOP("WorkspaceLoader", "1 error"), QT_TRANSLATE_NOOP("WorkspaceLoader", "%1 errors"));
        if (warnings > 0) {
            summary = QCoreApplication::translate("WorkspaceLoader", "%1, %2").arg(summary, warningText);
        }
    }
    out << path << ": " << summary << Qt::endl;
    return errors == 0 ? 0 : 1;
}

int runListRunbookIdsCommand(const QString &path, QTextStream &out)
{
    const LoadResult result = WorkspaceLoader::loadFile(path);
    if (!result.workspace) {
        return 1;
    }
    for (const auto &runbook : result.workspace->runbooks) {
        out << runbook.id << '\n';
    }
    out.flush();
    return 0;
}
