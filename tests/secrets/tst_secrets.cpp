// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/httpprobe.h"
#include "secrets/secrets.h"
#include "workspace/workspaceloader.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// ${NAME} values: the environment first, then the OS keychain (a real GNOME keyring on a private D-Bus session,
// see with-keyring.sh); `opsdeck secret set|delete` writes the entries, and without a keychain the error says why.
class TestSecrets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void environmentBeatsKeychain();
    void workspaceListsItsSecrets();
    void probeResolvesFromKeychainAndRedacts();
    void secretCommandStoresAndDeletes();
    void secretCommandRejectsBadInput();
    void withoutKeychainTheReasonIsNamed();

private:
    static QProcess *opsdeck(const QStringList &args, const QProcessEnvironment &env);
    static bool load(const QStringList &names);
    QTemporaryDir m_dir;
};

void TestSecrets::init()
{
    Secrets::clearKeychain();
    qunsetenv("OPSDECK_TEST_SECRET");
}

QProcess *TestSecrets::opsdeck(const QStringList &args, const QProcessEnvironment &env)
{
    auto *process = new QProcess;
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(OPSDECK_APP_PATH), args);
    return process;
}

bool TestSecrets::load(const QStringList &names)
{
    KeychainLoader loader;
    QSignalSpy finished(&loader, &KeychainLoader::finished);
    loader.load(names);
    return finished.wait(20000) && !loader.isLoading();
}

void TestSecrets::environmentBeatsKeychain()
{
    Secrets::setKeychainValue(u"OPSDECK_TEST_SECRET"_s, u"from-keychain"_s);
    QCOMPARE(Secrets::value(u"OPSDECK_TEST_SECRET"_s), u"from-keychain"_s);
    qputenv("OPSDECK_TEST_SECRET", "from-environment");
    QCOMPARE(Secrets::value(u"OPSDECK_TEST_SECRET"_s), u"from-environment"_s);
    QCOMPARE(Secrets::missing({ u"OPSDECK_TEST_SECRET"_s, u"OPSDECK_TEST_ABSENT"_s }),
        QStringList { u"OPSDECK_TEST_ABSENT"_s });
    QCOMPARE(Secrets::whyMissing(u"OPSDECK_TEST_ABSENT"_s), u"OPSDECK_TEST_ABSENT is not set in the environment"_s);
}

void TestSecrets::workspaceListsItsSecrets()
{
    const QByteArray yaml = R"(workspace: { id: s, title: S }
secrets:
  - { name: API_PATH, description: Path }
  - { name: API_TOKEN, description: Token }
  - { name: ADMIN_TOKEN, description: Admin token }
endpoints:
  - name: api
    url: "https://127.0.0.1:1/${API_PATH}"
    headers: { Authorization: "Bearer ${API_TOKEN}" }
runbooks:
  - id: rb
    title: RB
    steps:
      - http: { method: POST, url: "https://127.0.0.1:1/rollback", headers: { X-Key: "${ADMIN_TOKEN}" }, body: "${API_TOKEN}" }
        confirm: true
)";
    const LoadResult loaded = WorkspaceLoader::loadData(yaml, u"secrets.yaml"_s);
    QVERIFY2(loaded.ok(), loaded.diagnostics.isEmpty() ? "" : qPrintable(loaded.diagnostics.constFirst().toString()));
    QCOMPARE(loaded.workspace->secretNames, QStringList({ u"API_PATH"_s, u"API_TOKEN"_s, u"ADMIN_TOKEN"_s }));
}

void TestSecrets::probeResolvesFromKeychainAndRedacts()
{
    // Stored in the real keychain, read back by the loader, resolved at send time like the environment.
    KeychainWriter writer;
    QSignalSpy written(&writer, &KeychainWriter::finished);
    writer.store(u"OPSDECK_TEST_SECRET"_s, u"kc-canary-93f1"_s);
    QVERIFY(written.wait(20000));
    QCOMPARE(written.constFirst().at(0).toString(), QString());
    Secrets::clearKeychain();
    QVERIFY(!Secrets::isSet(u"OPSDECK_TEST_SECRET"_s));
    QVERIFY(load({ u"OPSDECK_TEST_SECRET"_s }));
    QStringList missing;
    QList<QPair<QString, QString>> secrets;
    const QString header = HttpProbe::resolveTemplate(u"Bearer ${OPSDECK_TEST_SECRET}"_s, &missing, &secrets);
    QCOMPARE(header, u"Bearer kc-canary-93f1"_s);
    QVERIFY(missing.isEmpty());
    QVERIFY(!secrets.isEmpty());
    QCOMPARE(secrets.constFirst().first, u"kc-canary-93f1"_s);
    QCOMPARE(secrets.constFirst().second, u"${OPSDECK_TEST_SECRET}"_s);
}

