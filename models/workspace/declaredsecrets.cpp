// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/declaredsecrets.h"

#include "secrets/secrets.h"
#include "workspace/templatetext.h"

#include <QUrl>

using namespace Qt::StringLiterals;

DeclaredSecrets::DeclaredSecrets(const QStringList &names)
    : m_names(names.cbegin(), names.cend())
{ }

DeclaredSecrets DeclaredSecrets::of(const Workspace &workspace)
{
    return DeclaredSecrets(workspace.declaredSecretNames());
}

QString DeclaredSecrets::resolve(
    const QString &text, QStringList *missing, QList<QPair<QString, QString>> *secrets) const
{
    QString out = text;
    for (const QString &name : TemplateText::names(text)) {
        const std::optional<QString> value = declares(name) ? Secrets::value(name) : std::nullopt;
        if (!value) {
            if (!missing->contains(name)) {
                missing->append(name);
            }
            continue;
        }
        const QString reference = u"${"_s + name + u'}';
        out.replace(reference, *value);
        if (value->size() >= 3) {
            secrets->append({ *value, reference });
            secrets->append({ QString::fromLatin1(QUrl::toPercentEncoding(*value)), reference });
        }
    }
    return out;
}

QString DeclaredSecrets::whyMissing(const QString &name) const
{
    if (!declares(name)) {
        return tr("%1 is not declared in the workspace's secrets").arg(name);
    }
    return Secrets::whyMissing(name);
}

QString DeclaredSecrets::describeMissing(const QStringList &names) const
{
    QStringList parts;
    for (const QString &name : names) {
        parts.append(whyMissing(name));
    }
    return parts.join(u"; "_s);
}
