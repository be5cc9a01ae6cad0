// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/databasetarget.h"

#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSqlError>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression &wholeReference()
{
    static const QRegularExpression re(u"^\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}$"_s);
    return re;
}

bool parseUrl(const QString &text, bool fromEnvironment, DatabaseTarget *target, QString *error)
{
    // Split by hand: QUrl would percent-encode the braces of a ${NAME} password and mangle it.
    static const QRegularExpression re(u"^postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?"
                                       u"(\\[[^\\]]+\\]|[^:/?#]+)(?::(\\d{1,5}))?/([^/?#]+)$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch()) {
        *error = DatabaseTarget::tr("the database URL must look like postgresql://user@host:port/database");
        return false;
    }
    DatabaseTarget t;
    t.dialect = SqlDialect::PostgreSQL;
    t.user = QUrl::fromPercentEncoding(m.captured(1).toUtf8());
    t.passwordTemplate = m.captured(2);
    t.host = m.captured(3);
    if (t.host.startsWith(u'[')) {
        t.host = t.host.mid(1, t.host.size() - 2);
    }
    t.port = m.captured(4).isEmpty() ? 5432 : m.captured(4).toInt();
    t.database = QUrl::fromPercentEncoding(m.captured(5).toUtf8());
    if (t.port < 1 || t.port > 65535) {
        *error = DatabaseTarget::tr("the database URL has an invalid port %1").arg(m.captured(4));
        return false;
    }
    if (!t.passwordTemplate.isEmpty() && !fromEnvironment && !wholeReference().match(t.passwordTemplate).hasMatch()) {
        *error
            = DatabaseTarget::tr("the database URL contains a password; write ${NAME} instead and set the environment "
                                 "variable NAME, so that the password stays out of files and logs");
        return false;
    }
    *target = t;
    return true;
}

} // namespace

bool DatabaseTarget::isPostgresUrl(const QString &text)
{
    return text.startsWith(u"postgresql://"_s) || text.startsWith(u"postgres://"_s);
}

DatabaseTarget DatabaseTarget::sqlite(const QString &path)
{
    DatabaseTarget t;
    t.path = path;
    return t;
}

bool DatabaseTarget::parse(const QString &text, DatabaseTarget *target, QString *error)
{
    const QString trimmed = text.trimmed();
    if (const QRegularExpressionMatch m = wholeReference().match(trimmed); m.hasMatch()) {
        const QByteArray name = m.captured(1).toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            *error = tr("the database URL refers to the environment variable %1, which is not set").arg(m.captured(1));
            return false;
        }
        return parseUrl(qEnvironmentVariable(name.constData()).trimmed(), true, target, error);
    }
    if (isPostgresUrl(trimmed)) {
        return parseUrl(trimmed, false, target, error);
    }
    if (trimmed.isEmpty()) {
        *error = tr("no database given");
        return false;
    }
    *target = sqlite(text);
    return true;
}

QString DatabaseTarget::displayName() const
{
    if (!isPostgres()) {
        return QDir::toNativeSeparators(path);
    }
    const QString h = host.contains(u':') ? QString(u'[' + host + u']') : host;
    return u"postgresql://%1%2:%3/%4"_s.arg(user.isEmpty() ? QString() : QString(user + u'@'), h)
        .arg(port)
        .arg(database);
}

bool DatabaseTarget::resolvePassword(QString *password, QString *error) const
{
    password->clear();
    if (passwordTemplate.isEmpty()) {
        return true;
    }
    const QRegularExpressionMatch m = wholeReference().match(passwordTemplate);
    if (!m.hasMatch()) {
        *password = passwordTemplate; // came from a resolved ${URL}
        return true;
    }
    const QByteArray name = m.captured(1).toLocal8Bit();
    if (!qEnvironmentVariableIsSet(name.constData())) {
        *error = tr("the database password refers to the environment variable %1, which is not set").arg(m.captured(1));
        return false;
    }
    *password = qEnvironmentVariable(name.constData());
    return true;
}

bool DatabaseTarget::connectPostgres(
    QSqlDatabase *db, const QString &connectionName, const QString &applicationName, QString *error) const
{
    QString password;
    if (!resolvePassword(&password, error)) {
        return false;
    }
    *db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    if (!db->isValid()) {
        *error = tr("the Qt PostgreSQL driver (QPSQL) is not available; install libqt6sql6-psql");
        return false;
    }
    db->setHostName(host);
    db->setPort(port);
    db->setUserName(user);
    db->setPassword(password);
    db->setDatabaseName(database);
    db->setConnectOptions(u"connect_timeout=5;application_name=%1;keepalives_idle=5;keepalives_interval=2;"
                          u"keepalives_count=2"_s.arg(applicationName));
    if (!db->open()) {
        *error = tr("cannot connect (%1)").arg(sqlErrorText(db->lastError()));
        return false;
    }
    return true;
}
