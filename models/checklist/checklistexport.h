// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checklist/checklistinstance.h"

#include <QLocale>
#include <QString>
#include <QTimeZone>

// A checklist instance as a Markdown record: heading, period, signer, every item with its state, who and when,
// notes, evidence and skip reasons, then the full history. Labels are translated (the UI language), workspace
// texts are taken in `language` ("en" or "ko"), dates are formatted by `locale` in `zone`.
class ChecklistExport final
{
public:
    static QString markdown(
        const ChecklistInstance &instance, const QString &language, const QLocale &locale, const QTimeZone &zone);
    // Every signed instance whose period falls on a day in [from, to], oldest first, each as markdown() does it,
    // under one heading; unsigned ones are left out (they are not records yet).
    static QString markdownRange(const QList<ChecklistInstance> &instances, QDate from, QDate to,
        const QString &language, const QLocale &locale, const QTimeZone &zone);
};
