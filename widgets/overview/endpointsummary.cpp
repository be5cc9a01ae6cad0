// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/endpointsummary.h"

#include "health/statestyle.h"
#include "probe/endpointmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

EndpointSummary::EndpointSummary(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    m_label->setObjectName(u"endpointSummary"_s);
    m_label->setTextFormat(Qt::RichText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addStretch();
    updateText();
}

void EndpointSummary::setModel(QAbstractItemModel *model)
{
    if (m_model) {
        m_model->disconnect(this);
    }
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &EndpointSummary::recount);
        connect(model, &QAbstractItemModel::layoutChanged, this, &EndpointSummary::recount);
        connect(model, &QAbstractItemModel::dataChanged, this, &EndpointSummary::recount);
        connect(model, &QAbstractItemModel::rowsInserted, this, &EndpointSummary::recount);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &EndpointSummary::recount);
    }
    recount();
    updateText();
}

void EndpointSummary::recount()
{
    QMap<int, int> counts;
    if (const auto *endpoints = qobject_cast<const EndpointModel *>(m_model.data())) {
        counts = endpoints->stateCounts(); // kept as results arrive: no walk over thousands of rows
    } else if (m_model) {
        // Leaves only: group rows carry their worst child's state.
        const std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
            for (int row = 0; row < m_model->rowCount(parent); ++row) {
                const QModelIndex index = m_model->index(row, 0, parent);
                if (index.data(EndpointModel::IsGroupRole).toBool()) {
                    visit(index);
                } else {
                    counts[index.data(EndpointModel::StateRole).toInt()] += 1;
                }
            }
        };
        visit({});
    }
    // Most results change no count: the rich text is not set (and laid out) again for them.
    if (counts != m_counts) {
        m_counts = counts;
        updateText();
    }
}

QString EndpointSummary::text() const
{
    return m_label->text();
}

void EndpointSummary::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        updateText();
    }
    QWidget::changeEvent(event);
}

void EndpointSummary::updateText()
{
    if (!m_model) {
        m_label->setText(tr("Endpoints: not being checked"));
        return;
    }
    const QList<QPair<int, QString>> states {
        { int(EndpointState::Ok), tr("%n OK", nullptr, m_counts.value(int(EndpointState::Ok))) },
        { int(EndpointState::Warning), tr("%n warning", nullptr, m_counts.value(int(EndpointState::Warning))) },
        { int(EndpointState::Critical), tr("%n critical", nullptr, m_counts.value(int(EndpointState::Critical))) },
        { int(EndpointState::Unknown), tr("%n unknown", nullptr, m_counts.value(int(EndpointState::Unknown))) },
        { int(EndpointState::Pending), tr("%n pending", nullptr, m_counts.value(int(EndpointState::Pending))) },
        { int(EndpointState::Maintenance),
            tr("%n in maintenance", nullptr, m_counts.value(int(EndpointState::Maintenance))) },
        { -1, tr("%n not checked yet", nullptr, m_counts.value(-1)) },
    };
    QStringList parts;
    for (const auto &[state, text] : states) {
        // OK, warning and critical always show; the rest only when there are any.
        if (m_counts.value(state) == 0 && state != int(EndpointState::Ok) && state != int(EndpointState::Warning)
            && state != int(EndpointState::Critical)) {
            continue;
        }
        const QColor color = state < 0 ? StateStyle::noResultColor() : StateStyle::color(EndpointState(state));
        parts.append(u"<span style=\"color:%1\">●</span> %2"_s.arg(color.name(), text.toHtmlEscaped()));
    }
    m_label->setText(tr("Endpoints:") + QLatin1Char(' ') + parts.join(QLatin1String(" &nbsp; ")));
}
