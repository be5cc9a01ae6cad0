// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Both .ts files complete: every entry finished, none vanished or obsolete, every Korean translation non-empty and
// keeping the source's placeholders. Fails as soon as lupdate adds a string nobody translated.

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {
struct Message
{
    QString context;
    QString source;
    QString type; // translation@type
    QStringList translations; // one, or the numerus forms
    bool numerus = false;
};

QString translationsDir()
{
    const QString source = qEnvironmentVariable("OPSDECK_SOURCE_DIR");
    return source.isEmpty() ? QStringLiteral(OPSDECK_TRANSLATIONS_DIR) : source + u"/translations"_s;
}

QList<Message> readTs(const QString &path, QString *language, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && current.numerus && xml.name() == QLatin1String("translation")) {
            messages << current;
            current = Message();
            continue;
        }
        if (!xml.isStartElement()) {
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message();
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!current.numerus) {
                current.translations << xml.readElementText();
                messages << current;
            }
        } else if (name == QLatin1String("numerusform")) {
            current.translations << xml.readElementText();
        }
    }
    if (xml.hasError()) {
        *error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    }
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%(?:n|L?\\d+)"_s);
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        found << it.next().captured();
    }
    found.sort();
    found.removeDuplicates();
    return found;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data();
    void complete();
    void sameEntries();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("language");
    QTest::addRow("en") << u"opsdeck_en.ts"_s << u"en"_s;
    QTest::addRow("ko") << u"opsdeck_ko.ts"_s << u"ko"_s;
}

void TestTranslations::complete()
{
    QFETCH(QString, file);
    QFETCH(QString, language);
    QString declared;
    QString error;
    const QList<Message> messages = readTs(translationsDir() + QLatin1Char('/') + file, &declared, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 50, "suspiciously few messages; wrong file?");
    QVERIFY2(declared.startsWith(language), qPrintable(declared));

    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + u" \""_s + m.source + QLatin1Char('"');
        if (!m.type.isEmpty()) {
            problems << u"%1: %2"_s.arg(m.type, where);
            continue;
        }
        if (m.translations.isEmpty() || m.translations.contains(QString())) {
            problems << u"empty translation: %1"_s.arg(where);
            continue;
        }
        for (const QString &t : m.translations) {
            if (placeholders(t) != placeholders(m.source)) {
                problems << u"placeholders differ: %1 -> \"%2\""_s.arg(where, t);
            }
        }
        if (language == QLatin1String("en") && !m.numerus && m.translations.first() != m.source) {
            problems << u"English differs from its source: %1"_s.arg(where);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::sameEntries()
{
    QString language;
    QString error;
    QSet<QString> en;
    for (const Message &m : readTs(translationsDir() + u"/opsdeck_en.ts"_s, &language, &error)) {
        en.insert(m.context + QLatin1Char('\x1f') + m.source);
    }
    QSet<QString> ko;
    for (const Message &m : readTs(translationsDir() + u"/opsdeck_ko.ts"_s, &language, &error)) {
        ko.insert(m.context + QLatin1Char('\x1f') + m.source);
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(ko, en);
}

QTEST_APPLESS_MAIN(TestTranslations)
#include "tst_translations.moc"
