// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// The path after [BODY] in a condition, as Gatus writes it: ".a.b", ".items[0].id", "[0]", ".items[*].status".
class JsonPath final
{
    Q_DECLARE_TR_FUNCTIONS(JsonPath)

public:
    struct Step
    {
        enum class Kind { Key, Index, Wildcard };
        Kind kind = Kind::Key;
        QString key;
        qsizetype index = 0;
    };

    struct Lookup
    {
        // Missing: an absent key, an index out of range or a null on the way (Gatus: a plain failure).
        // WrongType: the path walks into a string or number, or indexes an object (cannot be evaluated).
        enum class Status { Found, Missing, WrongType };
        Status status = Status::Missing;
        QJsonValue value;
        QString reason; // e.g. `no such key "db"`
    };

    static constexpr qsizetype MaxSteps = 64;

    // Parses `text` (starting with '.' or '['); an empty text is the root. On failure sets `error` and the
    // 0-based offset within `text` of what is wrong.
    static std::optional<JsonPath> parse(QStringView text, QString *error, qsizetype *errorOffset);

    // Walks `root`; a wildcard step reads element `wildcardIndex`.
    Lookup resolve(const QJsonValue &root, qsizetype wildcardIndex = -1) const;
    // The array a wildcard step iterates over (the steps before it).
    Lookup resolveWildcardArray(const QJsonValue &root) const;

    bool isEmpty() const { return m_steps.isEmpty(); }
    bool hasWildcard() const;
    // ".items[2].id", with the wildcard replaced by `wildcardIndex` when it is >= 0.
    QString toString(qsizetype wildcardIndex = -1) const;

    // A JSON value's string form for comparisons: strings as they are, 1 not 1.0, true/false, null,
    // objects and arrays as compact JSON.
    static QString valueText(const QJsonValue &value);
    static QString typeName(const QJsonValue &value);

private:
    Lookup walk(const QJsonValue &root, qsizetype stepCount, qsizetype wildcardIndex) const;
    QList<Step> m_steps;
};
