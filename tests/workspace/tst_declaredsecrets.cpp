// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/secrets.h"
#include "workspace/declaredsecrets.h"
#include "workspace/workspaceloader.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDeclaredSecrets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        qputenv("OPSDECK_TEST_DECLARED", "declared-value");
        qputenv("OPSDECK_TEST_PRIVATE", "private-value");
        qunsetenv("OPSDECK_TEST_UNSET");
        Secrets::clearKeychain();
    }

    void onlyDeclaredNamesResolve()
    {
        const DeclaredSecrets declared({ u"OPSDECK_TEST_DECLARED"_s, u"OPSDECK_TEST_UNSET"_s });
        QStringList missing;
        QList<QPair<QString, QString>> secrets;
        const QString text = declared.resolve(
            u"https://x.test/?a=${OPSDECK_TEST_DECLARED}&b=${OPSDECK_TEST_PRIVATE}&c=${OPSDECK_TEST_UNSET}"_s, &missing,
            &secrets);
        // The private variable is set, but not declared: it stays a reference and nothing of it is sent.
        QCOMPARE(text, u"https://x.test/?a=declared-value&b=${OPSDECK_TEST_PRIVATE}&c=${OPSDECK_TEST_UNSET}"_s);
        QCOMPARE(missing, (QStringList { u"OPSDECK_TEST_PRIVATE"_s, u"OPSDECK_TEST_UNSET"_s }));
        QCOMPARE(secrets.size(), 2);
        QCOMPARE(secrets.first(), (QPair<QString, QString>(u"declared-value"_s, u"${OPSDECK_TEST_DECLARED}"_s)));
        QCOMPARE(declared.describeMissing(missing),
            u"OPSDECK_TEST_PRIVATE is not declared in the workspace's secrets; OPSDECK_TEST_UNSET is not set in the "
            "environment"_s);
    }

    void nothingDeclaredNothingResolves()
    {
        QStringList missing;
        QList<QPair<QString, QString>> secrets;
        QCOMPARE(DeclaredSecrets().resolve(u"${OPSDECK_TEST_DECLARED}"_s, &missing, &secrets),
            u"${OPSDECK_TEST_DECLARED}"_s);
        QCOMPARE(missing, QStringList { u"OPSDECK_TEST_DECLARED"_s });
        QVERIFY(secrets.isEmpty());
    }

    void keychainReasonIsGiven()
    {
        Secrets::setKeychainMiss(u"OPSDECK_TEST_UNSET"_s, u"no keychain"_s);
        QCOMPARE(DeclaredSecrets({ u"OPSDECK_TEST_UNSET"_s }).whyMissing(u"OPSDECK_TEST_UNSET"_s),
            u"OPSDECK_TEST_UNSET is not set in the environment nor in the keychain (no keychain)"_s);
    }

    void ofAWorkspace()
    {
        const LoadResult loaded = WorkspaceLoader::loadData(
            "secrets: [{ name: OPSDECK_TEST_DECLARED, description: x }]\nendpoints:\n  - name: e\n"
            "    url: https://x.test/\n    headers: { A: \"${OPSDECK_TEST_DECLARED}\" }\n",
            u"w.yaml"_s);
        QVERIFY(loaded.ok());
        const DeclaredSecrets declared = DeclaredSecrets::of(*loaded.workspace);
        QVERIFY(declared.declares(u"OPSDECK_TEST_DECLARED"_s));
        QVERIFY(!declared.declares(u"OPSDECK_TEST_PRIVATE"_s));
    }
};

QTEST_GUILESS_MAIN(TestDeclaredSecrets)
#include "tst_declaredsecrets.moc"
