// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ReportJson.h"

#include <QJsonArray>

#include <optional>

namespace SlurmDeck {

namespace {
QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

template<typename T>
QJsonValue orNull(const std::optional<T> &value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue();
}

QString operationId(ClusterOperation operation)
{
    switch (operation) {
    case ClusterOperation::Stop:
        return QStringLiteral("down");
    case ClusterOperation::Start:
        return QStringLiteral("start");
    case ClusterOperation::Remove:
        return QStringLiteral("remove");
    }
    return {};
}

QString applyId(SlurmConfChange::Apply apply)
{
    switch (apply) {
    case SlurmConfChange::Apply::Nothing:
        return QStringLiteral("nothing");
    case SlurmConfChange::Apply::Reconfigure:
        return QStringLiteral("reconfigure");
    case SlurmConfChange::Apply::RestartDaemons:
        return QStringLiteral("restart_daemons");
    }
    return {};
}

QJsonObject hostJson(const HostDeployResult &host)
{
    return QJsonObject{
        {QStringLiteral("host"), host.host},
        {QStringLiteral("ok"), host.ok()},
        {QStringLiteral("phase"), phaseId(host.phase)},
        {QStringLiteral("message"), orNull(host.message)},
        {QStringLiteral("changed_files"), QJsonArray::fromStringList(host.changedFiles)},
        {QStringLiteral("started_services"), QJsonArray::fromStringList(host.startedServices)},
        {QStringLiteral("restarted_services"), QJsonArray::fromStringList(host.restartedServices)},
        {QStringLiteral("kept_services"), QJsonArray::fromStringList(host.keptServices)},
        {QStringLiteral("images_loaded"), QJsonArray::fromStringList(host.imagesLoaded)},
        {QStringLiteral("images_built"), QJsonArray::fromStringList(host.imagesBuilt)},
        {QStringLiteral("munge_key_sha256"), orNull(host.mungeKeySha256)},
        {QStringLiteral("last_log_lines"), orNull(host.lastLogLines)},
    };
}
} // namespace

QString phaseId(DeployPhase phase)
{
    switch (phase) {
    case DeployPhase::Pending:
        return QStringLiteral("pending");
    case DeployPhase::Connecting:
        return QStringLiteral("connecting");
    case DeployPhase::Preflight:
        return QStringLiteral("preflight");
    case DeployPhase::Files:
        return QStringLiteral("files");
    case DeployPhase::Images:
        return QStringLiteral("images");
    case DeployPhase::Starting:
        return QStringLiteral("starting");
    case DeployPhase::Verifying:
        return QStringLiteral("verifying");
    case DeployPhase::Done:
        return QStringLiteral("done");
    case DeployPhase::Failed:
        return QStringLiteral("failed");
    case DeployPhase::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QJsonObject deployReportJson(const QString &cluster, const DeployReport &report, const QDateTime &finished)
{
    QJsonArray hosts;
    for (const HostDeployResult &host : report.hosts)
        hosts.append(hostJson(host));
    QJsonArray checks;
    for (const VerificationCheck &check : report.checks) {
        checks.append(QJsonObject{{QStringLiteral("name"), check.name},
                                  {QStringLiteral("passed"), check.passed},
                                  {QStringLiteral("host"), orNull(check.host)},
                                  {QStringLiteral("detail"), orNull(check.detail)}});
    }
    return QJsonObject{
        {QStringLiteral("cluster"), cluster},
        {QStringLiteral("ok"), report.ok()},
        {QStringLiteral("nothing_changed"), report.nothingChanged},
        {QStringLiteral("elapsed_seconds"), static_cast<double>(report.elapsedMs) / 1000.0},
        {QStringLiteral("finished"), finished.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("slurm_config"),
         QJsonObject{{QStringLiteral("apply"), applyId(report.slurmConfig.apply)},
                     {QStringLiteral("reasons"), QJsonArray::fromStringList(report.slurmConfig.reasons)}}},
        {QStringLiteral("hosts"), hosts},
        {QStringLiteral("checks"), checks},
    };
}

QJsonObject clusterOperationJson(const QString &cluster, const ClusterOperationReport &report,
                                 const QDateTime &finished)
{
    QJsonArray hosts;
    for (const HostReport &host : report.hosts) {
        hosts.append(QJsonObject{
            {QStringLiteral("host"), host.host},
            {QStringLiteral("ok"), host.ok()},
            {QStringLiteral("message"), orNull(host.message)},
            {QStringLiteral("error"), host.error ? QJsonValue(host.error->toString()) : QJsonValue()}});
    }
    QJsonObject object{
        {QStringLiteral("cluster"), cluster},
        {QStringLiteral("operation"), operationId(report.operation)},
        {QStringLiteral("ok"), report.ok()},
        {QStringLiteral("finished"), finished.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("hosts"), hosts},
    };
    if (report.operation == ClusterOperation::Remove)
        object.insert(QStringLiteral("purge_data"), report.purgeData);
    return object;
}

QJsonObject clusterHostsJson(const Cluster &cluster, const QString &file)
{
    QJsonArray hosts;
    for (const Host &host : cluster.hosts) {
        const DetectedFacts &facts = host.detected;
        hosts.append(QJsonObject{
            {QStringLiteral("name"), host.name},
            {QStringLiteral("address"), host.address},
            {QStringLiteral("user"), orNull(host.user)},
            {QStringLiteral("port"), host.port},
            {QStringLiteral("platform"), platformId(host.effectivePlatform())},
            {QStringLiteral("roles"), QJsonArray::fromStringList(hostRoleIds(host.roles))},
            {QStringLiteral("arch"), orNull(facts.arch)},
            {QStringLiteral("cpus"), orNull(facts.cpus)},
            {QStringLiteral("memory_mib"), orNull(facts.memoryMib)},
            {QStringLiteral("engine_cpus"), orNull(facts.engineCpus)},
            {QStringLiteral("engine_memory_mib"), orNull(facts.engineMemoryMib)},
            {QStringLiteral("gpus"), orNull(facts.gpus)},
        });
    }
    return QJsonObject{{QStringLiteral("cluster"), cluster.name},
                       {QStringLiteral("file"), file},
                       {QStringLiteral("hosts"), hosts}};
}

} // namespace SlurmDeck
