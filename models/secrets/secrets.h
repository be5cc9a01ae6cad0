// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <optional>

// Where ${NAME} references get their values: the process environment first, then what KeychainLoader read from
// the OS keychain (service "OpsDeck", key NAME). Values live only in memory; callers resolve them at send time.
// Thread-safe: probes and runbook steps look values up from any thread.
namespace Secrets {

std::optional<QString> value(const QString &name);
bool isSet(const QString &name);
// Why NAME has no value, for an error message: "not in the environment" plus what the keychain said.
QString whyMissing(const QString &name);
// The names of a list that have no value, in order.
QStringList missing(const QStringList &names);
// whyMissing() of each, joined: the text of a "nothing was sent" error.
QString describeMissing(const QStringList &names);

// For KeychainLoader and tests.
void setKeychainValue(const QString &name, const QString &value);
void setKeychainMiss(const QString &name, const QString &reason);
void clearKeychain();

inline constexpr const char *keychainService = "OpsDeck";

} // namespace Secrets

// Reads the names the environment does not have from the OS keychain, asynchronously, into Secrets. Where no
// keychain is running (a server without a Secret Service, CI), each name is recorded as missing with the reason.
class KeychainLoader final : public QObject
{
    Q_OBJECT

public:
    explicit KeychainLoader(QObject *parent = nullptr);

    // Starts reading; finished() follows once every read is done (at once when there is nothing to read).
    void load(const QStringList &names);
    bool isLoading() const { return m_pending > 0; }

Q_SIGNALS:
    void finished();

private:
    int m_pending = 0;
};

// Stores or removes one secret in the OS keychain: `opsdeck secret set|delete NAME`.
class KeychainWriter final : public QObject
{
    Q_OBJECT

public:
    explicit KeychainWriter(QObject *parent = nullptr);

    void store(const QString &name, const QString &value);
    void remove(const QString &name);

Q_SIGNALS:
    // error is empty on success.
    void finished(const QString &error);
};
