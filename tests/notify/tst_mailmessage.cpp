// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/mailmessage.h"
#include "notifytesthelpers.h"

#include <QTest>

class tst_MailMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void asciiHeaderUnchanged();
    void koreanHeaderInEncodedWords();
    void headerLineBreaksRemoved();
    void addresses_data();
    void addresses();
    void composedMessage();
};

void tst_MailMessage::asciiHeaderUnchanged()
{
    QCOMPARE(MailMessage::encodeHeader(u"CRITICAL: endpoint health"_s), QByteArray("CRITICAL: endpoint health"));
}

void tst_MailMessage::koreanHeaderInEncodedWords()
{
    const QString title = u"장애: 결제 API 응답 지연이 30분 넘게 이어지고 있습니다 — 확인 바랍니다 🚨"_s;
    const QByteArray encoded = MailMessage::encodeHeader(title);
    const QList<QByteArray> words = encoded.split('\n');
    QVERIFY(words.size() > 1);
    QString decoded;
    for (QByteArray word : words) {
        word = word.trimmed();
        QVERIFY2(word.size() <= 75, word.constData());
        QVERIFY(word.startsWith("=?UTF-8?B?") && word.endsWith("?="));
        // Each word decodes alone: no character is cut between two words.
        const QByteArray utf8 = QByteArray::fromBase64(word.mid(10, word.size() - 12));
        QCOMPARE(QString::fromUtf8(utf8).toUtf8(), utf8);
        decoded += QString::fromUtf8(utf8);
    }
    QCOMPARE(decoded, title);
}

void tst_MailMessage::headerLineBreaksRemoved()
{
    // A title with a line break must not start a new header (header injection).
    const QByteArray encoded = MailMessage::encodeHeader(u"down\r\nBcc: evil@example.org"_s);
    QVERIFY(!encoded.contains('\n'));
    QVERIFY(!encoded.contains('\r'));
}

void tst_MailMessage::addresses_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("bad");
    QTest::newRow("one") << u"sre@example.org"_s << QStringList { u"sre@example.org"_s } << QStringList();
    QTest::newRow("several") << u"a@x.org, b@y.org;c@z.org"_s
                             << QStringList { u"a@x.org"_s, u"b@y.org"_s, u"c@z.org"_s } << QStringList();
    QTest::newRow("named") << u"On-call SRE <sre@example.org>"_s << QStringList { u"sre@example.org"_s }
                           << QStringList();
    QTest::newRow("not an address") << u"sre, b@y.org"_s << QStringList { u"b@y.org"_s } << QStringList { u"sre"_s };
    QTest::newRow("two at signs") << u"a@b@c"_s << QStringList() << QStringList { u"a@b@c"_s };
    QTest::newRow("empty") << u""_s << QStringList() << QStringList();
}

void tst_MailMessage::addresses()
{
    QFETCH(QString, list);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, bad);
    QStringList badOut;
    QCOMPARE(MailMessage::addresses(list, &badOut), expected);
    QCOMPARE(badOut, bad);
}

void tst_MailMessage::composedMessage()
{
    const NotificationEvent event = criticalEndpoint();
    const QByteArray message = MailMessage::compose(event, u"OpsDeck <opsdeck@example.org>"_s,
        { u"sre@example.org"_s, u"lead@example.org"_s }, QDateTime(QDate(2026, 12, 5), QTime(9, 31, 2), Qt::UTC));
    const qsizetype blank = message.indexOf("\r\n\r\n");
    QVERIFY(blank > 0);
    const QByteArray head = message.left(blank + 2);
    QVERIFY(head.contains("From: OpsDeck <opsdeck@example.org>\r\n"));
    QVERIFY(head.contains("To: sre@example.org, lead@example.org\r\n"));
    QVERIFY(head.contains("Date: Sat, 05 Dec 2026 09:31:02 +0000\r\n"));
    const QByteArray subject = "Subject: " + event.headline().toUtf8() + "\r\n";
    QVERIFY(head.contains(subject));
    QVERIFY(head.contains("@example.org>\r\n")); // the Message-ID's domain is the sender's
    QVERIFY(head.contains("X-OpsDeck-Event: endpoint/health\r\n"));
    QVERIFY(!message.contains("\n\n"));
    const QByteArray body = message.mid(blank + 4);
    for (const QByteArray &line : body.split('\n')) {
        QVERIFY(line.size() <= 77);
    }
    const QString text = QString::fromUtf8(QByteArray::fromBase64(body));
    QCOMPARE(text, event.text().replace(u"\n"_s, u"\r\n"_s));
}

QTEST_GUILESS_MAIN(tst_MailMessage)
#include "tst_mailmessage.moc"
