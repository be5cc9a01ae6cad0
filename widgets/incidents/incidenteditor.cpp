// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidents/incidenteditor.h"

#include "incident/escalationengine.h"
#include "incident/incidentlifecycle.h"
#include "incident/incidentstore.h"
#include "incident/slaclock.h"
#include "incidents/newincidentdialog.h"
#include "statuslookdelegate.h"
#include "ui/languagemanager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',')) {
        if (!part.trimmed().isEmpty()) {
            out.append(part.trimmed());
        }
    }
    return out;
}

} // namespace

IncidentEditor::IncidentEditor(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_commander(new QLineEdit(this))
    , m_responders(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_scope(new QLineEdit(this))
    , m_services(new QLineEdit(this))
    , m_users(new QLineEdit(this))
    , m_revenue(new QLineEdit(this))
    , m_ackClock(new QLabel(this))
    , m_resolveClock(new QLabel(this))
    , m_escalation(new QLabel(this))
    , m_ack(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_revert(new QPushButton(this))
    , m_message(new QLabel(this))
    , m_form(new QFormLayout)
{
    m_status->setObjectName(u"statusBox"_s);
    m_save->setObjectName(u"saveButton"_s);
    m_ack->setObjectName(u"acknowledgeButton"_s);
    m_escalation->setObjectName(u"escalationStatus"_s);
    m_escalation->setWordWrap(true);
    m_message->setObjectName(u"editorMessage"_s);
    m_ackClock->setObjectName(u"ackClock"_s);
    m_resolveClock->setObjectName(u"resolveClock"_s);
    m_message->setWordWrap(true);
    m_category->setEditable(true);
    m_users->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,12}"_s), m_users));
    for (QLabel *clock : { m_ackClock, m_resolveClock }) {
        QFont font = clock->font();
        font.setBold(true);
        clock->setFont(font);
    }
    for (QWidget *field : std::initializer_list<QWidget *> { m_title, m_severity, m_status, m_commander, m_responders,
             m_category, m_scope, m_services, m_users, m_revenue }) {
        m_form->addRow(new QLabel(this), field);
    }
    m_started = addMilestone(m_form);
    m_detected = addMilestone(m_form);
    m_acknowledged = addMilestone(m_form);
    m_mitigated = addMilestone(m_form);
    m_resolved = addMilestone(m_form);
    m_form->addRow(new QLabel(this), m_ackClock);
    m_form->addRow(new QLabel(this), m_resolveClock);
    m_form->addRow(new QLabel(this), m_escalation);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_ack);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addLayout(buttons);

    const auto dirty = [this] { setDirty(true); };
    for (QLineEdit *edit : { m_title, m_commander, m_responders, m_scope, m_services, m_users, m_revenue }) {
        connect(edit, &QLineEdit::textEdited, this, dirty);
    }
    for (QComboBox *box : { m_severity, m_status, m_category }) {
        connect(box, &QComboBox::currentIndexChanged, this, dirty);
    }
    connect(m_category, &QComboBox::editTextChanged, this, dirty);
    for (const Milestone *m : { &m_started, &m_detected, &m_acknowledged, &m_mitigated, &m_resolved }) {
        connect(m->set, &QCheckBox::toggled, this, dirty);
        connect(m->set, &QCheckBox::toggled, m->at, &QWidget::setEnabled);
        connect(m->at, &QDateTimeEdit::dateTimeChanged, this, dirty);
    }
    connect(m_save, &QPushButton::clicked, this, &IncidentEditor::save);
    connect(m_ack, &QPushButton::clicked, this, &IncidentEditor::acknowledge);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        setDirty(false);
        load();
    });
    retranslateUi();
    load();
}

IncidentEditor::Milestone IncidentEditor::addMilestone(QFormLayout *form)
{
    Milestone m;
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m.set = new QCheckBox(row);
    m.at = new QDateTimeEdit(row);
    m.at->setCalendarPopup(true);
    m.at->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    m.at->setEnabled(false);
    layout->addWidget(m.set);
    layout->addWidget(m.at, 1);
    form->addRow(new QLabel(this), row);
    return m;
}

