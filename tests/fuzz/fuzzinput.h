// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>

// Splits a fuzzer's bytes into fields: strings end at a 0x1E byte (the corpora stay readable text), numbers take
// one byte. Works the same under libFuzzer and in the replay tests, which is why FuzzedDataProvider is not used.
class FuzzInput final
{
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_p(reinterpret_cast<const char *>(data))
        , m_end(m_p + size)
    { }

    bool atEnd() const { return m_p == m_end; }

    QByteArray bytes()
    {
        const char *start = m_p;
        while (m_p != m_end && *m_p != '\x1e') {
            ++m_p;
        }
        QByteArray out(start, m_p - start);
        if (m_p != m_end) {
            ++m_p;
        }
        return out;
    }

    // UTF-8, or raw UTF-16 (lone surrogates included) when the field starts with 0x01.
    QString string()
    {
        const QByteArray b = bytes();
        if (b.startsWith('\x01')) {
            return QString::fromUtf16(reinterpret_cast<const char16_t *>(b.constData() + 1), (b.size() - 1) / 2);
        }
        return QString::fromUtf8(b);
    }

    QByteArray rest()
    {
        QByteArray out(m_p, m_end - m_p);
        m_p = m_end;
        return out;
    }

    uint8_t byte() { return m_p == m_end ? 0 : uint8_t(*m_p++); }

    int number(int max) { return max <= 0 ? 0 : byte() % (max + 1); }

    // Invalid (byte 0), or a moment between years 1 and 9999 in one of a few zones.
    QDateTime dateTime()
    {
        const uint8_t kind = byte();
        if (kind == 0) {
            return {};
        }
        qint64 ms = 0;
        for (int i = 0; i < 6; ++i) {
            ms = (ms << 8) | byte();
        }
        constexpr qint64 first = -62135596800000; // 0001-01-01
        constexpr qint64 span = 253402300799999 - first;
        return QDateTime::fromMSecsSinceEpoch(first + ms % span, QTimeZone::utc());
    }

private:
    const char *m_p;
    const char *m_end;
};
