// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "highlight/highlighthtml.h"

#include <QTest>

using namespace Qt::StringLiterals;

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
    const QString tail = u"\n</pre></body></html>\n"_s;
    QTest::addRow("tool page") << head + u"<span style=\"color:#f67400;\">1</span> &quot;x&quot;"_s
            + tail << u"<pre style=\"margin:0\"><span style=\"color:#f67400;\">1</span> &quot;x&quot;</pre>"_s;
    QTest::addRow("foreign tags dropped")
        << head + u"<script>alert(1)</script><img src=x><span onclick=\"y\">a</span>"_s + tail
        << u"<pre style=\"margin:0\">alert(1)a</span></pre>"_s;
    QTest::addRow("no pre") << u"<b>x</b> &lt;y&gt;"_s << u"<pre style=\"margin:0\">x &lt;y&gt;</pre>"_s;
    QTest::addRow("empty") << QString() << u"<pre style=\"margin:0\"></pre>"_s;
}

void TestHighlightHtml::sanitize()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(HighlightHtml::sanitize(html), expected);
}

void TestHighlightHtml::plainEscapes()
{
    QCOMPARE(HighlightHtml::plain(u"<a href=\"x\">&</a>"_s),
        u"<pre style=\"margin:0\">&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;</pre>"_s);
}

void TestHighlightHtml::prettyJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    QTest::addRow("object") << QByteArray(R"({"b":1,"a":[true]})") << true
                            << u"{\n    \"a\": [\n        true\n    ],\n    \"b\": 1\n}"_s;
    QTest::addRow("array") << QByteArray("[1]") << true << u"[\n    1\n]"_s;
    QTest::addRow("malformed") << QByteArray(R"({"a":)") << false << u"{\"a\":"_s;
    QTest::addRow("html") << QByteArray("<h1>502</h1>") << false << u"<h1>502</h1>"_s;
    QTest::addRow("korean") << QByteArray("{\"상태\":\"정상\"}") << true << u"{\n    \"상태\": \"정상\"\n}"_s;
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
    QTest::addRow("json") << u"application/json; charset=utf-8"_s << u"JSON"_s;
    QTest::addRow("problem+json") << u"application/problem+json"_s << u"JSON"_s;
    QTest::addRow("yaml") << u"application/yaml"_s << u"YAML"_s;
    QTest::addRow("html") << u"Text/HTML"_s << u"HTML"_s;
    QTest::addRow("xml") << u"application/xml"_s << u"XML"_s;
    QTest::addRow("plain") << u"text/plain"_s << QString();
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
