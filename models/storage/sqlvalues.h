// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

// How values go into and come out of OpsDeck's tables, the same on SQLite and PostgreSQL. For the SQL that Storage
// jobs run (see sqlExec()).

// Times are stored as milliseconds since the epoch (BIGINT, *_ms columns) and read back in UTC; an invalid
// QDateTime is NULL and NULL reads back as an invalid QDateTime.
QVariant sqlTime(const QDateTime &at);
QDateTime timeFromSql(const QVariant &ms);

// Text columns are NOT NULL DEFAULT '': a null QString would bind NULL, so it binds "".
QString sqlText(const QString &text);
