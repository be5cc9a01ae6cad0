// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/alertstrip.h"

#include "sources/alertmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>

using namespace Qt::StringLiterals;

namespace {

QColor severityColor(const QString &severity)
{
    if (severity == u"critical" || severity == u"page") {
        return QColor(0xda, 0x44, 0x53);
    }
    if (severity == u"warning") {
        return QColor(0xf1, 0xc4, 0x0f);
    }
    return QColor(0x3d, 0xae, 0xe9);
}

// A chip: a severity dot, then the text; silenced alerts in the placeholder colour.
class AlertDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QFontMetrics metrics(option.font);
        const int width = std::min(420, metrics.horizontalAdvance(index.data().toString()) + 40);
        return { width, metrics.height() + 12 };
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const bool silenced = index.data(AlertModel::SilencedRole).toBool();
        const QRectF r = QRectF(option.rect).adjusted(2, 2, -2, -2);
        painter->setPen(QPen(option.palette.color(QPalette::Mid), 1));
        painter->setBrush(option.palette.color(QPalette::Base));
        painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
        const QColor dot = silenced ? option.palette.color(QPalette::PlaceholderText)
                                    : severityColor(index.data(AlertModel::SeverityRole).toString());
        painter->setPen(Qt::NoPen);
        painter->setBrush(dot);
        const qreal d = r.height() * 0.45;
        painter->drawEllipse(QRectF(r.left() + 10, r.center().y() - d / 2, d, d));
        painter->setPen(option.palette.color(silenced ? QPalette::PlaceholderText : QPalette::Text));
        const QRectF text = r.adjusted(16 + d, 0, -10, 0);
        painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
            option.fontMetrics.elidedText(index.data().toString(), Qt::ElideRight, int(text.width())));
        painter->restore();
    }
};

} // namespace

AlertStrip::AlertStrip(QWidget *parent)
    : QFrame(parent)
    , m_headline(new QLabel(this))
    , m_view(new QListView(this))
{
    setObjectName(u"alertStrip"_s);
    m_headline->setObjectName(u"alertHeadline"_s);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_view->setFlow(QListView::LeftToRight);
    m_view->setWrapping(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setItemDelegate(new AlertDelegate(m_view));
    m_view->setFixedHeight(m_view->fontMetrics().height() + 18);
    m_view->viewport()->setAutoFillBackground(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid()) {
            return;
        }
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        if (index.data(AlertModel::SilencedRole).toBool()) {
            menu->addAction(tr("Expire silence"), this, [this, row = index.row()] { Q_EMIT expireRequested(row); });
        } else {
            menu->addAction(tr("Silence…"), this, [this, row = index.row()] { Q_EMIT silenceRequested(row); });
        }
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_headline);
    layout->addWidget(m_view, 1);
    update();
}

void AlertStrip::setModel(AlertModel *model)
{
    m_model = model;
    m_view->setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, &AlertStrip::update);
    connect(model, &AlertModel::errorChanged, this, &AlertStrip::update);
    update();
}

void AlertStrip::setConfigured(bool configured)
{
    m_configured = configured;
    update();
}

QString AlertStrip::headline() const
{
    return m_headline->text();
}

void AlertStrip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        update();
    }
    QFrame::changeEvent(event);
}

void AlertStrip::update()
{
    if (!m_configured || !m_model) {
        m_headline->setText(tr("Alerts: no Alertmanager in this workspace"));
        m_headline->setToolTip({});
        m_view->setVisible(false);
        return;
    }
    const int firing = m_model->firingCount();
    const int silenced = m_model->rowCount() - firing;
    QString text = firing == 0 ? tr("Alerts: none firing") : tr("Alerts: %n firing", nullptr, firing);
    if (silenced > 0) {
        text += u" · "_s + tr("%n silenced", nullptr, silenced);
    }
    if (!m_model->error().isEmpty()) {
        text += u" · "_s + tr("Alertmanager unreachable");
    }
    m_headline->setText(text);
    m_headline->setToolTip(m_model->error());
    m_view->setVisible(m_model->rowCount() > 0);
}
