// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/curltransport.h"

#include "probe/curlprobe.h"
#include "probe/netcheck.h"

#include <QMetaObject>
#include <QPointer>

#include <algorithm>
#include <curl/curl.h>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

void initCurlOnce()
{
    static const bool done = [] {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace

// The thread: a curl_multi_poll() loop over every running probe, HTTP in libcurl's handles, the other kinds as
// NetChecks whose sockets are added to the poll. Other threads only hand it new probes and aborts under the
// mutex and wake it with curl_multi_wakeup().
class CurlTransport::Worker final
{
public:
    explicit Worker(CurlTransport *owner)
        : m_owner(owner)
        , m_multi(curl_multi_init())
    {
        // Idle connections kept for reuse: enough for every probe in flight to find one, whichever port it goes to
        // (a connection closed for lack of room is a new handshake for the server at the next check).
        curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, 256L);
        m_thread = std::thread([this] { run(); });
    }

    ~Worker()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        curl_multi_wakeup(m_multi);
        m_thread.join();
        for (CURL *easy : m_idleHandles) {
            curl_easy_cleanup(easy);
        }
        curl_multi_cleanup(m_multi);
    }

    void add(quint64 id, std::unique_ptr<CurlProbe> probe)
    {
        bool wake = false;
        {
            const std::lock_guard lock(m_mutex);
            wake = nothingQueued();
            m_incoming.emplace_back(id, std::move(probe));
        }
        if (wake) {
            curl_multi_wakeup(m_multi);
        }
    }

    void add(quint64 id, std::unique_ptr<NetCheck> check)
    {
        bool wake = false;
        {
            const std::lock_guard lock(m_mutex);
            wake = nothingQueued();
            m_incomingChecks.emplace_back(id, std::move(check));
        }
        if (wake) {
            curl_multi_wakeup(m_multi);
        }
    }

    void abort(quint64 id, const QString &reason)
    {
        bool wake = false;
        {
            const std::lock_guard lock(m_mutex);
            wake = nothingQueued();
            m_aborts.emplace_back(id, reason);
        }
        if (wake) {
            curl_multi_wakeup(m_multi);
        }
    }

private:
    // Under m_mutex. Only the first of several hand-overs wakes the thread: the others are picked up by the same
    // pass (a wake-up is a system call on each side, as costly as a small probe's own work).
    bool nothingQueued() const { return m_incoming.empty() && m_incomingChecks.empty() && m_aborts.empty(); }

    void run()
    {
        for (;;) {
            std::vector<std::pair<quint64, std::unique_ptr<CurlProbe>>> incoming;
            std::vector<std::pair<quint64, QString>> aborts;
            std::vector<std::pair<quint64, std::unique_ptr<NetCheck>>> incomingChecks;
            {
                const std::lock_guard lock(m_mutex);
                if (m_stopping) {
                    break;
                }
                incoming.swap(m_incoming);
                aborts.swap(m_aborts);
                incomingChecks.swap(m_incomingChecks);
            }
            for (auto &[id, probe] : incoming) {
                if (!probe->begin(takeIdleHandle())) {
                    deliver(id, probe->result(), probe->outcome());
                    continue;
                }
                curl_multi_add_handle(m_multi, probe->handle());
                m_ids.emplace(probe.get(), id);
                m_running.emplace(id, std::move(probe));
            }
            for (auto &[id, check] : incomingChecks) {
                if (!check->begin(m_multi)) {
                    deliver(id, check->result(), check->outcome());
                    continue;
                }
                if (CURL *easy = check->handle()) {
                    m_checkHandles.emplace(easy, id);
                }
                m_checks.emplace(id, std::move(check));
            }
            for (const auto &[id, reason] : aborts) {
                if (const auto check = m_checks.find(id); check != m_checks.end()) {
                    check->second->abort(reason);
                    continue; // delivered by stepChecks()
                }
                const auto it = m_running.find(id);
                if (it == m_running.end()) {
                    continue; // already finished
                }
                curl_multi_remove_handle(m_multi, it->second->handle());
                it->second->abort(reason);
                deliver(id, it->second->result(), it->second->outcome());
                m_ids.erase(it->second.get());
                m_running.erase(it);
            }
            sendDeliveries();
            int active = 0;
            curl_multi_perform(m_multi, &active);
            int queued = 0;
            while (CURLMsg *message = curl_multi_info_read(m_multi, &queued)) {
                if (message->msg == CURLMSG_DONE) {
                    finished(message->easy_handle, message->data.result);
                }
            }
            std::vector<curl_waitfd> fds;
            const int timeout = stepChecks(fds);
            sendDeliveries();
            curl_multi_poll(m_multi, fds.data(), unsigned(fds.size()), timeout, nullptr);
        }
        m_checkHandles.clear();
        m_checks.clear(); // each removes its handle from the multi handle
        for (auto &[id, probe] : m_running) {
            curl_multi_remove_handle(m_multi, probe->handle());
        }
        m_ids.clear();
        m_running.clear();
    }

    // Lets every NetCheck make progress, delivers the finished ones; returns how long the poll may wait.
    int stepChecks(std::vector<curl_waitfd> &fds)
    {
        int timeout = 1000;
        for (auto it = m_checks.begin(); it != m_checks.end();) {
            NetCheck &check = *it->second;
            check.step();
            if (check.isDone()) {
                std::erase_if(m_checkHandles, [id = it->first](const auto &entry) { return entry.second == id; });
                deliver(it->first, check.result(), check.outcome());
                it = m_checks.erase(it);
                continue;
            }
            timeout = std::min(timeout, check.wait(fds));
            ++it;
        }
        return std::max(timeout, 0);
    }

    void finished(CURL *easy, CURLcode code)
    {
        if (const auto handle = m_checkHandles.find(easy); handle != m_checkHandles.end()) {
            const quint64 id = handle->second;
            m_checkHandles.erase(handle);
            if (const auto check = m_checks.find(id); check != m_checks.end()) {
                check->second->curlDone(code);
            }
            return;
        }
        char *data = nullptr;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, &data);
        auto *probe = reinterpret_cast<CurlProbe *>(data);
        const auto found = m_ids.find(probe);
        if (found == m_ids.end()) {
            return;
        }
        const auto it = m_running.find(found->second);
        const bool again = probe->finishHop(code);
        curl_multi_remove_handle(m_multi, easy);
        if (again && probe->nextHop()) {
            curl_multi_add_handle(m_multi, easy);
            return;
        }
        deliver(it->first, probe->result(), probe->outcome());
        if (CURL *handle = probe->releaseHandle(); handle && m_idleHandles.size() < maxIdleHandles) {
            m_idleHandles.push_back(handle); // a new easy handle costs more than its reset
        } else if (handle) {
            curl_easy_cleanup(handle);
        }
        m_ids.erase(found);
        m_running.erase(it);
    }

    CURL *takeIdleHandle()
    {
        if (m_idleHandles.empty()) {
            return nullptr;
        }
        CURL *easy = m_idleHandles.back();
        m_idleHandles.pop_back();
        return easy;
    }

    void deliver(quint64 id, const ProbeResult &result, EndpointConditions::Outcome outcome)
    {
        m_outbox.push_back({ id, result, outcome });
    }

    // What finished in one pass goes to the owner's thread as one queued call, not one each.
    void sendDeliveries()
    {
        if (m_outbox.empty()) {
            return;
        }
        // The owner outlives this thread (its destructor joins it), and Qt drops the queued call with it.
        QMetaObject::invokeMethod(
            m_owner, [owner = m_owner, batch = std::exchange(m_outbox, {})] { owner->deliver(batch); },
            Qt::QueuedConnection);
    }

    static constexpr size_t maxIdleHandles = 128;

    CurlTransport *m_owner;
    CURLM *m_multi;
    std::thread m_thread;
    std::mutex m_mutex;
    std::vector<std::pair<quint64, std::unique_ptr<CurlProbe>>> m_incoming;
    std::vector<std::pair<quint64, QString>> m_aborts;
    bool m_stopping = false;
    std::map<quint64, std::unique_ptr<CurlProbe>> m_running; // this thread only
    std::unordered_map<const CurlProbe *, quint64> m_ids; // this thread only
    std::vector<std::pair<quint64, std::unique_ptr<NetCheck>>> m_incomingChecks;
    std::map<quint64, std::unique_ptr<NetCheck>> m_checks; // this thread only
    std::unordered_map<CURL *, quint64> m_checkHandles; // this thread only: NetChecks' handles still connecting
    std::vector<Delivery> m_outbox; // this thread only
    std::vector<CURL *> m_idleHandles; // this thread only: reset and reused by the next probes
};

CurlTransport::CurlTransport(QObject *parent)
    : QObject(parent)
{
    initCurlOnce();
    m_worker = std::make_unique<Worker>(this);
}

CurlTransport::~CurlTransport()
{
    m_worker.reset();
}

quint64 CurlTransport::start(const Endpoint &endpoint, Done done)
{
    const quint64 id = m_nextId++;
    m_done.insert(id, std::move(done));
    if (EndpointKinds::of(endpoint.url) != EndpointKind::Http) {
        m_worker->add(id, NetCheck::create(endpoint));
    } else {
        m_worker->add(id, std::make_unique<CurlProbe>(CurlProbe::prepare(endpoint)));
    }
    return id;
}

void CurlTransport::abort(quint64 id, const QString &reason)
{
    if (m_done.contains(id)) {
        m_worker->abort(id, reason);
    }
}

void CurlTransport::deliver(const std::vector<Delivery> &batch)
{
    for (const Delivery &d : batch) {
        const Done done = m_done.take(d.id);
        if (done) {
            done(d.result, d.outcome);
        }
    }
}
