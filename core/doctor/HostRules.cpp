// SPDX-License-Identifier: GPL-3.0-or-later
#include "doctor/HostRules.h"

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

bool isRunning(const QString &state)
{
    return state.startsWith(QLatin1String("running "));
}

Finding hostFinding(const HostEvidence &host, const QString &rule)
{
    Finding finding;
    finding.rule = rule;
    finding.host = host.host;
    return finding;
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

QString failureEvidence(const MungeFailures &failures, const QString &service, const QString &host)
{
    const QString count = failures.count == 1 ? QObject::tr("1 munge failure")
                                              : QObject::tr("%1 munge failures").arg(failures.count);
    return QObject::tr("%1 on %2 logged %3 in the last 90 s; the last:\n%4")
        .arg(service, host, count, failures.lines.join(u'\n'));
}

const HostEvidence *findHost(const QList<HostEvidence> &hosts, const QString &name)
{
    for (const HostEvidence &host : hosts) {
        if (host.host == name)
            return &host;
    }
    return nullptr;
}

QString slurmDaemonOf(const HostEvidence &host)
{
    for (const QString &service :
         {QStringLiteral("slurmd"), QStringLiteral("slurmctld"), QStringLiteral("slurmdbd")}) {
        if (host.services.contains(service))
            return service;
    }
    return QStringLiteral("slurmd");
}

Finding mungeLogFinding(const HostEvidence &logger, const QString &service, const MungeFailures &failures,
                        const HostEvidence &subject)
{
    const bool atLogger = &subject == &logger;
    Finding finding = hostFinding(subject, QString());
    finding.evidence = failureEvidence(failures, service, logger.host);
    finding.service = atLogger ? service : slurmDaemonOf(subject);
    if (subject.services.contains(QStringLiteral("slurmd")))
        finding.node = subject.host;
    const QString other =
        atLogger ? (failures.peer.isEmpty() ? QObject::tr("other hosts") : failures.peer) : logger.host;
    const QString restartIt =
        QObject::tr("slurmdeck-cli services %1 restart %2").arg(subject.host, finding.service);
    if (failures.reason.contains(QLatin1String("Expired")) ||
        failures.reason.contains(QLatin1String("Rewound"))) {
        finding.rule = QStringLiteral("munge-clock");
        finding.cause =
            QObject::tr("Munge refuses the messages between %1 and %2 (\"%3\"): the munge daemons there "
                        "disagree on the time by more than munge's %4 s, so Slurm cannot talk to %1.")
                .arg(subject.host, other, failures.reason)
                .arg(kMungeTtlSeconds);
        finding.fix = timeSyncFix(subject) + QObject::tr(" Then: %1").arg(restartIt);
    } else if (failures.reason.contains(QLatin1String("Invalid credential"))) {
        finding.rule = QStringLiteral("munge-key-differs");
        finding.cause =
            QObject::tr("Munge refuses the messages between %1 and %2 (\"Invalid credential\"): their "
                        "munge daemons hold different keys, though the key files may agree (a key "
                        "replaced without restarting the daemons that read it).")
                .arg(subject.host, other);
        finding.fix = QObject::tr("slurmdeck-cli deploy; if the key files already agree: %1").arg(restartIt);
    } else {
        finding.rule = QStringLiteral("munged-not-answering");
        finding.cause =
            QObject::tr("munged in the %1 container on %2 does not answer (\"%3\"): %1 can neither "
                        "sign nor check messages.")
                .arg(finding.service, subject.host, failures.reason);
        finding.fix = restartIt;
    }
    return finding;
}

// What the Slurm daemons logged about munge, at the host it concerns: the sender of the
// messages the controller refused, else the host that logged it. Once per rule and host; a
// finding the other rules made already is not repeated.
void addMungeLogFindings(const QList<HostEvidence> &hosts, QList<Finding> &findings)
{
    for (const HostEvidence &logger : hosts) {
        if (!logger.unreachable.isEmpty())
            continue;
        for (const QString &service : logger.services) {
            const MungeFailures failures = logger.mungeFailures.value(service);
            if (failures.count == 0)
                continue;
            const HostEvidence *peer = findHost(hosts, failures.peer);
            const HostEvidence &subject = logger.controller && peer ? *peer : logger;
            if (!subject.unreachable.isEmpty())
                continue;
            const Finding finding = mungeLogFinding(logger, service, failures, subject);
            const bool known = std::any_of(findings.cbegin(), findings.cend(), [&](const Finding &other) {
                return other.rule == finding.rule && other.host == finding.host;
            });
            if (!known)
                findings << finding;
        }
    }
}

QString serviceOfJob(const QString &job)
{
    if (job == u"node")
        return QStringLiteral("node-exporter");
    if (job == u"gpu")
        return QStringLiteral("gpu-exporter");
    return job; // "prometheus"
}

QString firewallFix(const QString &host, int port, const QString &from, const QString &fromAddress)
{
    return QObject::tr("Allow TCP port %2 on %1 from %3 (%4). ufw: sudo ufw allow from %4 to any port %2 "
                       "proto tcp; firewalld: sudo firewall-cmd --permanent --add-port=%2/tcp && sudo "
                       "firewall-cmd --reload; QNAP: Control Panel → Security → Allow/Deny List")
        .arg(host)
        .arg(port)
        .arg(from, fromAddress.isEmpty() ? QObject::tr("its address") : fromAddress);
}

// Prometheus' targets that are down while their exporter's container runs (a stopped one is
// the service rule's): the port is closed or blocked between the two hosts.
void addScrapeFindings(const QList<HostEvidence> &hosts, QList<Finding> &findings)
{
    for (const HostEvidence &prometheus : hosts) {
        for (const ScrapeTarget &target : prometheus.scrapeTargets) {
            const HostEvidence *subject = findHost(hosts, target.node);
            const QString service = serviceOfJob(target.job);
            if (target.up || !subject || !subject->unreachable.isEmpty() ||
                !isRunning(subject->serviceStates.value(service)))
                continue;
            const int port = target.instance.section(u':', -1).toInt();
            Finding finding = hostFinding(*subject, QStringLiteral("prometheus-target-down"));
            finding.severity = Finding::Severity::Warning;
            finding.service = service;
            finding.cause =
                QObject::tr("Prometheus on %1 cannot scrape %2 on %3 (%4), though its container runs: "
                            "the charts have nothing of %3.")
                    .arg(prometheus.host, service, subject->host, target.instance);
            finding.evidence = target.lastError.left(300);
            const bool refused = target.lastError.contains(QLatin1String("refused"));
            finding.fix =
                refused ? QObject::tr("slurmdeck-cli services %1 restart %2 (nothing answers on port %3)")
                              .arg(subject->host, service)
                              .arg(port)
                        : firewallFix(subject->host, port, prometheus.host, prometheus.networkAddress);
            findings << finding;
        }
    }
}

// Hosts whose slurmd runs but whose port 6818 the controller cannot open.
void addReachFindings(const QList<HostEvidence> &hosts, QList<Finding> &findings)
{
    for (const HostEvidence &controller : hosts) {
        for (auto it = controller.slurmdReach.cbegin(); it != controller.slurmdReach.cend(); ++it) {
            const HostEvidence *subject = findHost(hosts, it.key());
            if (it.value() == PortReach::Open || !subject || !subject->unreachable.isEmpty() ||
                !isRunning(subject->serviceStates.value(QStringLiteral("slurmd"))))
                continue;
            Finding finding = hostFinding(*subject, QStringLiteral("port-blocked"));
            finding.node = subject->host;
            finding.service = QStringLiteral("slurmd");
            finding.cause =
                QObject::tr("slurmctld on %1 cannot open TCP port 6818 on %2, though slurmd runs there: "
                            "a firewall on %2 or between the hosts stops it, so Slurm marks the node not "
                            "responding.")
                    .arg(controller.host, subject->host);
            finding.evidence =
                QObject::tr("from the slurmctld container on %1 to %2:6818: %3")
                    .arg(controller.host,
                         subject->networkAddress.isEmpty() ? subject->host : subject->networkAddress,
                         it.value() == PortReach::TimedOut ? QObject::tr("no answer in 3 s (dropped)")
                                                           : QObject::tr("refused"));
            finding.fix = firewallFix(subject->host, 6818, controller.host, controller.networkAddress);
            findings << finding;
        }
    }
}

} // namespace

