// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoservice.h"
#include "demostate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <cerrno>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>

using namespace Qt::StringLiterals;
#endif

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "opsdeck-demo-service: %s\n", qPrintable(message));
}

// The parent holds the write end of our stdin; when it exits (cleanly or by crashing) we read EOF and leave too.
void exitWithStdin()
{
#ifdef Q_OS_LINUX
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() == 1) { // the parent died before prctl took effect
        std::exit(0);
    }
#endif
#ifdef Q_OS_UNIX
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, notifier, [notifier] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
            notifier->setEnabled(false);
            QCoreApplication::exit(0);
        }
    });
#endif
}

QByteArray randomToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toHex();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"opsdeck-demo-service"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(OPSDECK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "OpsDeck's demo service: health, metrics, admin and fault injection on 127.0.0.1."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        u"port"_s, QCoreApplication::translate("main", "Port to listen on (0 = any free port)."), u"N"_s, u"0"_s);
    const QCommandLineOption tokenOption(u"token"_s,
        QCoreApplication::translate("main", "Admin bearer token (default: $OPSDECK_DEMO_TOKEN, else random)."), u"T"_s);
    const QCommandLineOption seedOption(
        u"seed"_s, QCoreApplication::translate("main", "Seed of the simulated traffic (default: random)."), u"N"_s);
    const QCommandLineOption stdinOption(u"exit-with-stdin"_s,
        QCoreApplication::translate("main", "Exit when standard input reaches end of file (parent went away)."));
    parser.addOptions({ portOption, tokenOption, seedOption, stdinOption });
    parser.process(app);

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        fail(QCoreApplication::translate("main", "--port: expected a number from 0 to 65535, got \"%1\"")
                 .arg(parser.value(portOption)));
        return 2;
    }
    quint32 seed = QRandomGenerator::system()->generate();
    if (parser.isSet(seedOption)) {
        seed = parser.value(seedOption).toUInt(&ok);
        if (!ok) {
            fail(QCoreApplication::translate("main", "--seed: expected a non-negative number, got \"%1\"")
                     .arg(parser.value(seedOption)));
            return 2;
        }
    }
    QByteArray token = parser.isSet(tokenOption) ? parser.value(tokenOption).toUtf8() : qgetenv("OPSDECK_DEMO_TOKEN");
    if (token.isEmpty()) {
        token = randomToken();
        std::fprintf(stderr, "opsdeck-demo-service: generated admin token: %s\n", token.constData());
    }
    if (parser.isSet(stdinOption)) {
        exitWithStdin();
    }

    DemoState state(seed);
    DemoService service(&state, token);
    const quint16 bound = service.listen(quint16(port));
    if (bound == 0) {
        fail(QCoreApplication::translate("main", "cannot listen on 127.0.0.1:%1").arg(port));
        return 1;
    }
    std::printf("opsdeck-demo-service listening on http://127.0.0.1:%u\n", unsigned(bound));
    std::fflush(stdout);
    return app.exec();
}
