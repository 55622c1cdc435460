// SPDX-License-Identifier: GPL-3.0-or-later
// The host rules over what hosts say about each other: the Slurm daemons' munge failures (at
// the host they concern), slurmd's port as the controller reaches it, Prometheus' targets.
#include "doctor/HostRules.h"

#include "common/PrintableText.h"
#include "doctor/HostRulesSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QRegularExpression>

#include <algorithm>

namespace SlurmDeck::HostRules {

using namespace Detail;

namespace {

QString failureEvidence(const MungeFailures &failures, const QString &service, const QString &host)
{
    const QString count = failures.count == 1 ? QObject::tr("1 munge failure")
                                              : QObject::tr("%1 munge failures").arg(failures.count);
    return QObject::tr("%1 on %2 logged %3 in the last 90 s; the last:\n%4")
        .arg(service, host, count, failures.lines.join(u'\n'));
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
                .arg(subject.host, other, failures.reason, QString::number(kMungeTtlSeconds));
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

} // namespace

namespace Detail {

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
        for (const HostEvidence &host : hosts) { // in the hosts' order, not the hash's
            const auto it = controller.slurmdReach.constFind(host.host);
            const HostEvidence *subject = &host;
            if (it == controller.slurmdReach.cend() || it.value() == PortReach::Open ||
                !subject->unreachable.isEmpty() ||
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

} // namespace Detail

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
        target.lastError = printableText(object.value(QStringLiteral("lastError")).toString());
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
        const QString line = printableText(raw.trimmed().left(kLineLimit));
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

} // namespace SlurmDeck::HostRules
