// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/endpointfiltermodel.h"

#include "probe/endpointmodel.h"

EndpointFilterModel::EndpointFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(EndpointModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void EndpointFilterModel::setStates(const QList<EndpointState> &states)
{
    quint32 mask = 0;
    for (EndpointState state : states) {
        mask |= 1u << int(state);
    }
    if (mask == m_stateMask) {
        return;
    }
    m_stateMask = mask;
    invalidateFilter();
}

QList<EndpointState> EndpointFilterModel::states() const
{
    QList<EndpointState> states;
    for (int bit = 0; bit < 32; ++bit) {
        if (m_stateMask & (1u << bit)) {
            states << EndpointState(bit);
        }
    }
    return states;
}

void EndpointFilterModel::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text) {
        return;
    }
    m_text = trimmed;
    m_foldedText = trimmed.toCaseFolded();
    invalidateFilter();
}

bool EndpointFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(EndpointModel::IsGroupRole).toBool()) {
        // Shown through recursive filtering when one of its endpoints passes; with no filter at all, always.
        return m_stateMask == 0 && m_text.isEmpty();
    }
    if (m_stateMask != 0) {
        const int state = index.data(EndpointModel::StateRole).toInt();
        if (state < 0 || !(m_stateMask & (1u << state))) {
            return false;
        }
    }
    // Both sides case-folded: a case-sensitive search, several times faster over thousands of rows per keystroke.
    return m_text.isEmpty() || index.data(EndpointModel::SearchTextRole).toString().contains(m_foldedText);
}
