// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/silencedialog.h"
#include "ui/languagemanager.h"

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

private Q_SLOTS:
    void defaultsAndMatchers();
    void chosenDurationAndComment();
    void emptyCommentCannotBeSent();
    void koreanLayout();
};

namespace {

Alert alert()
{
    Alert a;
    a.name = u"SkinHighErrorRate"_s;
    a.summary = u"High error rate"_s;
    a.labels = { { u"alertname"_s, u"SkinHighErrorRate"_s }, { u"severity"_s, u"warning"_s } };
    return a;
}

} // namespace

void TestSilenceDialog::defaultsAndMatchers()
{
    SilenceDialog dialog(alert());
    QCOMPARE(dialog.duration(), 1h);
    QCOMPARE(dialog.comment(), u"Silenced from the OpsDeck console"_s);
    QCOMPARE(dialog.durationBox()->count(), SilenceDialog::durations().size());
    QCOMPARE(dialog.durationBox()->currentText(), u"1 hour"_s);
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        texts.append(label->text());
    }
    QVERIFY2(texts.contains(u"Silence SkinHighErrorRate: High error rate"_s), qPrintable(texts.join(u'|')));
    QVERIFY2(texts.contains(u"Matches: alertname=SkinHighErrorRate, severity=warning"_s), qPrintable(texts.join(u'|')));
    QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestSilenceDialog::chosenDurationAndComment()
{
    SilenceDialog dialog(alert());
    dialog.durationBox()->setCurrentIndex(dialog.durationBox()->findText(u"4 hours"_s));
    QCOMPARE(dialog.duration(), 4h);
    dialog.setDuration(7 * 24h);
    QCOMPARE(dialog.durationBox()->currentText(), u"1 week"_s);
    dialog.commentEdit()->selectAll();
    QTest::keyClicks(dialog.commentEdit(), u"  deploy in progress, INC-42  "_s);
    QCOMPARE(dialog.comment(), u"deploy in progress, INC-42"_s);
    QCOMPARE(dialog.alert().name, u"SkinHighErrorRate"_s);
}

void TestSilenceDialog::emptyCommentCannotBeSent()
{
    SilenceDialog dialog(alert());
    dialog.commentEdit()->setText(u"   "_s);
    QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.commentEdit()->setText(u"checking"_s);
    QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestSilenceDialog::koreanLayout()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(u"ko"_s));
    SilenceDialog dialog(alert());
    dialog.commentEdit()->setText(u"롤백 진행 중"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Ok)->text(), u"사일런스"_s);
    // Every one-line label gets at least the width its text needs.
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (!label->wordWrap() && label->isVisible()) {
            QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
        }
    }
    if (qEnvironmentVariableIsSet("OPSDECK_SCREENSHOT_DIR")) {
        dialog.grab().save(QDir(qEnvironmentVariable("OPSDECK_SCREENSHOT_DIR")).filePath(u"silencedialog-ko.png"_s));
    }
    QVERIFY(languages.setLanguage(u"en"_s));
}

QTEST_MAIN(TestSilenceDialog)
#include "tst_silencedialog.moc"
