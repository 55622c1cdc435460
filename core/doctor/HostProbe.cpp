// SPDX-License-Identifier: GPL-3.0-or-later
#include "doctor/HostProbe.h"

#include "common/PrintableText.h"
#include "deploy/HostDeployer.h"
#include "doctor/HostRules.h"
#include "metrics/HttpMessage.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace SlurmDeck::HostProbe {

namespace {

constexpr int kLogLines = 10;
constexpr std::chrono::seconds kCommandTimeout{20};

double nowSeconds()
{
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

QString output(const Result<ExecResult> &ran)
{
    return ran && ran->succeeded() ? QString::fromUtf8(ran->standardOutput) : QString();
}

// docker-compose v1 starts its log output with "Attaching to <container>".
QString withoutComposeBanner(const QString &logs)
{
    QStringList lines = logs.split(u'\n');
    lines.removeIf([](const QString &line) { return line.startsWith(QLatin1String("Attaching to ")); });
    return lines.join(u'\n');
}

std::optional<double> clockOffset(HostDeployer &host)
{
    const double before = nowSeconds();
    const Result<ExecResult> ran = host.runShell(QStringLiteral("date +%s"), kCommandTimeout);
    const double after = nowSeconds();
    bool ok = false;
    const double remote = output(ran).trimmed().toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return SlurmDeck::clockOffset(remote, before, after);
}

QList<DiskUsage> disks(HostDeployer &host)
{
    QStringList paths{host.plan().directory};
    // Docker's data lives in the host's own filesystem on Linux and QNAP; on a Mac it is
    // inside Docker's VM, out of df's reach.
    if (host.plan().platform != Platform::MacOS) {
        const QString docker = Shell::quote(host.fingerprint().dockerPath);
        const QString root =
            output(host.runShell(docker + QStringLiteral(" info --format '{{.DockerRootDir}}'"),
                                 kCommandTimeout))
                .trimmed();
        if (root.startsWith(u'/') && !root.contains(u'\n'))
            paths << root;
    }
    // One df per path: a missing path would shift the lines of the others.
    QList<DiskUsage> usage;
    for (const QString &path : std::as_const(paths)) {
        const QString command = QStringLiteral("df -Pk %1 2>/dev/null").arg(Shell::quote(path));
        usage += HostRules::parseDiskUsage(output(host.runShell(command, kCommandTimeout)), {path});
    }
    return usage;
}

QHash<QString, QString> imageArchitectures(HostDeployer &host)
{
    const QString docker = Shell::quote(host.fingerprint().dockerPath);
    const QString command =
        QStringLiteral(
            "ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); [ -z \"$ids\" ] && exit 0; "
            "for image in $(%1 inspect --format '{{.Config.Image}}' $ids | sort -u); do "
            "printf '%s ' \"$image\"; %1 image inspect --format '{{.Architecture}}' \"$image\" "
            "2>/dev/null || echo; done")
            .arg(docker, Shell::quote(host.plan().project.name));
    QHash<QString, QString> architectures;
    for (const QString &line :
         output(host.runShell(command, kCommandTimeout)).split(u'\n', Qt::SkipEmptyParts)) {
        const QString image = line.section(u' ', 0, 0);
        const QString architecture = HostRules::normalisedArchitecture(line.section(u' ', 1));
        if (!image.isEmpty() && !architecture.isEmpty())
            architectures.insert(image, architecture);
    }
    return architectures;
}

// The last 90 s of a running Slurm daemon's log, for its munge failures.
QString recentLog(HostDeployer &host, const QString &service)
{
    const QString command =
        QStringLiteral(
            "c=$(%1 ps -q --filter label=com.docker.compose.project=%2 --filter "
            "label=com.docker.compose.service=%3); [ -n \"$c\" ] && %1 logs --timestamps --since 90s "
            "--tail 400 $c 2>&1")
            .arg(Shell::quote(host.fingerprint().dockerPath), Shell::quote(host.plan().project.name),
                 Shell::quote(service));
    return output(host.runShell(command, kCommandTimeout));
}

// The plan's files (not the secrets) compared with the host's copies by SHA-256.
void compareFiles(HostDeployer &host, HostEvidence &evidence)
{
    QStringList paths;
    for (const RenderedFile &file : host.plan().files) {
        if (!file.secret)
            paths << file.path;
    }
    if (paths.isEmpty())
        return;
    const Result<QHash<QString, QString>> present = host.remoteHashes(paths);
    if (!present)
        return;
    for (const RenderedFile &file : host.plan().files) {
        if (file.secret)
            continue;
        const QString remote = present->value(file.path);
        if (remote.isEmpty())
            evidence.missingFiles << file.path;
        else if (remote != QString::fromLatin1(
                               QCryptographicHash::hash(file.content, QCryptographicHash::Sha256).toHex()))
            evidence.changedFiles << file.path;
    }
}

// Containers named as Compose names this host's services (v1 "P_S_1", v2 "P-S-1") that are
// not this project's: `up` cannot create ours beside them.
QHash<QString, QString> foreignContainers(HostDeployer &host)
{
    const QString command =
        Shell::quote(host.fingerprint().dockerPath) +
        QStringLiteral(" ps -a --format '{{.Names}} {{.Label \"com.docker.compose.project\"}}'");
    const QString project = host.plan().project.name;
    QHash<QString, QString> foreign;
    for (const QString &line :
         output(host.runShell(command, kCommandTimeout)).split(u'\n', Qt::SkipEmptyParts)) {
        const QString name = line.section(u' ', 0, 0);
        const QString owner = line.section(u' ', 1).trimmed();
        if (owner == project)
            continue;
        for (const QString &service : host.plan().services) {
            if (name == project + u'_' + service + QStringLiteral("_1") ||
                name == project + u'-' + service + QStringLiteral("-1"))
                foreign.insert(service, printableText(owner.isEmpty()
                                                          ? QObject::tr("%1 (no Compose project)").arg(name)
                                                          : QObject::tr("%1 (project %2)").arg(name, owner)));
        }
    }
    return foreign;
}

// Prometheus' own view of its targets, through this host's SSH connection to its loopback.
QList<ScrapeTarget> scrapeTargets(HostDeployer &host)
{
    const QByteArray request = "GET /api/v1/targets?state=active HTTP/1.0\r\nHost: localhost:9090\r\n\r\n";
    const Result<QByteArray> raw = host.connection().forward(
        QStringLiteral("127.0.0.1"), 9090, request, ForwardOptions{std::chrono::seconds(10), 4 * 1024 * 1024},
        host.cancelToken());
    if (!raw)
        return {};
    const Result<HttpAnswer> answer = parseHttpAnswer(*raw);
    return answer && answer->status == 200 ? HostRules::parseScrapeTargets(answer->body)
                                           : QList<ScrapeTarget>();
}

// From the slurmctld container (it shares the host's network), a TCP connection to each
// slurmd's port 6818, all at once, 3 s each: "open", "refused" or "timeout" per address.
QHash<QString, PortReach> slurmdReach(HostDeployer &host, const QList<std::pair<QString, QString>> &slurmds)
{
    QStringList addresses;
    for (const auto &entry : slurmds)
        addresses << Shell::quote(entry.second);
    if (addresses.isEmpty())
        return {};
    const QString script =
        QStringLiteral(
            "for a in %1; do (if timeout 3 bash -c \"exec 3<>/dev/tcp/$a/6818\" 2>/dev/null; then echo "
            "\"$a open\"; elif [ $? -eq 124 ]; then echo \"$a timeout\"; else echo \"$a refused\"; fi) & "
            "done; wait")
            .arg(addresses.join(u' '));
    const Result<ExecResult> ran =
        host.runArgv(host.compose().exec(QStringLiteral("slurmctld"),
                                         {QStringLiteral("bash"), QStringLiteral("-c"), script}),
                     kCommandTimeout);
    QHash<QString, QString> byAddress;
    for (const QString &line : output(ran).split(u'\n', Qt::SkipEmptyParts))
        byAddress.insert(line.section(u' ', 0, 0), line.section(u' ', 1, 1));
    QHash<QString, PortReach> reach;
    for (const auto &[name, address] : slurmds) {
        const QString answer = byAddress.value(address);
        if (answer == u"open")
            reach.insert(name, PortReach::Open);
        else if (answer == u"timeout")
            reach.insert(name, PortReach::TimedOut);
        else if (answer == u"refused")
            reach.insert(name, PortReach::Refused);
    }
    return reach;
}

} // namespace

HostEvidence collect(HostDeployer &host, const Scope &scope)
{
    HostEvidence evidence;
    evidence.host = host.plan().hostName;
    evidence.services = host.plan().services;
    evidence.controller = scope.controller;
    evidence.networkAddress = host.plan().networkAddress;
    evidence.directory = host.plan().directory;
    evidence.platform = host.plan().platform;
    evidence.listeningPorts = host.fingerprint().listeningPorts;
    evidence.engineArchitecture = HostRules::normalisedArchitecture(host.fingerprint().dockerServerArch);

    if (const Result<QHash<QString, QString>> states = host.serviceStates())
        evidence.serviceStates = *states;
    for (const QString &service : std::as_const(evidence.services)) {
        const QString state = evidence.serviceStates.value(service);
        if (state.isEmpty() || state.startsWith(QLatin1String("running ")))
            continue;
        if (const Result<QString> logs = host.serviceLogs(service, kLogLines))
            evidence.lastLogLines.insert(service, printableText(withoutComposeBanner(*logs)));
    }
    for (const QString &service :
         {QStringLiteral("slurmctld"), QStringLiteral("slurmd"), QStringLiteral("slurmdbd")}) {
        if (!evidence.serviceStates.value(service).startsWith(QLatin1String("running ")))
            continue;
        const MungeFailures failures = HostRules::mungeFailures(recentLog(host, service));
        if (failures.count > 0)
            evidence.mungeFailures.insert(service, failures);
    }
    const QString mungeKey = QStringLiteral("secrets/munge.key");
    if (const Result<QHash<QString, QString>> hashes = host.remoteHashes({mungeKey}))
        evidence.mungeKeySha256 = hashes->value(mungeKey);
    evidence.clockOffsetSeconds = clockOffset(host);
    evidence.disks = disks(host);
    evidence.imageArchitectures = imageArchitectures(host);
    compareFiles(host, evidence);
    evidence.foreignContainers = foreignContainers(host);
    if (evidence.serviceStates.value(QStringLiteral("prometheus")).startsWith(QLatin1String("running ")))
        evidence.scrapeTargets = scrapeTargets(host);
    if (scope.controller &&
        evidence.serviceStates.value(QStringLiteral("slurmctld")).startsWith(QLatin1String("running ")))
        evidence.slurmdReach = slurmdReach(host, scope.slurmdAddresses);
    return evidence;
}

HostEvidence unreachable(const QString &host, const QStringList &services, bool controller,
                         const QString &why)
{
    HostEvidence evidence;
    evidence.host = host;
    evidence.services = services;
    evidence.controller = controller;
    evidence.unreachable = why.isEmpty() ? QObject::tr("no answer") : why;
    return evidence;
}

} // namespace SlurmDeck::HostProbe
