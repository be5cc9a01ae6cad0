// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/bytesize.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestByteSize final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");
        QTest::addRow("plain") << u"4096"_s << qint64(4096);
        QTest::addRow("bytes") << u"100B"_s << qint64(100);
        QTest::addRow("KiB") << u"512KiB"_s << qint64(512 * 1024);
        QTest::addRow("MiB") << u"1MiB"_s << qint64(1024 * 1024);
        QTest::addRow("GiB") << u"2GiB"_s << qint64(2) * 1024 * 1024 * 1024;
        QTest::addRow("KB") << u"10KB"_s << qint64(10000);
        QTest::addRow("MB") << u"3MB"_s << qint64(3000000);
        QTest::addRow("space before unit") << u"64 KiB"_s << qint64(64 * 1024);
        QTest::addRow("zero") << u"0"_s << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        QString error;
        const auto size = ByteSize::parse(text, &error);
        QVERIFY2(size.has_value(), qPrintable(error));
        QCOMPARE(*size, bytes);
    }

    void reject_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("empty") << QString();
        QTest::addRow("word") << u"lots"_s;
        QTest::addRow("unit only") << u"MiB"_s;
        QTest::addRow("lowercase unit") << u"1mib"_s;
        QTest::addRow("negative") << u"-1"_s;
        QTest::addRow("decimal") << u"1.5MiB"_s;
        QTest::addRow("too many digits") << u"1234567890123456"_s;
    }
    void reject()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!ByteSize::parse(text, &error).has_value());
        QCOMPARE(error, u"expected a size like 512KiB or 1MiB, got \"%1\""_s.arg(text));
    }
};

QTEST_GUILESS_MAIN(TestByteSize)
#include "tst_bytesize.moc"
