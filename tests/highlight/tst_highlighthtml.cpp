// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "highlight/highlighthtml.h"

#include <QTest>

class TestHighlightHtml final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sanitize_data();
    void sanitize();
    void plainEscapes();
    void prettyJson_data();
    void prettyJson();
    void syntaxForContentType_data();
    void syntaxForContentType();
};

void TestHighlightHtml::sanitize_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    const QString head
        = QStringLiteral("<!DOCTYPE html>\n<html><head>\n<meta http-equiv=\"Content-Type\" "
                         "content=\"text/html; charset=UTF-8\"/>\n<title>Kate Syntax Highlighter</title>\n"
                         "</head><body style=\"background-color:#232629;color:#cfcfc2\"><pre>\n");
    const QString tail = QStringLiteral("\n</pre></body></html>\n");
    QTest::addRow("tool page")
        << head + QStringLiteral("<span style=\"color:#f67400;\">1</span> &quot;x&quot;") + tail
        << QStringLiteral("<pre style=\"margin:0\"><span style=\"color:#f67400;\">1</span> &quot;x&quot;</pre>");
    QTest::addRow("foreign tags dropped")
        << head + QStringLiteral("<script>alert(1)</script><img src=x><span onclick=\"y\">a</span>") + tail
        << QStringLiteral("<pre style=\"margin:0\">alert(1)a</span></pre>");
    QTest::addRow("no pre") << QStringLiteral("<b>x</b> &lt;y&gt;")
                            << QStringLiteral("<pre style=\"margin:0\">x &lt;y&gt;</pre>");
    QTest::addRow("empty") << QString() << QStringLiteral("<pre style=\"margin:0\"></pre>");
}

void TestHighlightHtml::sanitize()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(HighlightHtml::sanitize(html), expected);
}

void TestHighlightHtml::plainEscapes()
{
    QCOMPARE(HighlightHtml::plain(QStringLiteral("<a href=\"x\">&</a>")),
        QStringLiteral("<pre style=\"margin:0\">&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;</pre>"));
}

void TestHighlightHtml::prettyJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    QTest::addRow("object") << QByteArray(R"({"b":1,"a":[true]})") << true
                            << QStringLiteral("{\n    \"a\": [\n        true\n    ],\n    \"b\": 1\n}");
    QTest::addRow("array") << QByteArray("[1]") << true << QStringLiteral("[\n    1\n]");
    QTest::addRow("malformed") << QByteArray(R"({"a":)") << false << QStringLiteral("{\"a\":");
    QTest::addRow("html") << QByteArray("<h1>502</h1>") << false << QStringLiteral("<h1>502</h1>");
    QTest::addRow("korean") << QByteArray("{\"상태\":\"정상\"}") << true
                            << QStringLiteral("{\n    \"상태\": \"정상\"\n}");
}

void TestHighlightHtml::prettyJson()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    bool parsed = !ok;
    QCOMPARE(HighlightHtml::prettyJson(body, &parsed), expected);
    QCOMPARE(parsed, ok);
}

void TestHighlightHtml::syntaxForContentType_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("syntax");
    QTest::addRow("json") << QStringLiteral("application/json; charset=utf-8") << QStringLiteral("JSON");
    QTest::addRow("problem+json") << QStringLiteral("application/problem+json") << QStringLiteral("JSON");
    QTest::addRow("yaml") << QStringLiteral("application/yaml") << QStringLiteral("YAML");
    QTest::addRow("html") << QStringLiteral("Text/HTML") << QStringLiteral("HTML");
    QTest::addRow("xml") << QStringLiteral("application/xml") << QStringLiteral("XML");
    QTest::addRow("plain") << QStringLiteral("text/plain") << QString();
    QTest::addRow("none") << QString() << QString();
}

void TestHighlightHtml::syntaxForContentType()
{
    QFETCH(QString, contentType);
    QFETCH(QString, syntax);
    QCOMPARE(HighlightHtml::syntaxForContentType(contentType), syntax);
}

QTEST_GUILESS_MAIN(TestHighlightHtml)
#include "tst_highlighthtml.moc"
