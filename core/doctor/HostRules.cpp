// SPDX-License-Identifier: GPL-3.0-or-later
#include "doctor/HostRules.h"

#include "doctor/HostRulesSupport.h"

#include "plan/ServicePorts.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace SlurmDeck::HostRules {

using namespace Detail;

namespace {

bool isMonitoring(const QString &service)
{
    return service == u"prometheus" || service.endsWith(QLatin1String("-exporter"));
}

bool readsMungeKey(const QStringList &services)
{
    return std::any_of(services.cbegin(), services.cend(), [](const QString &service) {
        return service == u"slurmctld" || service == u"slurmd" || service == u"slurmdbd";
    });
}

QString stateText(const QString &state)
{
    if (state.isEmpty())
        return QObject::tr("it has no container");
    const QString status = state.section(u' ', 0, 0);
    const QString restarts = state.section(u' ', 1, 1);
    QString text = QObject::tr("its container is %1").arg(status);
    if (!restarts.isEmpty() && restarts != u"0")
        text += QObject::tr(" (restarted %1 times)").arg(restarts);
    return text;
}

QString serviceCause(const HostEvidence &host, const QString &service)
{
    if (service == u"slurmd")
        return QObject::tr("slurmd does not run on %1: the node takes no job, and slurmctld marks it not "
                           "responding.")
            .arg(host.host);
    if (service == u"slurmctld")
        return QObject::tr("slurmctld does not run on %1: no job can be submitted or scheduled.")
            .arg(host.host);
    if (service == u"slurmdbd" || service == u"mariadb")
        return QObject::tr("%1 does not run on %2: accounting is missing (sacct, history).")
            .arg(service, host.host);
    if (service == u"prometheus")
        return QObject::tr("Prometheus does not run on %1: the charts show nothing.").arg(host.host);
    if (isMonitoring(service))
        return QObject::tr("%1 does not run on %2: Prometheus' target for it is down, so the charts have "
                           "nothing of %2.")
            .arg(service, host.host);
    return QObject::tr("%1 does not run on %2.").arg(service, host.host);
}

void addServiceFindings(const HostEvidence &host, QList<Finding> &findings)
{
    for (const QString &service : host.services) {
        const QString state = host.serviceStates.value(service);
        if (isRunning(state))
            continue;
        Finding finding = hostFinding(host, QStringLiteral("service-stopped"));
        finding.severity = isMonitoring(service) ? Finding::Severity::Warning : Finding::Severity::Error;
        if (service == u"slurmd")
            finding.node = host.host;
        finding.cause = serviceCause(host, service);
        finding.evidence = stateText(state);
        const QString logs = host.lastLogLines.value(service).trimmed();
        if (!logs.isEmpty())
            finding.evidence += QObject::tr("; its last log lines:\n%1").arg(logs);
        finding.fix = QObject::tr("slurmdeck-cli services %1 start %2").arg(host.host, service);
        finding.service = service;
        finding.autoFix = Finding::AutoFix::StartService;
        findings << finding;
    }
}

void addPortFindings(const HostEvidence &host, QList<Finding> &findings)
{
    for (const QString &service : host.services) {
        const quint16 port = ServicePorts::of(service);
        if (port == 0 || isRunning(host.serviceStates.value(service)) || !host.listeningPorts.count(port))
            continue;
        Finding finding = hostFinding(host, QStringLiteral("port-taken"));
        finding.service = service;
        if (service == u"slurmd")
            finding.node = host.host;
        finding.cause = QObject::tr("Port %1, which %2 needs on %3, is taken by another program: %2 cannot "
                                    "start there.")
                            .arg(port)
                            .arg(service, host.host);
        finding.evidence =
            QObject::tr("%1 is not running, and something listens on port %2").arg(service).arg(port);
        finding.fix = QObject::tr("On %1, find the program with 'ss -ltnp sport = :%2' (as root) and stop or "
                                  "move it; then slurmdeck-cli services %1 start %3")
                          .arg(host.host)
                          .arg(port)
                          .arg(service);
        findings << finding;
    }
}

QString shortHash(const QString &hash)
{
    return hash.isEmpty() ? QObject::tr("none (no key file)") : hash.left(12) + QStringLiteral("…");
}

// The controller's key, else the one most hosts have.
QString referenceMungeHash(const QList<HostEvidence> &hosts, QString *holder)
{
    for (const HostEvidence &host : hosts) {
        if (host.controller && host.unreachable.isEmpty() && !host.mungeKeySha256.isEmpty()) {
            *holder = host.host;
            return host.mungeKeySha256;
        }
    }
    QHash<QString, int> counts;
    QString best;
    for (const HostEvidence &host : hosts) {
        if (host.unreachable.isEmpty() && !host.mungeKeySha256.isEmpty() &&
            ++counts[host.mungeKeySha256] > counts.value(best)) {
            best = host.mungeKeySha256;
            *holder = QObject::tr("most hosts");
        }
    }
    return best;
}

void addMungeFinding(const HostEvidence &host, const QString &reference, const QString &holder,
                     QList<Finding> &findings)
{
    if (reference.isEmpty() || !readsMungeKey(host.services) || host.mungeKeySha256 == reference)
        return;
    Finding finding = hostFinding(host, QStringLiteral("munge-key-differs"));
    if (host.services.contains(QStringLiteral("slurmd")))
        finding.node = host.host;
    finding.cause = QObject::tr("The munge key on %1 is not the cluster's: munge refuses every message "
                                "between %1 and the other hosts (\"Invalid credential\"), so its daemons "
                                "cannot talk to slurmctld.")
                        .arg(host.host);
    finding.evidence = QObject::tr("SHA-256 of secrets/munge.key: %1 on %2, %3 on %4")
                           .arg(shortHash(host.mungeKeySha256), host.host, shortHash(reference), holder);
    finding.fix = QObject::tr("slurmdeck-cli deploy (puts the keychain's key on every host whose key differs "
                              "and restarts the Slurm daemons there)");
    findings << finding;
}

// Offsets are measured from this machine; what munge cares about is between the hosts, so
// they are compared with the controller's where it answered.
void addClockFinding(const HostEvidence &host, std::optional<double> reference, QList<Finding> &findings)
{
    if (!host.clockOffsetSeconds)
        return;
    const double offset = *host.clockOffsetSeconds - reference.value_or(0.0);
    if (std::abs(offset) <= kClockWarningSeconds)
        return;
    Finding finding = hostFinding(host, QStringLiteral("clock-offset"));
    finding.severity =
        std::abs(offset) > kMungeTtlSeconds ? Finding::Severity::Error : Finding::Severity::Warning;
    finding.cause =
        finding.severity == Finding::Severity::Error
            ? QObject::tr("The clock of %1 is further off than munge's %2 s: munge refuses its messages "
                          "(\"Expired credential\" or \"Rewound credential\").")
                  .arg(host.host)
                  .arg(kMungeTtlSeconds)
            : QObject::tr("The clock of %1 drifts: past %2 s munge refuses its messages (\"Expired "
                          "credential\"), and deploy refuses it already.")
                  .arg(host.host)
                  .arg(kMungeTtlSeconds);
    finding.evidence = QObject::tr("%1 s %2 %3")
                           .arg(qRound(std::abs(offset)))
                           .arg(offset > 0 ? QObject::tr("ahead of") : QObject::tr("behind"))
                           .arg(reference ? QObject::tr("the controller") : QObject::tr("this machine"));
    finding.fix = timeSyncFix(host);
    findings << finding;
}

QString sizeText(qint64 kib)
{
    if (kib >= 1024 * 1024)
        return QObject::tr("%1 GiB").arg(static_cast<double>(kib) / (1024.0 * 1024.0), 0, 'f', 1);
    return QObject::tr("%1 MiB").arg(kib / 1024);
}

void addDiskFindings(const HostEvidence &host, QList<Finding> &findings)
{
    QStringList seen;
    for (const DiskUsage &disk : host.disks) {
        if (seen.contains(disk.mountPoint) || disk.usedPercent() < kDiskWarningPercent)
            continue;
        seen << disk.mountPoint;
        QStringList paths;
        for (const DiskUsage &other : host.disks) {
            if (other.mountPoint == disk.mountPoint)
                paths << other.path;
        }
        Finding finding = hostFinding(host, QStringLiteral("disk-almost-full"));
        finding.severity =
            disk.usedPercent() >= kDiskErrorPercent ? Finding::Severity::Error : Finding::Severity::Warning;
        finding.cause = QObject::tr("The filesystem holding %1 on %2 is almost full: Docker cannot pull or "
                                    "start containers, Slurm cannot save its state, and job output is lost.")
                            .arg(paths.join(QStringLiteral(", ")), host.host);
        finding.evidence = QObject::tr("%1 % used, %2 free of %3 (mounted at %4)")
                               .arg(disk.usedPercent())
                               .arg(sizeText(disk.availableKiB), sizeText(disk.sizeKiB), disk.mountPoint);
        finding.fix = QObject::tr("Free space on %1 under %2 (docker system prune removes stopped containers "
                                  "and unused images)")
                          .arg(host.host, disk.mountPoint);
        findings << finding;
    }
}

void addDriftFindings(const HostEvidence &host, QList<Finding> &findings)
{
    if (!host.changedFiles.isEmpty() || !host.missingFiles.isEmpty()) {
        Finding finding = hostFinding(host, QStringLiteral("file-drift"));
        finding.severity = Finding::Severity::Warning;
        QStringList parts;
        if (!host.changedFiles.isEmpty())
            parts << QObject::tr("changed: %1").arg(host.changedFiles.join(QStringLiteral(", ")));
        if (!host.missingFiles.isEmpty())
            parts << QObject::tr("missing: %1").arg(host.missingFiles.join(QStringLiteral(", ")));
        finding.cause =
            QObject::tr("Files SlurmDeck deployed on %1 are not what a deploy would put there now: "
                        "changed by hand on the host, or the cluster file changed since the last "
                        "deploy. The next deploy replaces them.")
                .arg(host.host);
        finding.evidence = parts.join(QStringLiteral("; "));
        finding.fix =
            QObject::tr("slurmdeck-cli plan --diff (shows the differences), then slurmdeck-cli deploy "
                        "(puts SlurmDeck's files back; the host's copies are kept beside them). Keep a "
                        "change by making it in the cluster file instead.");
        findings << finding;
    }
    for (const QString &service : host.services) {
        const QString container = host.foreignContainers.value(service);
        if (container.isEmpty())
            continue;
        Finding finding = hostFinding(host, QStringLiteral("foreign-container"));
        finding.service = service;
        finding.cause =
            QObject::tr("A container that is not this cluster's holds the name of its %1 container on "
                        "%2: Compose cannot create %1 there.")
                .arg(service, host.host);
        finding.evidence = container;
        finding.fix =
            QObject::tr("On %1, check what it is (docker inspect %2), then remove it (docker rm -f %2) and "
                        "run slurmdeck-cli deploy")
                .arg(host.host, container.section(u' ', 0, 0));
        findings << finding;
    }
}

void addImageFindings(const HostEvidence &host, QList<Finding> &findings)
{
    if (host.engineArchitecture.isEmpty())
        return;
    QStringList images = host.imageArchitectures.keys();
    images.sort();
    for (const QString &image : std::as_const(images)) {
        const QString architecture = host.imageArchitectures.value(image);
        if (architecture.isEmpty() || architecture == host.engineArchitecture)
            continue;
        Finding finding = hostFinding(host, QStringLiteral("image-architecture"));
        finding.cause = QObject::tr("The image %1 on %2 is built for %3, but its Docker engine runs %4: its "
                                    "containers fail with \"exec format error\" or run slowly under "
                                    "emulation.")
                            .arg(image, host.host, architecture, host.engineArchitecture);
        finding.evidence = QObject::tr("image %1, engine %2").arg(architecture, host.engineArchitecture);
        finding.fix =
            QObject::tr("On %1: docker image rm %2; then slurmdeck-cli deploy --images build (builds "
                        "it there for %3)")
                .arg(host.host, image, host.engineArchitecture);
        findings << finding;
    }
}

} // namespace

