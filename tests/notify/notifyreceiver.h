// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A loopback HTTP/1.1 server for notification tests that records every request it receives (method, path, headers,
// body) and answers each path as told: a status with headers and body, silence, or a TCP reset.
class NotifyReceiver final : public QTcpServer
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
    };
    struct Answer
    {
        enum class Mode { Reply, Silent, Reset };
        Mode mode = Mode::Reply;
        int status = 200;
        QByteArray headers; // "Name: value\r\n" lines
        QByteArray body;
    };

    explicit NotifyReceiver(QObject *parent = nullptr);
    bool start(); // on 127.0.0.1, a free port
    QUrl url(const QString &path) const;

    // Unknown paths answer 404.
    void setAnswer(const QByteArray &path, const Answer &answer) { m_answers.insert(path, { answer }); }
    void setAnswers(const QByteArray &path, const QList<Answer> &answers) { m_answers.insert(path, answers); }
    static Answer ok() { return { Answer::Mode::Reply, 200, "Content-Type: text/plain\r\n", "ok" }; }
    const QList<Request> &requests() const { return m_requests; }
    int count(const QByteArray &path) const;

Q_SIGNALS:
    void requestReceived(const QByteArray &path);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void answer(QTcpSocket *socket, const Request &request);

    QHash<QByteArray, QList<Answer>> m_answers;
    QList<Request> m_requests;
};
