// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/PortProber.h"

#include <QTcpSocket>
#include <QTimer>

namespace SlurmDeck {

PortProber::PortProber(QObject *parent) : QObject(parent)
{}

PortProber::~PortProber()
{
    cancel();
}

void PortProber::start(const QList<QHostAddress> &addresses, quint16 port)
{
    cancel();
    m_port = port;
    m_pending.clear();
    for (const QHostAddress &address : addresses)
        m_pending.enqueue(address);
    m_total = static_cast<int>(addresses.size());
    m_done = 0;
    m_running = true;
    if (m_pending.isEmpty()) {
        m_running = false;
        QTimer::singleShot(0, this, &PortProber::finished);
        return;
    }
    launchMore();
}

void PortProber::cancel()
{
    m_pending.clear();
    const QList<QTcpSocket *> active = m_active;
    m_active.clear();
    for (QTcpSocket *socket : active) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_running = false;
}

void PortProber::launchMore()
{
    while (m_active.size() < m_concurrency && !m_pending.isEmpty()) {
        const QHostAddress address = m_pending.dequeue();
        auto *socket = new QTcpSocket(this);
        socket->setProperty("probeAddress", QVariant::fromValue(address.toString()));
        m_active.append(socket);

        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, socket] { complete(socket, false, tr("timed out")); });
        connect(socket, &QTcpSocket::connected, this, [this, socket] { complete(socket, true, tr("open")); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
            complete(socket, false,
                     error == QAbstractSocket::ConnectionRefusedError ? tr("connection refused")
                                                                      : socket->errorString());
        });
        timer->start(m_timeout);
        socket->connectToHost(address, m_port);
    }
}

void PortProber::complete(QTcpSocket *socket, bool open, const QString &reason)
{
    if (!m_active.removeOne(socket))
        return; // already completed (a timeout racing an error)
    Outcome outcome{QHostAddress(socket->property("probeAddress").toString()), m_port, open, reason};
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    ++m_done;
    emit probed(outcome);
    emit progress(m_done, m_total);
    if (m_pending.isEmpty() && m_active.isEmpty()) {
        m_running = false;
        emit finished();
        return;
    }
    launchMore();
}

} // namespace SlurmDeck
