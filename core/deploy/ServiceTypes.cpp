// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/ServiceTypes.h"

#include <QCoreApplication>
#include <QHash>

namespace SlurmDeck {

namespace {

ServiceState stateFromDocker(const QString &status)
{
    if (status == u"running")
        return ServiceState::Running;
    if (status == u"restarting")
        return ServiceState::Restarting;
    if (status == u"paused")
        return ServiceState::Paused;
    if (status == u"created")
        return ServiceState::Created;
    return ServiceState::Exited; // exited, dead, removing
}

// Which of two containers of one service to show: a live one, else the latest.
bool preferred(const ServiceStatus &candidate, const ServiceStatus &current)
{
    const bool candidateLive = candidate.state == ServiceState::Running;
    const bool currentLive = current.state == ServiceState::Running;
    if (candidateLive != currentLive)
        return candidateLive;
    return candidate.since > current.since;
}

} // namespace

QString stateText(ServiceState state)
{
    switch (state) {
    case ServiceState::Running:
        return QCoreApplication::translate("Services", "running");
    case ServiceState::Restarting:
        return QCoreApplication::translate("Services", "restarting");
    case ServiceState::Paused:
        return QCoreApplication::translate("Services", "paused");
    case ServiceState::Exited:
        return QCoreApplication::translate("Services", "exited");
    case ServiceState::Created:
        return QCoreApplication::translate("Services", "created");
    case ServiceState::Absent:
        return QCoreApplication::translate("Services", "absent");
    }
    return {};
}

QString actionText(ServiceAction action)
{
    switch (action) {
    case ServiceAction::Start:
        return QStringLiteral("start");
    case ServiceAction::Stop:
        return QStringLiteral("stop");
    case ServiceAction::Restart:
        return QStringLiteral("restart");
    }
    return {};
}

QString statusInspectFormat()
{
    return QStringLiteral("{{index .Config.Labels \"com.docker.compose.service\"}}\t{{.State.Status}}\t"
                          "{{.State.StartedAt}}\t{{.State.FinishedAt}}\t{{.State.ExitCode}}\t"
                          "{{if .State.Health}}{{.State.Health.Status}}{{end}}");
}

QDateTime parseDockerTime(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("0001-")))
        return {};
    // Qt reads at most milliseconds: cut the fraction to three digits.
    const qsizetype dot = trimmed.indexOf(u'.');
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < trimmed.size() && trimmed.at(end).isDigit())
            ++end;
        const QString fraction = trimmed.mid(dot + 1, end - dot - 1).left(3).leftJustified(3, u'0');
        trimmed = trimmed.left(dot + 1) + fraction + trimmed.mid(end);
    }
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return time.toUTC();
}

QList<ServiceStatus> parseServiceStates(const QByteArray &inspectOutput, const QStringList &plannedServices)
{
    QHash<QString, ServiceStatus> found;
    QStringList unplannedOrder;
    for (const QByteArray &rawLine : inspectOutput.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList fields = line.split(u'\t');
        if (fields.size() < 5 || fields.at(0).isEmpty())
            continue;
        ServiceStatus status;
        status.service = fields.at(0);
        status.state = stateFromDocker(fields.at(1));
        const QDateTime started = parseDockerTime(fields.at(2));
        const QDateTime finished = parseDockerTime(fields.at(3));
        status.since = status.state == ServiceState::Exited    ? finished
                       : status.state == ServiceState::Created ? QDateTime()
                                                               : started;
        status.exitCode = fields.at(4).toInt();
        status.health = fields.value(5);
        status.planned = plannedServices.contains(status.service);
        const auto existing = found.constFind(status.service);
        if (existing == found.cend()) {
            if (!status.planned)
                unplannedOrder << status.service;
            found.insert(status.service, status);
        } else if (preferred(status, *existing)) {
            found.insert(status.service, status);
        }
    }
    QList<ServiceStatus> services;
    for (const QString &service : plannedServices) {
        ServiceStatus status = found.value(service);
        status.service = service;
        status.planned = true;
        services << status;
    }
    unplannedOrder.sort();
    for (const QString &service : std::as_const(unplannedOrder))
        services << found.value(service);
    return services;
}

} // namespace SlurmDeck
