// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/agentcommand.h"

#include "checklist/checkliststore.h"
#include "cli/agenthealth.h"
#include "cli/agenthttpserver.h"
#include "cli/agentmetrics.h"
#include "incident/incidentstore.h"
#include "kpi/kpimodel.h"
#include "notify/notifier.h"
#include "probe/httpprobe.h"
#include "probe/probeengine.h"
#include "session/session.h"
#include "storage/databasetarget.h"
#include "storage/storage.h"
#include "ui/uilanguage.h"
#include "workspace/duration.h"
#include "workspace/workspaceloader.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <cstddef>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

AgentLog::Level levelOf(EndpointState state)
{
    return state == EndpointState::Critical                                  ? AgentLog::Level::Error
        : state == EndpointState::Warning || state == EndpointState::Unknown ? AgentLog::Level::Warning
                                                                             : AgentLog::Level::Info;
}

QString storageName(const QString &target)
{
    DatabaseTarget parsed;
    QString error;
    return DatabaseTarget::isPostgresUrl(target) && DatabaseTarget::parse(target, &parsed, &error)
        ? parsed.displayName()
        : target;
}

QList<QPair<QString, QString>> resolvedSecrets(const Workspace &workspace)
{
    QStringList missing;
    QList<QPair<QString, QString>> secrets;
    for (const QString &name : workspace.secretNames) {
        HttpProbe::resolveTemplate(u"${"_s + name + u'}', &missing, &secrets);
    }
    return secrets;
}

} // namespace

