// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/SlurmCommandBase.h"

#include "cli/CliHostKeyPolicy.h"
#include "slurm/SlurmActions.h"
#include "slurm/SlurmEndpoint.h"
#include "slurm/SlurmMonitor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SlurmDeck {

SlurmCommandBase::SlurmCommandBase(QObject *parent) : ClusterCommand(parent)
{}

SlurmCommandBase::~SlurmCommandBase() = default;

QString SlurmCommandBase::controllerHost() const
{
    return m_monitor ? m_monitor->endpoint().controllerHost : QString();
}

void SlurmCommandBase::prepareMonitor(std::function<void()> ready)
{
    prepareCluster(
        [this, ready] {
            Result<SlurmEndpoint> endpoint = SlurmEndpoint::fromPlan(plan(), targets());
            if (!endpoint) {
                fail(endpoint.error());
                return;
            }
            m_monitor = session().monitor(std::move(endpoint).value(), this);
            m_actions = new SlurmActions(m_monitor, this);
            ready();
        },
        false);
}

void SlurmCommandBase::readSnapshot(std::function<void(const ClusterSnapshot &)> done)
{
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_monitor, &SlurmMonitor::snapshotUpdated, this,
                          [connection, done](const ClusterSnapshot &snapshot) {
                              disconnect(*connection);
                              done(snapshot);
                          });
    m_monitor->refreshNow();
}

void SlurmCommandBase::fail(const Error &error, int exitCode)
{
    err() << error.message << u'\n';
    if (!error.detail.isEmpty())
        err() << QStringLiteral("  ") << error.detail << u'\n';
    if (error.code == Error::Code::HostKeyUnknown)
        hintAboutHostKeys();
    done(exitCode);
}

void SlurmCommandBase::reportItem(const QString &item, const Result<QString> &result)
{
    if (result) {
        out() << *result << u'\n';
    } else {
        ++m_itemFailures;
        err() << item << QStringLiteral(": ") << result.error().toString() << u'\n';
    }
    out().flush();
}

void SlurmCommandBase::finishItems()
{
    done(m_itemFailures == 0 ? CliOk : CliFailure);
}

void SlurmCommandBase::printJson(const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

void SlurmCommandBase::reportStale(const ClusterSnapshot &snapshot)
{
    for (const SourceHealth *source : {&snapshot.ssh, &snapshot.controller}) {
        if (!source->ok) {
            err() << tr("%1: %2\n").arg(source->name, source->error);
            if (source == &snapshot.ssh)
                break; // the others only say they are hidden behind it
        }
    }
    if (!snapshot.ssh.ok)
        hintAboutHostKeys();
}

} // namespace SlurmDeck
