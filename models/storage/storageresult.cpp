// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storageresult.h"

#include <QCoreApplication>

QString StorageResultBase::message() const
{
    if (m_ok) {
        return {};
    }
    return QCoreApplication::translate("Storage", "%1: %2").arg(m_what, m_error);
}