AgentCommand::AgentCommand(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_session(new Session(
          { Session::Mode::Watch, options.database, options.dataDir, true, 3000, options.location, {} }, this))
    , m_startedMs(QDateTime::currentMSecsSinceEpoch())
{
    m_session->setTrustAsk([this](const Workspace &, const QStringList &commands,
                               std::function<void(const Session::TrustAnswer &)> answer) {
        if (m_options.yes) {
            m_log.warning(tr("the workspace's commands (%1) are allowed by --yes").arg(commands.join(u"; "_s)));
            answer({ true, false, tr("commands allowed by --yes") });
            return;
        }
        m_log.warning(tr("the workspace's commands are not allowed: the agent asks nobody; start it with --yes to "
                         "allow them"));
        answer({ false, false, {} });
    });
    wireLog();
}

AgentCommand::~AgentCommand() = default;

void AgentCommand::wireLog()
{
    connect(m_session, &Session::workspaceReady, this, &AgentCommand::onWorkspace);
    connect(m_session, &Session::loadFailed, this, [this](const QString &path, const QList<Diagnostic> &diagnostics) {
        m_lastLoadOk = false;
        ++m_reloadFailures;
        int shown = 0;
        for (const Diagnostic &d : diagnostics) {
            if (d.severity == Diagnostic::Severity::Error && shown++ < 10) {
                m_log.error(d.toString());
                if (shown == 1) {
                    m_lastLoadError = d.toString();
                }
            }
        }
        if (!m_loaded) {
            m_log.error(tr("%1 did not load; the agent stops").arg(path));
            finish(1);
            return;
        }
        m_log.error(tr("%1 did not load; the agent keeps watching with the last good version").arg(path));
    });
    connect(m_session, &Session::notice, this, [this](const QString &message) { m_log.warning(message); });
    connect(m_session, &Session::proberChanged, this, [this](bool prober) {
        const QString where = m_options.location.isEmpty() ? tr("the default location") : m_options.location;
        m_log.info(prober ? tr("probing for %1 as %2").arg(where, m_session->name())
                          : tr("another agent or console probes for %1; following its results").arg(where));
    });
    connect(m_session->probes(), &ProbeEngine::stateChanged, this,
        [this](const QString &name, EndpointState from, EndpointState to, const ProbeResult &result) {
            QString detail = result.error;
            for (const ConditionResult &condition : result.conditions) {
                if (detail.isEmpty() && condition.verdict != ConditionResult::Verdict::Pass) {
                    detail = condition.condition + u" (" + condition.actual + u')';
                }
            }
            QString line = tr("endpoint %1: %2 -> %3").arg(name, endpointStateName(from), endpointStateName(to));
            if (result.httpStatus > 0) {
                line += tr(", HTTP %1").arg(result.httpStatus);
            }
            if (!detail.isEmpty()) {
                line += u": "_s + detail;
            }
            m_log.write(levelOf(to), line);
        });
    connect(m_session->kpis(), &KpiModel::stateChanged, this,
        [this](const QString &id, KpiState from, KpiState to, const QString &value) {
            m_log.write(to == KpiState::Critical ? AgentLog::Level::Error
                    : to == KpiState::Warning    ? AgentLog::Level::Warning
                                                 : AgentLog::Level::Info,
                tr("KPI %1: %2 -> %3 (%4)").arg(id, KpiEvaluator::stateName(from), KpiEvaluator::stateName(to), value));
        });
    connect(m_session->notifier(), &Notifier::logged, this, [this](const NotifyLogEntry &entry) {
        const QString what = entry.suppressed ? tr("held back by the rate limit")
            : entry.ok                        ? tr("sent")
                                              : tr("failed: %1").arg(entry.reason);
        m_log.write(entry.ok || entry.suppressed ? AgentLog::Level::Info : AgentLog::Level::Warning,
            tr("notification %1 via %2 (%3): %4").arg(entry.headline, entry.route, entry.provider, what));
    });
    connect(m_session->incidents(), &IncidentStore::incidentCreated, this, [this](qint64 id) {
        if (const Incident *incident = m_session->incidents()->incident(id)) {
            m_log.warning(tr("incident %1 opened: %2").arg(id).arg(incident->title));
        }
    });
    connect(m_session->checklists(), &ChecklistStore::becameLate, this, [this](qint64 id) {
        if (const ChecklistInstance *instance = m_session->checklists()->instance(id)) {
            m_log.warning(tr("checklist %1 is overdue").arg(instance->title.text(uiLanguage())));
        }
    });
    Storage *storage = m_session->storage();
    connect(storage, &Storage::opened, this, [this, storage](int schema) {
        m_log.info(tr("storage %1 open (schema %2)").arg(storage->path()).arg(schema));
    });
    connect(storage, &Storage::openFailed, this,
        [this](const QString &error) { m_log.error(tr("storage did not open: %1").arg(error)); });
    connect(storage, &Storage::onlineChanged, this, [this](bool online, const QString &reason) {
        m_log.write(online ? AgentLog::Level::Info : AgentLog::Level::Warning,
            online ? tr("team database reachable again") : tr("team database unreachable: %1").arg(reason));
    });
}

void AgentCommand::start()
{
    if (!m_options.listen.isEmpty()) {
        QHostAddress address;
        quint16 port = 0;
        AgentHttpServer::parseListen(m_options.listen, &address, &port);
        m_http = new AgentHttpServer(
            [this](const QByteArray &path) {
                const AgentHealth::Agent health { m_lastLoadOk, m_lastLoadError, m_startedMs };
                AgentHttpServer::Response response;
                if (path == "/metrics") {
                    const AgentMetrics::Agent agent { m_session->workspace().info.id, m_options.location, m_lastLoadOk,
                        m_reloads, m_reloadFailures, m_startedMs };
                    return AgentHttpServer::Response { 200, "text/plain; version=0.0.4; charset=utf-8",
                        AgentMetrics::render(*m_session, agent) };
                }
                if (path == "/healthz") {
                    return AgentHttpServer::Response { 200, "application/json",
                        QJsonDocument(AgentHealth::health(*m_session, health)).toJson(QJsonDocument::Compact) };
                }
                if (path == "/readyz") {
                    return AgentHttpServer::Response { AgentHealth::ready(*m_session) ? 200 : 503, "application/json",
                        QJsonDocument(AgentHealth::readiness(*m_session, health)).toJson(QJsonDocument::Compact) };
                }
                return response;
            },
            this);
        if (!m_http->listen(address, port)) {
            m_log.error(tr("cannot listen on %1: %2").arg(m_options.listen, m_http->errorString()));
            finish(1);
            return;
        }
        if (!address.isLoopback()) {
            m_log.warning(tr("serving /metrics, /healthz and /readyz to the network on %1, without authentication")
                              .arg(m_options.listen));
        }
        m_log.info(
            tr("serving /metrics, /healthz and /readyz on %1 port %2").arg(address.toString()).arg(m_http->port()));
    }
    m_log.info(tr("watching %1%2")
                   .arg(m_options.workspacePath,
                       m_options.location.isEmpty() ? QString() : tr(" from location %1").arg(m_options.location)));
    m_session->open(m_options.workspacePath);
}

void AgentCommand::onWorkspace(const Workspace &workspace)
{
    m_log.setSecrets(resolvedSecrets(workspace));
    m_lastLoadOk = true;
    m_lastLoadError.clear();
    ++m_reloads;
    m_log.info(tr("workspace %1 loaded: %2 endpoints, %3 KPIs, %4 checklists, %5 notification routes; storage %6")
                   .arg(workspace.info.id)
                   .arg(workspace.endpoints.size())
                   .arg(workspace.kpis.size())
                   .arg(workspace.checklists.size())
                   .arg(workspace.notifications.routes.size())
                   .arg(storageName(m_session->storageTarget(workspace))));
    if (!m_loaded) {
        m_loaded = true;
        notifySystemd("READY=1");
    }
}

void AgentCommand::reload()
{
    if (m_stopping) {
        return;
    }
    m_log.info(tr("reloading %1 (SIGHUP)").arg(m_options.workspacePath));
    if (m_loaded) {
        m_session->reload();
    } else {
        m_session->open(m_options.workspacePath);
    }
}

void AgentCommand::stop()
{
    if (m_stopping) {
        return;
    }
    m_log.info(tr("stopping"));
    finish(0);
}

void AgentCommand::finish(int exitCode)
{
    if (m_stopping) {
        return;
    }
    m_stopping = true;
    notifySystemd("STOPPING=1");
    // From the event loop: finish() may run inside one of the Session's own signals.
    QTimer::singleShot(0, this, [this, exitCode] {
        QElapsedTimer timer;
        timer.start();
        delete std::exchange(m_http, nullptr);
        // What the parts say while they shut down would reach a Session half gone.
        for (QObject *part : std::initializer_list<QObject *> { m_session, m_session->probes(), m_session->kpis(),
                 m_session->notifier(), m_session->incidents(), m_session->checklists(), m_session->storage() }) {
            part->disconnect(this);
        }
        // The Session's destructor stops the probes and flushes every pending write before the storage closes.
        delete std::exchange(m_session, nullptr);
        if (exitCode == 0) {
            m_log.info(tr("stopped in %1 ms").arg(timer.elapsed()));
        }
        Q_EMIT finished(exitCode);
    });
}

void AgentCommand::notifySystemd(const QByteArray &state)
{
#ifdef Q_OS_UNIX
    // sd_notify(3) without libsystemd: one datagram to $NOTIFY_SOCKET ("@" = the abstract namespace).
    const QByteArray path = qgetenv("NOTIFY_SOCKET");
    sockaddr_un address = {};
    if (path.isEmpty() || size_t(path.size()) >= sizeof address.sun_path) {
        return;
    }
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (address.sun_path[0] == '@') {
        address.sun_path[0] = 0;
    }
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return;
    }
    ::sendto(fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL, reinterpret_cast<const sockaddr *>(&address),
        socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size())));
    ::close(fd);
