// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/endpointconditions.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QElapsedTimer>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

// One HTTP(S) request of one endpoint, defended against hostile servers: an overall deadline, a body cap checked
// on Content-Length and on every read, a bounded redirect policy that never downgrades https to http, and TLS
// verification with an optional extra CA. ${NAME} references are resolved from the environment only while the
// request is built; their values never reach the result (error texts are redacted).
class HttpProbe final : public QObject
{
    Q_OBJECT

public:
    HttpProbe(QNetworkAccessManager *nam, const Endpoint &endpoint, QObject *parent = nullptr);
    ~HttpProbe() override;

    // Also look up the host's address for [IP] when the reply does not tell it.
    void setResolveAddress(bool resolve) { m_resolveAddress = resolve; }
    // Never send the request twice: Qt re-sends a request whose connection closed before any answer, which is
    // wrong for a state-changing one. With this set, such a close fails the request instead (no redirects either).
    void setSendOnce(bool once) { m_sendOnce = once; }
    // Sends the request; finished() always follows (never from inside start()).
    void start();
    // Stops the request at once; finished() is emitted with `reason` as the error.
    void abort(const QString &reason);

    const ProbeResult &result() const { return m_result; }
    EndpointConditions::Outcome outcome() const { return m_outcome; }

    // The text with ${NAME} resolved from the environment; names that are not set are appended to `missing`.
    static QString resolveTemplate(const QString &text, QStringList *missing, QList<QPair<QString, QString>> *secrets);

Q_SIGNALS:
    void finished();

private:
    void notSent(const QString &reason);
    void fail(const QString &reason);
    void onReadyRead();
    void onMetaData();
    void send();
    bool followRedirect(int status);
    // Empty when the redirect to `target` may be followed; credentials are dropped when it leaves the origin.
    QString leaveOrigin(const QUrl &target, int status);
    void checkBodyComplete(int status);
    void onSslErrors(const QList<QSslError> &errors);
    void onReplyFinished();
    void complete();
    QString redact(QString text) const;
    double elapsedMs() const;
    static bool isHttpStatusError(int code);

    QNetworkAccessManager *m_nam;
    Endpoint m_endpoint;
    QPointer<QNetworkReply> m_reply;
    QNetworkRequest m_request;
    QByteArray m_verb;
    QByteArray m_payload;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    ProbeResult m_result;
    EndpointConditions::Outcome m_outcome = EndpointConditions::Outcome::Response;
    QList<QPair<QString, QString>> m_secrets; // resolved value, reference
    QStringList m_sslErrors;
    QSet<QUrl> m_visited;
    QUrl m_currentUrl;
    QString m_failure;
    double m_connectStartMs = -1;
    int m_redirects = 0;
    bool m_resolveAddress = false;
    bool m_sendOnce = false;
    bool m_ownEncoding = false; // the endpoint sets Accept-Encoding itself
    bool m_lookupPending = false;
    int m_lookupId = -1;
    bool m_replyDone = false;
    bool m_completed = false;
};
