// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pgtestserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString superuser = u"opsdeck"_s;
const QByteArray password = "team-test-secret";

int freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

bool asRoot()
{
    return ::geteuid() == 0;
}

} // namespace

PgTestServer::PgTestServer()
{
    qputenv(passwordVariable().toLatin1().constData(), password);
}

PgTestServer::~PgTestServer()
{
    if (m_running) {
        run(binDir() + u"/pg_ctl"_s,
            { u"-D"_s, m_dir->filePath(u"data"_s), u"-m"_s, u"immediate"_s, u"-w"_s, u"stop"_s });
    }
}

QString PgTestServer::binDir()
{
    if (const QString dir = qEnvironmentVariable("OPSDECK_PG_BINDIR"); !dir.isEmpty()) {
        return dir;
    }
    QStringList versions = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(
        versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : std::as_const(versions)) {
        const QString dir = u"/usr/lib/postgresql/%1/bin"_s.arg(v);
        if (QFileInfo::exists(dir + u"/initdb"_s)) {
            return dir;
        }
    }
    return {};
}

bool PgTestServer::run(const QString &program, const QStringList &args, QString *output, int timeoutMs)
{
    QProcess process;
    if (asRoot()) {
        process.start(u"runuser"_s, QStringList { u"-u"_s, u"postgres"_s, u"--"_s, program } + args);
    } else {
        process.start(program, args);
    }
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished(1000);
        m_error = u"%1 %2 failed: %3 %4"_s.arg(QFileInfo(program).fileName(), args.join(u' '),
            QString::fromLocal8Bit(process.readAllStandardError()), process.errorString());
        return false;
    }
    if (output) {
        *output = QString::fromLocal8Bit(process.readAllStandardOutput());
    }
    return true;
}

bool PgTestServer::start()
{
    const QString bin = binDir();
    if (bin.isEmpty()) {
        m_error = u"no PostgreSQL server found under /usr/lib/postgresql (install the postgresql package, "
                  u"tools/dev.sh deps does)"_s;
        return false;
    }
    if (!m_initialized) {
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/opsdeck-pg-XXXXXX"_s);
        if (!m_dir->isValid()) {
            m_error = m_dir->errorString();
            return false;
        }
        QFile pwfile(m_dir->filePath(u"pwfile"_s));
        if (!pwfile.open(QIODevice::WriteOnly) || pwfile.write(password + '\n') < 0) {
            m_error = pwfile.errorString();
            return false;
        }
        pwfile.close();
        if (asRoot()) {
            const passwd *account = ::getpwnam("postgres");
            if (!account) {
                m_error = u"running as root and there is no postgres account to run the server as"_s;
                return false;
            }
            for (const QString &path : { m_dir->path(), pwfile.fileName() }) {
                if (::chown(QFile::encodeName(path).constData(), account->pw_uid, account->pw_gid) != 0) {
                    m_error = u"cannot hand %1 to the postgres account"_s.arg(path);
                    return false;
                }
            }
        }
        if (!run(bin + u"/initdb"_s,
                { u"-D"_s, m_dir->filePath(u"data"_s), u"-U"_s, superuser, u"--pwfile"_s, pwfile.fileName(),
                    u"--auth-local=trust"_s, u"--auth-host=scram-sha-256"_s, u"-N"_s, u"-E"_s, u"UTF8"_s,
                    u"--locale=C"_s })) {
            return false;
        }
        m_initialized = true;
        m_port = freePort();
    }
    // Small and quick: no fsync (a test cluster is thrown away), few connections.
    const QString options
        = u"-p %1 -k %2 -h 127.0.0.1 -c fsync=off -c max_connections=60 -c shared_buffers=16MB"_s.arg(m_port).arg(
            m_dir->path());
    if (!run(bin + u"/pg_ctl"_s,
            { u"-D"_s, m_dir->filePath(u"data"_s), u"-o"_s, options, u"-l"_s, m_dir->filePath(u"server.log"_s), u"-w"_s,
                u"-t"_s, u"60"_s, u"start"_s })) {
        return false;
    }
    m_running = true;
    return true;
}

bool PgTestServer::stop()
{
    if (!m_running) {
        return true;
    }
    m_running = false;
    return run(
        binDir() + u"/pg_ctl"_s, { u"-D"_s, m_dir->filePath(u"data"_s), u"-m"_s, u"fast"_s, u"-w"_s, u"stop"_s });
}

QString PgTestServer::createDatabase()
{
    const QString name = u"db%1"_s.arg(++m_databases);
    if (!run(binDir() + u"/createdb"_s,
            { u"-h"_s, m_dir->path(), u"-p"_s, QString::number(m_port), u"-U"_s, superuser, name })) {
        return {};
    }
    return u"postgresql://%1:${%2}@127.0.0.1:%3/%4"_s.arg(superuser, passwordVariable()).arg(m_port).arg(name);
}

std::optional<QString> PgTestServer::psql(const QString &database, const QString &sql)
{
    QString output;
    if (!run(binDir() + u"/psql"_s,
            { u"-h"_s, m_dir->path(), u"-p"_s, QString::number(m_port), u"-U"_s, superuser, u"-d"_s, database, u"-v"_s,
                u"ON_ERROR_STOP=1"_s, u"-X"_s, u"-A"_s, u"-t"_s, u"-q"_s, u"-c"_s, sql },
            &output)) {
        return std::nullopt;
    }
    return output.trimmed();
}