#else
    Q_UNUSED(state)
#endif
}

int AgentCommand::checkConfig(const Options &options, QTextStream &out)
{
    const LoadResult result = WorkspaceLoader::loadFile(options.workspacePath);
    for (const Diagnostic &d : result.diagnostics) {
        out << d.toString() << '\n';
    }
    if (!result.workspace) {
        out << tr("%1: not valid; the agent would not start").arg(options.workspacePath) << Qt::endl;
        return 1;
    }
    const Workspace &w = *result.workspace;
    const Session::Options session { Session::Mode::Watch, options.database, options.dataDir, true };
    out << tr("workspace: %1 (%2)").arg(w.info.id, options.workspacePath) << '\n';
    out << tr("storage: %1").arg(storageName(Session::storageTarget(session, w))) << '\n';
    out << tr("location: %1").arg(options.location.isEmpty() ? tr("(none)") : options.location) << '\n';
    out << tr("listen: %1").arg(options.listen.isEmpty() ? tr("(off)") : options.listen) << '\n';
    out << tr("commands: %1").arg(options.yes ? tr("allowed (--yes)") : tr("not allowed")) << '\n';
    for (const Endpoint &e : w.endpoints) {
        // As written: a ${NAME} stays a reference.
        out << tr("probe %1 every %2: %3").arg(e.name, Duration::format(e.interval), e.url) << '\n';
    }
    for (const Kpi &k : w.kpis) {
        out << tr("KPI %1 every %2").arg(k.id, Duration::format(k.interval)) << '\n';
    }
    out << tr("%1 checklists, %2 notification providers, %3 notification routes, %4 secrets")
               .arg(w.checklists.size())
               .arg(w.notifications.providers.size())
               .arg(w.notifications.routes.size())
               .arg(w.secretNames.size())
        << '\n';
    out << tr("%1: OK").arg(options.workspacePath) << Qt::endl;
    return 0;
}