void IncidentEditor::setStore(IncidentStore *store)
{
    m_store = store;
    connect(store, &IncidentStore::incidentChanged, this, [this](qint64 id) {
        if (id == m_incidentId && !m_dirty) {
            load();
        }
    });
    connect(store, &IncidentStore::incidentsReset, this, &IncidentEditor::load);
    connect(store, &IncidentStore::acknowledgeFinished, this, [this](qint64 id, const QString &refusal) {
        if (id == m_incidentId) {
            m_message->setText(refusal.isEmpty() ? tr("Acknowledged: the escalation stops.")
                                                 : tr("Not acknowledged: %1").arg(refusal));
            updateClocks(m_clockNow.isValid() ? m_clockNow : QDateTime::currentDateTimeUtc());
        }
    });
    connect(store, &IncidentStore::writeFailed, this, [this](qint64 id, const QString &error) {
        if (id == m_incidentId) {
            m_message->setText(tr("Not saved: %1").arg(error));
            setDirty(false); // the store reloads what is stored now
        }
    });
    load();
}

void IncidentEditor::setIncidentId(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_message->clear();
    setDirty(false);
    load();
}

void IncidentEditor::setDirty(bool dirty)
{
    if (m_loading) {
        return;
    }
    m_dirty = dirty;
    m_save->setEnabled(dirty);
    m_revert->setEnabled(dirty);
}

void IncidentEditor::showMilestone(const Milestone &m, const QDateTime &at)
{
    m.set->setChecked(at.isValid());
    m.at->setEnabled(at.isValid());
    m.at->setDateTime(at.isValid() ? at.toLocalTime() : QDateTime::currentDateTime());
}

QDateTime IncidentEditor::milestone(const Milestone &m, const QDateTime &stored)
{
    if (!m.set->isChecked()) {
        return {};
    }
    const QDateTime shown = m.at->dateTime().toUTC();
    // The editor shows minutes: an untouched field keeps the stored seconds.
    const auto minute = [](const QDateTime &at) { return at.toSecsSinceEpoch() / 60; };
    return stored.isValid() && minute(stored) == minute(shown) ? stored : shown;
}

void IncidentEditor::load()
{
    const Incident *incident = m_store ? m_store->incident(m_incidentId) : nullptr;
    setEnabled(incident != nullptr);
    m_loading = true;
    const QString language = LanguageManager::uiLanguage();
    m_severity->clear();
    m_status->clear();
    m_category->clear();
    if (m_store) {
        for (const SeverityLevel &level : m_store->severities()) {
            m_severity->addItem(NewIncidentDialog::severityLabel(level, language), level.id);
        }
        m_category->addItems(m_store->categories());
    }
    if (incident) {
        m_title->setText(incident->title);
        m_severity->setCurrentIndex(m_severity->findData(incident->severity));
        m_status->addItem(IncidentLifecycle::statusText(incident->status), int(incident->status));
        for (IncidentStatus next : IncidentLifecycle::nextStatuses(incident->status)) {
            m_status->addItem(tr("→ %1").arg(IncidentLifecycle::statusText(next)), int(next));
        }
        m_commander->setText(incident->commander);
        m_responders->setText(incident->responders.join(u", "_s));
        m_category->setCurrentText(incident->category);
        m_scope->setText(incident->scope);
        m_services->setText(incident->services.join(u", "_s));
        m_users->setText(incident->affectedUsers >= 0 ? QString::number(incident->affectedUsers) : QString());
        m_revenue->setText(incident->revenue);
        showMilestone(m_started, incident->startedAt);
        showMilestone(m_detected, incident->detectedAt);
        showMilestone(m_acknowledged, incident->acknowledgedAt);
        showMilestone(m_mitigated, incident->mitigatedAt);
        showMilestone(m_resolved, incident->resolvedAt);
    }
    m_loading = false;
    setDirty(false);
    updateClocks(QDateTime::currentDateTimeUtc());
}

