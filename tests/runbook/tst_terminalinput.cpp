// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/terminalinput.h"

#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

// Answers typed into a pipe arrive line by line, only when asked for, and the end of input is reported once per
// question.
class TestTerminalInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void linesArriveOnlyWhenRequested();
    void endOfInputAnswersEveryQuestion();
    void closedDescriptorIsEndOfInput();

private:
    void write(const QByteArray &bytes) { QCOMPARE(::write(m_fds[1], bytes.constData(), bytes.size()), bytes.size()); }
    void closeWriter();
    int m_fds[2] = { -1, -1 };
};

void TestTerminalInput::init()
{
    QCOMPARE(::pipe(m_fds), 0);
}

void TestTerminalInput::cleanup()
{
    closeWriter();
    ::close(m_fds[0]);
}

void TestTerminalInput::closeWriter()
{
    if (m_fds[1] >= 0) {
        ::close(m_fds[1]);
        m_fds[1] = -1;
    }
}

void TestTerminalInput::linesArriveOnlyWhenRequested()
{
    TerminalInput input(m_fds[0]);
    QVERIFY(!input.isTerminal());
    QSignalSpy lines(&input, &TerminalInput::lineRead);
    write("yes\r\nproduction\npart");
    QTest::qWait(50);
    QCOMPARE(lines.count(), 0); // nothing is read before a question

    input.request();
    QVERIFY(lines.wait(5000));
    QCOMPARE(lines.at(0).at(0).toString(), u"yes"_s);
    input.request(); // typed ahead: already buffered
    QVERIFY(lines.wait(5000));
    QCOMPARE(lines.at(1).at(0).toString(), u"production"_s);

    input.request();
    QVERIFY(!lines.wait(200)); // half a line is not an answer
    write("ial\n");
    QVERIFY(lines.wait(5000));
    QCOMPARE(lines.at(2).at(0).toString(), u"partial"_s);
    QCOMPARE(lines.count(), 3);
}

void TestTerminalInput::endOfInputAnswersEveryQuestion()
{
    TerminalInput input(m_fds[0]);
    QSignalSpy lines(&input, &TerminalInput::lineRead);
    QSignalSpy closed(&input, &TerminalInput::closed);
    write("last line without newline");
    closeWriter();
    input.request();
    QVERIFY(lines.wait(5000));
    QCOMPARE(lines.at(0).at(0).toString(), u"last line without newline"_s);
    input.request();
    QVERIFY(closed.wait(5000));
    input.request();
    QVERIFY(closed.wait(5000));
    QCOMPARE(closed.count(), 2);
    QCOMPARE(lines.count(), 1);
}

void TestTerminalInput::closedDescriptorIsEndOfInput()
{
    const int fd = ::dup(m_fds[0]);
    ::close(fd);
    TerminalInput input(fd);
    QSignalSpy closed(&input, &TerminalInput::closed);
    input.request();
    QVERIFY(closed.wait(5000));
}

QTEST_GUILESS_MAIN(TestTerminalInput)
#include "tst_terminalinput.moc"
