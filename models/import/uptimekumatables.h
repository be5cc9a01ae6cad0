// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/gatusyaml.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlRecord>

// One row of a kuma.db table; a column the database's version lacks reads as empty / the default.
struct KumaRow
{
    qint64 id = 0;
    QSqlRecord record;

    QVariant value(const char *column) const;
    QString text(const char *column) const { return value(column).toString(); }
    qint64 integer(const char *column, qint64 fallback) const;
};

// A kuma.db opened read-only, for UptimeKumaImporter: monitors, groups, tags, notifications and maintenance.
class KumaTables final
{
public:
    // On failure `error` says why ("not an SQLite database", "no monitor table: ...").
    KumaTables(const QString &path, ImportResult &result, QString *error);
    ~KumaTables();
    KumaTables(const KumaTables &) = delete;
    KumaTables &operator=(const KumaTables &) = delete;

    QString origin(const QString &table, qint64 id) const;
    QList<KumaRow> monitors(QString *error);
    // "Parent / Child": the group monitors above `monitor`; empty when it has none.
    QString groupOf(const KumaRow &monitor) const;
    QStringList tags(qint64 monitor) const { return m_tags.value(monitor); }
    // Days before expiry at which Kuma first warns about a certificate (setting tlsExpiryNotifyDays; 7 if unset).
    int expiryDays() const { return m_expiryDays; }
    // `value` as a declared `${name}` secret, never written; a to-do says what to set.
    QString secret(const QString &value, const QString &name, const QString &what, const QString &at);

    // Providers and one route per notification that imported monitors use. `names`: monitor id -> endpoint name.
    void readNotifications(const QHash<qint64, QString> &names, QString *error);
    void readMaintenance(const QHash<qint64, QString> &names, QString *error);

private:
    QList<KumaRow> rows(const QString &sql, QString *error) const;
    bool hasTable(const QString &table) const;

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    ImportResult &m_result;
    QHash<qint64, QString> m_groupNames; // group monitor id -> name
    QHash<qint64, qint64> m_parents; // monitor id -> parent id
    QHash<qint64, QStringList> m_tags;
    int m_expiryDays = 7;
};
