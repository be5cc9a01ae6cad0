// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

// Resolves the ${NAME} references of one workspace's strings, for the names its `secrets:` list declares and no
// others: the loader already refuses a file that uses an undeclared name, and this keeps a string from anywhere
// else (a hand-built endpoint, a later edit) from reading an arbitrary environment variable. Values come from
// Secrets (the environment, else the keychain) at the moment of the call and are never stored here.
class DeclaredSecrets final
{
    Q_DECLARE_TR_FUNCTIONS(DeclaredSecrets)

public:
    DeclaredSecrets() = default; // declares nothing: no reference resolves
    explicit DeclaredSecrets(const QStringList &names);
    static DeclaredSecrets of(const Workspace &workspace);

    bool declares(const QString &name) const { return m_names.contains(name); }

    // `text` with every declared reference that has a value replaced by it. A reference that is undeclared or has
    // no value stays as written and its name is appended to `missing` (once). Each value used is appended to
    // `secrets` as (value, "${NAME}"), with its percent-encoded form too, for redacting what comes back; values
    // shorter than 3 characters are not, as they would redact ordinary text.
    QString resolve(const QString &text, QStringList *missing, QList<QPair<QString, QString>> *secrets) const;
    // Why `name` has no value: undeclared, or Secrets::whyMissing() (which gives the keychain's answer).
    QString whyMissing(const QString &name) const;
    // whyMissing() of each, joined with "; ".
    QString describeMissing(const QStringList &names) const;

private:
    QSet<QString> m_names;
};