QList<ScrapeTarget> parseScrapeTargets(const QByteArray &json)
{
    QList<ScrapeTarget> targets;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.value(QStringLiteral("status")).toString() != u"success")
        return targets;
    const QJsonArray active =
        root.value(QStringLiteral("data")).toObject().value(QStringLiteral("activeTargets")).toArray();
    for (const QJsonValue &value : active) {
        const QJsonObject object = value.toObject();
        const QJsonObject labels = object.value(QStringLiteral("labels")).toObject();
        ScrapeTarget target;
        target.job = labels.value(QStringLiteral("job")).toString();
        target.node = labels.value(QStringLiteral("node")).toString();
        target.instance = labels.value(QStringLiteral("instance")).toString();
        target.up =
            object.value(QStringLiteral("health")).toString() != u"down"; // "unknown": not yet scraped
        target.lastError = object.value(QStringLiteral("lastError")).toString();
        if (!target.job.isEmpty())
            targets << target;
    }
    return targets;
}

MungeFailures mungeFailures(const QString &log)
{
    static const QRegularExpression decode(QStringLiteral("Munge decode failed: (.{1,120})$"));
    static const QRegularExpression sender(QStringLiteral("\\[\\[([A-Za-z0-9_.:-]{1,255})\\]:\\d+\\]"));
    constexpr qsizetype kLineLimit = 300;
    constexpr qsizetype kLinesPerFailure = 6;
    MungeFailures failures;
    for (const QString &raw : log.split(u'\n')) {
        const QString line = raw.trimmed().left(kLineLimit);
        if (line.contains(QLatin1String("munged ready")) ||
            (line.contains(QLatin1String(" version ")) && line.endsWith(QLatin1String(" started")))) {
            failures = {};
            continue;
        }
        if (const QRegularExpressionMatch failed = decode.match(line); failed.hasMatch()) {
            ++failures.count;
            failures.reason = failed.captured(1).trimmed();
            failures.peer.clear();
            failures.lines = {line};
            continue;
        }
        const bool about =
            line.contains(QLatin1String("_print_cred")) || line.contains(QLatin1String("auth"));
        if (failures.count == 0 || !about || failures.lines.size() >= kLinesPerFailure)
            continue;
        failures.lines << line;
        if (const QRegularExpressionMatch from = sender.match(line);
            from.hasMatch() && failures.peer.isEmpty())
            failures.peer = from.captured(1);
    }
    return failures;
}

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
    }
    addMungeLogFindings(hosts, findings);
    addReachFindings(hosts, findings);
    addScrapeFindings(hosts, findings);
    return findings;
}

} // namespace SlurmDeck::HostRules
