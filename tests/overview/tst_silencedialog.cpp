// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"
#include "overview/silencedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestSilenceDialog final : public QObject
{
    Q_OBJECT

private slots:
    void showsTheAlertsOwnMatchers();
    void okWaitsForAComment();
    void durationsAreTheChosenOnes();
    void matcherOperators();
    void koreanLayout();

private:
    static Alert alert();
};

Alert TestSilenceDialog::alert()
{
    Alert a;
    a.name = u"SkinHighErrorRate"_s;
    a.labels = { { u"alertname"_s, u"SkinHighErrorRate"_s }, { u"service"_s, u"skin-system"_s },
        { u"severity"_s, u"warning"_s } };
    return a;
}

void TestSilenceDialog::showsTheAlertsOwnMatchers()
{
    SilenceDialog dialog(alert(), u"Kim Ops"_s);
    QCOMPARE(dialog.windowTitle(), u"Silence SkinHighErrorRate"_s);
    const auto *matchers = dialog.findChild<QLabel *>(u"matchers"_s);
    QVERIFY(matchers);
    QCOMPARE(matchers->text(), u"alertname=\"SkinHighErrorRate\", service=\"skin-system\", severity=\"warning\""_s);
    bool shown = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        shown = shown || label->text() == u"Kim Ops"_s;
    }
    QVERIFY(shown);
}

void TestSilenceDialog::okWaitsForAComment()
{
    SilenceDialog dialog(alert(), u"Kim Ops"_s);
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.commentEdit()->setText(u"   "_s);
    QVERIFY(!ok->isEnabled());
    dialog.commentEdit()->setText(u"  rollback in progress "_s);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.comment(), u"rollback in progress"_s);
    ok->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestSilenceDialog::durationsAreTheChosenOnes()
{
    SilenceDialog dialog(alert(), u"Kim Ops"_s);
    QCOMPARE(dialog.duration(), Milliseconds(1h)); // the default
    QComboBox *box = dialog.durationBox();
    QCOMPARE(box->count(), 8);
    box->setCurrentIndex(0);
    QCOMPARE(dialog.duration(), Milliseconds(15min));
    box->setCurrentIndex(box->count() - 1);
    QCOMPARE(dialog.duration(), Milliseconds(72h));
}

void TestSilenceDialog::matcherOperators()
{
    const QList<SilenceMatcher> matchers { { u"a"_s, u"1"_s, false, true }, { u"b"_s, u"2"_s, false, false },
        { u"c"_s, u"x.*"_s, true, true }, { u"d"_s, u"y.*"_s, true, false } };
    QCOMPARE(SilenceDialog::matcherText(matchers), u"a=\"1\", b!=\"2\", c=~\"x.*\", d!~\"y.*\""_s);
}

void TestSilenceDialog::koreanLayout()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(u"ko"_s));
    SilenceDialog dialog(alert(), u"김운영"_s);
    QCOMPARE(dialog.windowTitle(), u"SkinHighErrorRate 사일런스"_s);
    dialog.commentEdit()->setText(u"롤백 진행 중"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Every label gets at least the width its text needs.
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (!label->wordWrap()) {
            QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
        }
    }
    const QImage shot = dialog.grab().toImage();
    QVERIFY(!shot.isNull());
    if (qEnvironmentVariableIsSet("OPSDECK_SCREENSHOT_DIR")) {
        shot.save(QDir(qEnvironmentVariable("OPSDECK_SCREENSHOT_DIR")).filePath(u"silencedialog-ko.png"_s));
    }
    QVERIFY(languages.setLanguage(u"en"_s));
}

QTEST_MAIN(TestSilenceDialog)
#include "tst_silencedialog.moc"
