// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/validatecommand.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestValidateCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void run_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("lines"); // %1 = the path as given
        const QByteArray health = "  - name: health\n    url: https://x.test/health\n";
        QTest::addRow("ok") << QByteArray("endpoints:\n" + health) << 0
                            << QStringList { u"%1: OK (1 endpoint, 0 KPIs, 0 checklists, 0 runbooks)"_s };
        QTest::addRow("ok with a warning")
            << QByteArray("endpoints:\n" + health
                   + "    alerts: []\nkpis:\n  - { id: a, title: A, source: { prometheus: up } }\n"
                     "  - { id: b, title: B, source: { prometheus: up } }\n")
            << 0
            << QStringList { u"%1:4:5: warning: endpoints[0].alerts: Gatus key \"alerts\" is not supported by OpsDeck "
                             "and is ignored"_s,
                   u"%1: OK (1 endpoint, 2 KPIs, 0 checklists, 0 runbooks), 1 warning"_s };
        QTest::addRow("errors and a warning")
            << QByteArray("endpoints:\n" + health + "    interval: soon\n    colour: red\n    timeout: later\n") << 1
            << QStringList { u"%1:4:15: endpoints[0].interval: expected a duration like 30s, got \"soon\""_s,
                   u"%1:5:5: warning: endpoints[0].colour: unknown key \"colour\""_s,
                   u"%1:6:14: endpoints[0].timeout: expected a duration like 30s, got \"later\""_s,
                   u"%1: 2 errors, 1 warning"_s };
        // Issue 16: yaml-cpp's LoadAll() allocated without end on this file; validate answers at once.
        QTest::addRow("17-byte allocation bomb")
            << QByteArray("{a: 1},\nb: true\n") << 1
            << QStringList { u"%1:1:7: unexpected \",\" after the end of the document"_s, u"%1: 1 error"_s };
        QTest::addRow("undeclared secret")
            << QByteArray("endpoints:\n" + health + "    headers: { X-Key: \"${MY_PRIVATE_VAR}\" }\n") << 1
            << QStringList { u"%1:4:23: endpoints[0].headers.X-Key: secret \"${MY_PRIVATE_VAR}\" is not declared: "
                             "add it to the top-level secrets list"_s,
                   u"%1: 1 error"_s };
        QTest::addRow("notification routes")
            << QByteArray("endpoints:\n" + health
                   + "notifications:\n  providers:\n    - { id: sms, kind: pigeon, url: \"https://sms.example/hook\" "
                     "}\n"
                     "  routes:\n    - { id: a, to: [email] }\n    - { id: b, events: [kpi] }\n"
                     "    - { id: c, to: sms, flap-guard: 5 }\n")
            << 1
            << QStringList {
                   u"%1:6:24: notifications.providers[0].kind: unknown provider kind \"pigeon\" (expected one "
                   "of: slack, mattermost, discord, teams, webhook, pagerduty, ntfy, email)"_s,
                   u"%1:8:21: notifications.routes[0].to[0]: unknown provider \"email\""_s,
                   u"%1:9:7: notifications.routes[1]: the route sends nowhere: give its providers with to: [provider "
                   "ids]"_s,
                   u"%1:10:37: notifications.routes[2].flap-guard: expected a duration like 30s, got \"5\""_s,
                   u"%1: 4 errors"_s
               };
        QTest::addRow("one error") << QByteArray("endpoints: 3\n") << 1
                                   << QStringList { u"%1:1:12: endpoints: expected a list, got \"3\""_s,
                                          u"%1: 1 error"_s };
    }
    void run()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, exitCode);
        QFETCH(QStringList, lines);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(u"meetpin.yaml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(yaml);
        file.close();
        // Diagnostics name the file as the user wrote it: run from its directory with a relative path.
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        QString output;
        QTextStream out(&output);
        const int code = runValidateCommand(u"meetpin.yaml"_s, out);
        QDir::setCurrent(previous);
        QCOMPARE(output.split(u'\n', Qt::SkipEmptyParts), lines.replaceInStrings(u"%1"_s, u"meetpin.yaml"_s));
        QCOMPARE(code, exitCode);
    }

    void missingFile()
    {
        QString output;
        QTextStream out(&output);
        QCOMPARE(runValidateCommand(u"/nonexistent/x.yaml"_s, out), 1);
        QVERIFY(output.startsWith(u"/nonexistent/x.yaml: cannot read the file: "_s));
        QVERIFY(output.endsWith(u"/nonexistent/x.yaml: 1 error\n"_s));
    }
};

QTEST_GUILESS_MAIN(TestValidateCommand)
#include "tst_validatecommand.moc"
