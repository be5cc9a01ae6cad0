// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpipoller.h"

#include "kpi/kpimodel.h"
#include "kpi/kpireader.h"
#include "samples/samplestore.h"

KpiPoller::KpiPoller(KpiReader *reader, KpiModel *model, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_model(model)
{
    m_clock.start();
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &KpiPoller::tick);
}

void KpiPoller::setWorkspace(const Workspace &workspace)
{
    ++m_generation;
    m_reader->setWorkspace(workspace);
    m_model->setKpis(workspace.kpis);
    m_slots.clear();
    for (const Kpi &kpi : workspace.kpis) {
        m_slots.insert(kpi.id, { kpi, 0, false });
    }
    if (isRunning()) {
        tick();
    }
}

void KpiPoller::start()
{
    m_timer.start();
    tick();
}

void KpiPoller::stop()
{
    m_timer.stop();
}

void KpiPoller::pollAll()
{
    for (Slot &slot : m_slots) {
        if (!slot.reading) {
            read(slot);
        }
    }
}

void KpiPoller::endpointChecked(const QString &endpoint)
{
    for (Slot &slot : m_slots) {
        const KpiSource::Kind kind = slot.kpi.source.kind;
        const bool local
            = kind == KpiSource::Kind::Json || kind == KpiSource::Kind::Probe || kind == KpiSource::Kind::ErrorBudget;
        if (local && slot.kpi.source.endpoint == endpoint && !slot.reading) {
            read(slot);
        }
    }
}

void KpiPoller::tick()
{
    const qint64 now = m_clock.elapsed();
    for (Slot &slot : m_slots) {
        if (!slot.reading && slot.dueMs <= now) {
            read(slot);
        }
    }
    m_model->refreshStates();
}

void KpiPoller::setHeld(const QSet<QString> &kpis)
{
    const QSet<QString> released = m_held - kpis;
    m_held = kpis;
    m_model->setWaitingForTrust(kpis);
    for (const QString &id : released) {
        const auto it = m_slots.find(id);
        if (it != m_slots.end()) {
            it->dueMs = 0;
        }
    }
    if (isRunning()) {
        tick();
    }
}

void KpiPoller::read(Slot &slot)
{
    if (m_held.contains(slot.kpi.id)) {
        return; // the one place a reading starts
    }
    slot.reading = true;
    slot.dueMs = m_clock.elapsed() + slot.kpi.interval.count();
    ++m_readsStarted;
    const QString id = slot.kpi.id;
    const quint64 generation = m_generation;
    m_reader->read(slot.kpi, this, [this, id, generation](const KpiFigure &figure) {
        if (generation != m_generation) {
            return;
        }
        auto it = m_slots.find(id);
        if (it == m_slots.end()) {
            return;
        }
        it->reading = false;
        if (figure.retrySoon) {
            it->dueMs = std::min(it->dueMs, m_clock.elapsed() + retryMs);
        }
        if (m_samples && figure.value && it->kpi.source.kind != KpiSource::Kind::Prometheus) {
            m_samples->add({ id, figure.at.toMSecsSinceEpoch(), *figure.value });
        }
        m_model->applyFigure(id, figure);
        Q_EMIT figureApplied(id);
    });
}

void KpiPoller::setSampleStore(SampleStore *store)
{
    m_samples = store;
}
