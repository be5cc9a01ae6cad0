// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/workspacetrust.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

QString settingsKey(const QString &hash)
{
    // One answer covers the file's secrets and its commands; the "trust/commands/" answers of earlier versions
    // were given to a question that listed commands only, so they are not taken for this one.
    return u"trust/workspace/"_s + hash;
}

} // namespace

bool WorkspaceTrust::isTrusted(const Workspace &workspace)
{
    return !workspace.contentHash.isEmpty()
        && QSettings().contains(settingsKey(QString::fromLatin1(workspace.contentHash)));
}

bool WorkspaceTrust::trust(const Workspace &workspace)
{
    if (workspace.contentHash.isEmpty()) {
        return false;
    }
    QSettings().setValue(
        settingsKey(QString::fromLatin1(workspace.contentHash)), QFileInfo(workspace.filePath).absoluteFilePath());
    return true;
}

void WorkspaceTrust::trustContent(const QByteArray &bytes, const QString &filePath)
{
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    QSettings().setValue(settingsKey(QString::fromLatin1(hash)), QFileInfo(filePath).absoluteFilePath());
}

QStringList WorkspaceTrust::commands(const Workspace &workspace)
{
    QStringList out;
    for (const Runbook &runbook : workspace.runbooks) {
        for (const RunbookStep &step : runbook.steps) {
            if (step.kind == RunbookStep::Kind::Command) {
                out.append(u"%1 / %2: %3"_s.arg(runbook.id, step.id, step.argv.join(u' ')));
            }
        }
    }
    return out;
}