void TestSecrets::secretCommandStoresAndDeletes()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    std::unique_ptr<QProcess> set(
        opsdeck({ u"secret"_s, u"set"_s, u"OPSDECK_TEST_SECRET"_s, u"--lang"_s, u"en"_s }, env));
    set->write("cli-canary-5c2e\n");
    set->closeWriteChannel();
    QVERIFY(set->waitForFinished(30000));
    const QString setOutput = QString::fromUtf8(set->readAllStandardOutput() + set->readAllStandardError());
    QCOMPARE(set->exitCode(), 0);
    QVERIFY2(setOutput.contains(u"OPSDECK_TEST_SECRET is stored in the keychain"_s), qPrintable(setOutput));
    QVERIFY(!setOutput.contains(u"cli-canary-5c2e"_s));
    QVERIFY(load({ u"OPSDECK_TEST_SECRET"_s }));
    QCOMPARE(Secrets::value(u"OPSDECK_TEST_SECRET"_s), u"cli-canary-5c2e"_s);

    std::unique_ptr<QProcess> remove(
        opsdeck({ u"secret"_s, u"delete"_s, u"OPSDECK_TEST_SECRET"_s, u"--lang"_s, u"en"_s }, env));
    QVERIFY(remove->waitForFinished(30000));
    QCOMPARE(remove->exitCode(), 0);
    QVERIFY(load({ u"OPSDECK_TEST_SECRET"_s }));
    QVERIFY(!Secrets::isSet(u"OPSDECK_TEST_SECRET"_s));
    QCOMPARE(Secrets::whyMissing(u"OPSDECK_TEST_SECRET"_s),
        u"OPSDECK_TEST_SECRET is not set in the environment nor in the keychain (no entry)"_s);
}

void TestSecrets::secretCommandRejectsBadInput()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    std::unique_ptr<QProcess> badName(opsdeck({ u"secret"_s, u"set"_s, u"9LIVES"_s, u"--lang"_s, u"en"_s }, env));
    badName->closeWriteChannel();
    QVERIFY(badName->waitForFinished(30000));
    QCOMPARE(badName->exitCode(), 2);
    QVERIFY(badName->readAllStandardError().contains("\"9LIVES\" is not a secret name"));
    std::unique_ptr<QProcess> empty(
        opsdeck({ u"secret"_s, u"set"_s, u"OPSDECK_TEST_SECRET"_s, u"--lang"_s, u"en"_s }, env));
    empty->closeWriteChannel();
    QVERIFY(empty->waitForFinished(30000));
    QCOMPARE(empty->exitCode(), 2);
    QVERIFY(empty->readAllStandardError().contains("no value on standard input; nothing was stored"));
}

void TestSecrets::withoutKeychainTheReasonIsNamed()
{
    // `opsdeck check` on a machine without a session bus: the endpoint is not checked and the reason is given.
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"nokeychain.yaml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"(workspace: { id: nk, title: No keychain }
secrets:
  - { name: OPSDECK_TEST_NOWHERE, description: Not set anywhere }
endpoints:
  - name: admin
    url: "http://127.0.0.1:1/admin"
    headers: { Authorization: "Bearer ${OPSDECK_TEST_NOWHERE}" }
    conditions: ["[STATUS] == 200"]
)");
    file.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : { u"DBUS_SESSION_BUS_ADDRESS"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s }) {
        env.remove(name);
    }
    // --yes: past the trust gate, so that the missing secret is what stops the request.
    std::unique_ptr<QProcess> check(opsdeck({ u"check"_s, path, u"--yes"_s, u"--lang"_s, u"en"_s }, env));
    QVERIFY(check->waitForFinished(30000));
    const QString output = QString::fromUtf8(check->readAllStandardOutput());
    QCOMPARE(check->exitCode(), 3); // UNKNOWN: not checked
    QVERIFY2(output.contains(u"OPSDECK_TEST_NOWHERE is not set in the environment nor in the keychain ("_s),
        qPrintable(output));
    QVERIFY2(output.contains(u"nothing was sent"_s), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