namespace Detail {

QString timeSyncFix(const HostEvidence &host)
{
    switch (host.platform) {
    case Platform::MacOS:
        return QObject::tr("On %1: System Settings → General → Date & Time → Set time and date "
                           "automatically.")
            .arg(host.host);
    case Platform::Qnap:
        return QObject::tr("On %1: Control Panel → System → General Settings → Time → Synchronize with an "
                           "Internet time server.")
            .arg(host.host);
    case Platform::Linux:
    case Platform::Unknown:
        break;
    }
    return QObject::tr("On %1: sudo timedatectl set-ntp true (systemd-timesyncd or chrony keeps the clock "
                       "right).")
        .arg(host.host);
}

} // namespace Detail

QString normalisedArchitecture(const QString &architecture)
{
    const QString lower = architecture.trimmed().toLower();
    if (lower == u"amd64" || lower == u"x86-64")
        return QStringLiteral("x86_64");
    if (lower == u"arm64" || lower == u"arm64v8")
        return QStringLiteral("aarch64");
    return lower;
}

QList<DiskUsage> parseDiskUsage(const QString &dfOutput, const QStringList &paths)
{
    static const QRegularExpression line(
        QStringLiteral("^\\S.*?\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)%\\s+(/.*)$"));
    QList<DiskUsage> disks;
    qsizetype index = 0;
    for (const QString &text : dfOutput.split(u'\n', Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch match = line.match(text.trimmed());
        if (!match.hasMatch())
            continue;
        DiskUsage disk;
        disk.path = index < paths.size() ? paths.at(index) : match.captured(5);
        ++index;
        disk.mountPoint = match.captured(5);
        disk.sizeKiB = match.captured(1).toLongLong();
        disk.usedKiB = match.captured(2).toLongLong();
        disk.availableKiB = match.captured(3).toLongLong();
        if (disk.sizeKiB > 0 && disk.usedKiB <= disk.sizeKiB && disk.availableKiB <= disk.sizeKiB)
            disks << disk;
    }
    return disks;
}

QList<Finding> diagnose(const QList<HostEvidence> &hosts)
{
    QString holder;
    const QString mungeReference = referenceMungeHash(hosts, &holder);
    std::optional<double> clockReference;
    for (const HostEvidence &host : hosts) {
        if (host.controller && host.unreachable.isEmpty())
            clockReference = host.clockOffsetSeconds;
    }
    QList<Finding> findings;
    for (const HostEvidence &host : hosts) {
        if (!host.unreachable.isEmpty()) {
            Finding finding = hostFinding(host, QStringLiteral("host-unreachable"));
            if (host.services.contains(QStringLiteral("slurmd")))
                finding.node = host.host;
            finding.cause = QObject::tr("SlurmDeck cannot reach %1 over SSH, nor can its Docker be asked: "
                                        "the host is off, its network is cut, or SSH refuses the login. "
                                        "Its services are not checked.")
                                .arg(host.host);
            finding.evidence = host.unreachable;
            finding.fix = QObject::tr("Check that %1 is on and on the network (ping it, then ssh to it as "
                                      "the cluster file's user); then run slurmdeck-cli doctor again")
                              .arg(host.host);
            findings << finding;
            continue;
        }
        addServiceFindings(host, findings);
        addPortFindings(host, findings);
        addMungeFinding(host, mungeReference, holder, findings);
        if (!host.controller)
            addClockFinding(host, clockReference, findings);
        addDiskFindings(host, findings);
        addImageFindings(host, findings);
        addDriftFindings(host, findings);
    }
    addMungeLogFindings(hosts, findings);
    addReachFindings(hosts, findings);
    addScrapeFindings(hosts, findings);
    return findings;
}

} // namespace SlurmDeck::HostRules
