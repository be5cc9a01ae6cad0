// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/templatetext.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestTemplateText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("bad"); // the reference the error names; empty = valid
        QTest::addColumn<QStringList>("names");
        QTest::addRow("no reference") << u"https://x.example/health"_s << QString() << QStringList();
        QTest::addRow("one") << u"Bearer ${ADMIN_TOKEN}"_s << QString() << QStringList { u"ADMIN_TOKEN"_s };
        QTest::addRow("two, repeated") << u"${HOST}:${PORT}/${HOST}"_s << QString()
                                       << QStringList { u"HOST"_s, u"PORT"_s };
        QTest::addRow("underscore start") << u"${_X1}"_s << QString() << QStringList { u"_X1"_s };
        QTest::addRow("lone dollar") << u"costs $5 {ok}"_s << QString() << QStringList();
        QTest::addRow("unclosed at end") << u"token ${"_s << u"${"_s << QStringList();
        QTest::addRow("unclosed name") << u"${TOKEN and more"_s << u"${TOKEN and more"_s << QStringList();
        QTest::addRow("digit start") << u"x ${1BAD} y"_s << u"${1BAD}"_s << QStringList();
        QTest::addRow("empty name") << u"${}"_s << u"${}"_s << QStringList();
        QTest::addRow("dash") << u"${MY-TOKEN}"_s << u"${MY-TOKEN}"_s << QStringList();
        QTest::addRow("bad after good") << u"${OK} ${2}"_s << u"${2}"_s << QStringList { u"OK"_s };
    }
    void check()
    {
        QFETCH(QString, text);
        QFETCH(QString, bad);
        QFETCH(QStringList, names);
        const QString error = TemplateText::check(text);
        if (bad.isEmpty()) {
            QCOMPARE(error, QString());
        } else {
            QCOMPARE(error,
                u"malformed reference \"%1\": expected ${NAME} where NAME is letters, digits and _ and does not "
                "start with a digit"_s.arg(bad));
        }
        QCOMPARE(TemplateText::names(text), names);
    }
};

QTEST_GUILESS_MAIN(TestTemplateText)
#include "tst_templatetext.moc"
