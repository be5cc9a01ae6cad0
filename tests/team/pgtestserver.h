// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

// A throw-away PostgreSQL cluster for tests and benchmarks: initdb into a temporary folder, a free loopback port,
// its socket in the same folder, password authentication over TCP (the password is in the environment variable
// passwordVariable(), so URLs carry ${OPSDECK_TEST_PGPASSWORD}). Stopped and deleted on destruction.
// As root (CI containers) the server runs as the "postgres" account, because PostgreSQL refuses to run as root.
class PgTestServer final
{
public:
    PgTestServer();
    ~PgTestServer();
    Q_DISABLE_COPY_MOVE(PgTestServer)

    static QString passwordVariable() { return u"OPSDECK_TEST_PGPASSWORD"_s; }
    static QString binDir(); // empty when no PostgreSQL server is installed

    bool start(); // initdb (once) and start
    bool stop(); // fast shutdown: connections are closed
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }
    int port() const { return m_port; }

    // A new empty database; its URL, or empty on failure.
    QString createDatabase();
    // Runs SQL as the superuser (psql -c) in `database`; its output, or nullopt on failure (see errorString()).
    std::optional<QString> psql(const QString &database, const QString &sql);

private:
    bool run(const QString &program, const QStringList &args, QString *output = nullptr, int timeoutMs = 60000);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_error;
    int m_port = 0;
    int m_databases = 0;
    bool m_initialized = false;
    bool m_running = false;
};
