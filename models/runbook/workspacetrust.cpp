// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/workspacetrust.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

QString settingsKey(const QString &hash)
{
    return u"trust/commands/"_s + hash;
}

} // namespace

QString WorkspaceTrust::fileHash(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

bool WorkspaceTrust::isTrusted(const QString &path)
{
    const QString hash = fileHash(path);
    return !hash.isEmpty() && QSettings().contains(settingsKey(hash));
}

bool WorkspaceTrust::trust(const QString &path)
{
    const QString hash = fileHash(path);
    if (hash.isEmpty()) {
        return false;
    }
    QSettings().setValue(settingsKey(hash), QFileInfo(path).absoluteFilePath());
    return true;
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