Incident IncidentEditor::edited() const
{
    Incident i = *m_store->incident(m_incidentId);
    i.title = m_title->text().trimmed();
    i.severity = m_severity->currentData().toString();
    i.status = IncidentStatus(m_status->currentData().toInt());
    i.commander = m_commander->text().trimmed();
    i.responders = splitList(m_responders->text());
    i.category = m_category->currentText().trimmed();
    i.scope = m_scope->text().trimmed();
    i.services = splitList(m_services->text());
    i.affectedUsers = m_users->text().isEmpty() ? -1 : m_users->text().toLongLong();
    i.revenue = m_revenue->text().trimmed();
    i.startedAt = milestone(m_started, i.startedAt);
    i.detectedAt = milestone(m_detected, i.detectedAt);
    i.acknowledgedAt = milestone(m_acknowledged, i.acknowledgedAt);
    i.mitigatedAt = milestone(m_mitigated, i.mitigatedAt);
    i.resolvedAt = milestone(m_resolved, i.resolvedAt);
    return i;
}

void IncidentEditor::save()
{
    if (!m_store || !m_store->incident(m_incidentId)) {
        return;
    }
    const QString why = m_store->save(edited());
    if (!why.isEmpty()) {
        m_message->setText(tr("Not saved: %1").arg(why));
        return;
    }
    m_message->clear();
    setDirty(false);
}

void IncidentEditor::acknowledge()
{
    if (!m_store) {
        return;
    }
    const QString why = m_store->acknowledge(m_incidentId);
    m_message->setText(why.isEmpty() ? QString() : tr("Not acknowledged: %1").arg(why));
    if (why.isEmpty()) {
        m_ack->setEnabled(false);
    }
}

void IncidentEditor::updateClocks(const QDateTime &now)
{
    m_clockNow = now;
    const Incident *incident = m_store ? m_store->incident(m_incidentId) : nullptr;
    m_ack->setEnabled(incident && incident->isOpen() && !incident->acknowledgedAt.isValid());
    m_escalation->setText(incident && m_engine ? m_engine->status(*incident).text : QString());
    const auto level = incident ? m_store->severity(incident->severity) : std::nullopt;
    const auto show = [this](QLabel *label, const SlaFigure &f) {
        label->setText(SlaClock::text(f));
        // Only the text colour is set; the rest follows the theme.
        QPalette colors;
        if (const QColor c = StatusPalette::color(StatusLookDelegate::sla(f.state).tone, palette()); c.isValid()) {
            colors.setColor(QPalette::WindowText, c);
        }
        label->setPalette(colors);
    };
    if (!level) {
        show(m_ackClock, {});
        show(m_resolveClock, {});
        return;
    }
    show(m_ackClock, SlaClock::acknowledge(*incident, *level, now));
    show(m_resolveClock, SlaClock::resolve(*incident, *level, now));
}

void IncidentEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // The clocks' colours for the new theme.
        updateClocks(m_clockNow.isValid() ? m_clockNow : QDateTime::currentDateTimeUtc());
    }
}

void IncidentEditor::retranslateUi()
{
    const QStringList labels { tr("Title"), tr("Severity"), tr("Status"), tr("Commander"), tr("Responders"),
        tr("Category"), tr("Scope"), tr("Services"), tr("Affected users"), tr("Revenue impact"), tr("Started"),
        tr("Detected"), tr("Acknowledged"), tr("Mitigated"), tr("Resolved"), tr("Time to acknowledge"),
        tr("Time to resolve"), tr("Escalation") };
    for (int row = 0; row < labels.size() && row < m_form->rowCount(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget())) {
            label->setText(labels.at(row));
        }
    }
    m_responders->setPlaceholderText(tr("Comma-separated names"));
    m_services->setPlaceholderText(tr("Endpoint names or groups, comma-separated"));
    m_users->setPlaceholderText(tr("Unknown"));
    m_revenue->setPlaceholderText(tr("If known, e.g. about $2,000"));
    for (const Milestone *m : { &m_started, &m_detected, &m_acknowledged, &m_mitigated, &m_resolved }) {
        m->set->setText(tr("Set"));
    }
    m_save->setText(tr("Save"));
    m_ack->setText(tr("Acknowledge"));
    m_ack->setToolTip(tr("Acknowledge the incident as the operator: its escalation stops"));
    m_revert->setText(tr("Revert"));
    if (m_store) {
        load();
    }
}
