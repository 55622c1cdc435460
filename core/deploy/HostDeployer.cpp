// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/HostDeployer.h"

#include "fingerprint/FingerprintParser.h"
#include "fingerprint/FingerprintProbe.h"
#include "plan/ClusterPlanner.h"
#include "plan/ServicePorts.h"
#include "plan/SharedMounts.h"
#include "remote/ShellQuote.h"
#include "ssh/SshConnection.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSet>
#include <QThread>

namespace SlurmDeck {

namespace {

double nowSeconds()
{
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

} // namespace

HostDeployer::HostDeployer(HostPlan plan, SshTarget target, HostKeyPrompt *hostKeys,
                           CredentialPrompt *credentials, CancelToken cancel, Log log)
    : m_plan(std::move(plan))
    , m_connection(std::make_unique<SshConnection>(std::move(target), hostKeys, credentials))
    , m_cancel(std::move(cancel))
    , m_log(std::move(log))
{}

HostDeployer::~HostDeployer() = default;

Error HostDeployer::failure(const QString &message, const QString &detail) const
{
    return makeError(Error::Code::RemoteCommandFailed, message, detail);
}

ComposeCommand HostDeployer::compose() const
{
    const ComposeTool tool =
        m_fingerprint.composeFlavour == ComposeFlavour::StandaloneV1
            ? ComposeTool::standalone(m_fingerprint.composePath)
            : ComposeTool::plugin(m_fingerprint.dockerPath.isEmpty() ? QStringLiteral("docker")
                                                                     : m_fingerprint.dockerPath);
    return ComposeCommand(tool, m_plan.project);
}

Result<void> HostDeployer::connectAndCheck(bool forServiceControl)
{
    m_log(QObject::tr("connecting to %1").arg(m_plan.address));
    if (Result<void> connected = m_connection->connect(m_cancel); !connected)
        return connected;

    const double before = nowSeconds();
    const Result<ExecResult> probed =
        m_connection->exec(FingerprintProbe::command(), FingerprintProbe::execOptions(), m_cancel);
    const double after = nowSeconds();
    if (!probed)
        return probed.error();
    const Result<HostFingerprint> parsed = parseFingerprint(probed->standardOutput);
    if (!parsed)
        return failure(QObject::tr("The host check on %1 printed nothing usable.").arg(m_plan.hostName),
                       parsed.error().toString());
    m_fingerprint = *parsed;
    const HostFingerprint &fp = m_fingerprint;

    if (fp.dockerPath.isEmpty()) {
        return failure(
            QObject::tr("%1 has no Docker CLI. Install Docker (Linux: docker.io or Docker Engine; macOS: "
                        "Docker Desktop, Colima or OrbStack; QNAP: Container Station).")
                .arg(m_plan.hostName));
    }
    if (fp.dockerAccessDenied()) {
        const QString user = fp.loginUser.isEmpty() ? QObject::tr("the SSH user") : fp.loginUser;
        return failure(QObject::tr("%1 may not use Docker on %2. Add it to the 'docker' group: sudo usermod "
                                   "-aG docker %1, then log in again (SlurmDeck's next connection does).")
                           .arg(user, m_plan.hostName),
                       fp.dockerServerError);
    }
    if (!fp.hasDockerServer()) {
        return failure(
            QObject::tr("Docker on %1 does not answer. Start it, and make sure the SSH user may use it "
                        "(Linux: in the 'docker' group).")
                .arg(m_plan.hostName),
            fp.dockerServerError);
    }
    if (!fp.composeFlavour) {
        return failure(QObject::tr("%1 has no Docker Compose. Install the Compose plugin (docker compose) or "
                                   "docker-compose.")
                           .arg(m_plan.hostName));
    }
    if (fp.architecture != u"x86_64" && fp.architecture != u"aarch64") {
        return failure(QObject::tr("%1 is %2; SlurmDeck's images are built for x86_64 and aarch64 hosts.")
                           .arg(m_plan.hostName, fp.architecture.isEmpty()
                                                     ? QObject::tr("of unknown architecture")
                                                     : fp.architecture));
    }
    if (forServiceControl)
        return {};
    if (fp.remoteEpoch) {
        const double offset = clockOffset(*fp.remoteEpoch, before, after);
        if (std::abs(offset) > 60) {
            return failure(
                QObject::tr("The clock of %1 is %2 s off. Munge refuses credentials from clocks that far "
                            "apart: enable NTP on it (timedatectl set-ntp true).")
                    .arg(m_plan.hostName)
                    .arg(qRound(offset)));
        }
    }
    const Result<QStringList> ours = runningServices();
    const QStringList running = ours ? *ours : QStringList();
    QStringList busy;
    for (quint16 port : ServicePorts::ofAll(m_plan.services)) {
        if (fp.listeningPorts.count(port) && running.isEmpty())
            busy << QString::number(port);
    }
    if (!busy.isEmpty()) {
        return failure(QObject::tr("Ports %1 on %2 are taken by another program. Stop it (find it with "
                                   "'ss -ltnp') or move the service to another host.")
                           .arg(busy.join(QStringLiteral(", ")), m_plan.hostName));
    }
    if (Result<void> writable = checkDirectoryWritable(); !writable)
        return writable;
    if (Result<void> mountable = checkBindMount(); !mountable)
        return mountable;
    m_log(QObject::tr("%1: %2, %3, Docker %4, %5")
              .arg(m_plan.hostName, fp.osPrettyName, fp.architecture, fp.dockerServerVersion,
                   toString(*fp.composeFlavour)));
    return {};
}

Result<QHash<QString, QString>> HostDeployer::remoteHashes(const QStringList &paths)
{
    const QString files = Shell::join(paths);
    const QString command = QStringLiteral("cd %1 2>/dev/null || exit 0; "
                                           "if command -v sha256sum >/dev/null 2>&1; then sha256sum -- %2; "
                                           "else shasum -a 256 -- %2; fi 2>/dev/null; exit 0")
                                .arg(Shell::quote(m_plan.directory), files);
    const Result<ExecResult> listed = m_connection->exec(command, {}, m_cancel);
    if (!listed)
        return listed.error();
    QHash<QString, QString> hashes;
    for (const QByteArray &line : listed->standardOutput.split('\n')) {
        const qsizetype space = line.indexOf(' ');
        if (space != 64)
            continue;
        QByteArray path = line.mid(space + 1);
        if (path.startsWith(' ') || path.startsWith('*'))
            path.remove(0, 1);
        hashes.insert(QString::fromUtf8(path), QString::fromLatin1(line.left(64)));
    }
    return hashes;
}

Result<QStringList> HostDeployer::syncFiles()
{
    QStringList paths;
    for (const RenderedFile &file : std::as_const(m_plan.files))
        paths << file.path;
    const Result<QHash<QString, QString>> present = remoteHashes(paths);
    if (!present)
        return present.error();
    m_deployedHashes = *present;
    // Restarts an earlier run owed: it replaced these files, then stopped before restarting
    // what reads them.
    const Result<QStringList> owed = pendingRestarts();
    if (!owed)
        return owed.error();
    QStringList outdated;
    for (const RenderedFile &file : std::as_const(m_plan.files)) {
        const QString hash =
            QString::fromLatin1(QCryptographicHash::hash(file.content, QCryptographicHash::Sha256).toHex());
        if (present->value(file.path) != hash)
            outdated << file.path;
    }
    // Owed before anything is replaced, so a run that dies from here on leaves the note.
    if (Result<void> noted = notePendingRestarts(outdated); !noted)
        return noted.error();
    // The slurm.conf the daemons run with, to tell a reconfigure from a restart.
    m_replacedSlurmConf.reset();
    if (outdated.contains(kSlurmConf) && !present->value(kSlurmConf).isEmpty()) {
        const Result<QByteArray> before =
            m_connection->download(m_plan.directory + u'/' + kSlurmConf, 4 * 1024 * 1024, m_cancel);
        if (!before)
            return before.error();
        m_replacedSlurmConf = *before;
    }
    QStringList changed;
    QSet<QString> directoriesMade;
    for (const RenderedFile &file : std::as_const(m_plan.files)) {
        if (!outdated.contains(file.path))
            continue;
        const QString target = m_plan.directory + u'/' + file.path;
        const QString directory = target.left(target.lastIndexOf(u'/'));
        if (!directoriesMade.contains(directory)) {
            const int mode = file.path.startsWith(QLatin1String("secrets/")) ? 0700 : 0755;
            if (Result<void> made = m_connection->makeDirectories(directory, mode); !made)
                return made.error();
            directoriesMade.insert(directory);
        }
        // No previous copy of a secret is kept: it would outlive a key rotation.
        if (Result<void> uploaded =
                m_connection->upload(file.content, target, UploadOptions{file.mode, !file.secret}, m_cancel);
            !uploaded)
            return uploaded.error();
        // Secret contents are never logged; the path alone is.
        m_log(QObject::tr("updated %1").arg(file.path));
        changed << file.path;
        m_deployedHashes.remove(file.path); // read it back when asked
    }
    if (Result<void> tidied = tidyFiles(); !tidied)
        return tidied.error();
    m_owedFiles.clear();
    for (const QString &path : *owed) {
        if (!changed.contains(path) && m_plan.file(path)) {
            m_owedFiles << path;
            m_log(QObject::tr("%1 was replaced by an earlier run that did not apply it yet: applying it now")
                      .arg(path));
            changed << path;
        }
    }
    return changed;
}

QString HostDeployer::pendingRestartsFile() const
{
    return m_plan.directory + QStringLiteral("/.slurmdeck-pending-restarts");
}

Result<QStringList> HostDeployer::pendingRestarts()
{
    const Result<ExecResult> read = m_connection->exec(
        QStringLiteral("cat %1 2>/dev/null; exit 0").arg(Shell::quote(pendingRestartsFile())), {}, m_cancel);
    if (!read)
        return read.error();
    QStringList paths = QString::fromUtf8(read->standardOutput).split(u'\n', Qt::SkipEmptyParts);
    paths.removeDuplicates();
    return paths;
}

Result<void> HostDeployer::notePendingRestarts(const QStringList &paths)
{
    if (paths.isEmpty())
        return {};
    if (Result<void> made = m_connection->makeDirectories(m_plan.directory); !made)
        return made;
    const Result<ExecResult> noted =
        m_connection->exec(QStringLiteral("printf '%s\\n' %1 >> %2")
                               .arg(Shell::join(paths), Shell::quote(pendingRestartsFile())),
                           {}, m_cancel);
    if (!noted)
        return noted.error();
    if (!noted->succeeded())
        return failure(QObject::tr("Cannot write %1 on %2.").arg(pendingRestartsFile(), m_plan.hostName),
                       QString::fromUtf8(noted->standardError).trimmed());
    return {};
}

Result<void> HostDeployer::clearPendingRestarts()
{
    if (!m_stillOwed.isEmpty()) {
        const Result<ExecResult> rewritten =
            m_connection->exec(QStringLiteral("printf '%s\\n' %1 > %2")
                                   .arg(Shell::join(m_stillOwed), Shell::quote(pendingRestartsFile())),
                               {}, m_cancel);
        if (!rewritten)
            return rewritten.error();
        return {};
    }
    const Result<ExecResult> cleared =
        m_connection->exec(QStringLiteral("rm -f %1").arg(Shell::quote(pendingRestartsFile())), {}, m_cancel);
    if (!cleared)
        return cleared.error();
    return {};
}

Result<void> HostDeployer::tidyFiles()
{
    QStringList planned;
    for (const RenderedFile &file : std::as_const(m_plan.files))
        planned << file.path;
    QStringList stale;
    for (const QString &path : ClusterPlanner::managedFiles()) {
        if (!planned.contains(path))
            stale << path << path + QStringLiteral(".previous");
    }
    QString script = QStringLiteral("cd %1 || exit 1; "
                                    "find . -path ./data -prune -o -type f -name '.*.slurmdeck-*.tmp' "
                                    "-exec rm -f {} + ; ")
                         .arg(Shell::quote(m_plan.directory));
    QString modes;
    for (const RenderedFile &file : std::as_const(m_plan.files)) {
        if (!file.secret)
            continue;
        stale << file.path + QStringLiteral(".previous");
        modes += QStringLiteral("chmod %1 %2 || exit 1; ")
                     .arg(QString::number(file.mode, 8), Shell::quote(file.path));
    }
    if (!modes.isEmpty())
        modes += QStringLiteral("chmod 700 secrets || exit 1; ");
    script += QStringLiteral("rm -f -- %1; ").arg(Shell::join(stale)) + modes + QStringLiteral("exit 0");
    const Result<ExecResult> tidied = m_connection->exec(script, {}, m_cancel);
    if (!tidied)
        return tidied.error();
    if (!tidied->succeeded())
        return failure(QObject::tr("Cannot tidy %1 on %2 (stale files, secrets' modes).")
                           .arg(m_plan.directory, m_plan.hostName),
                       QString::fromUtf8(tidied->standardError).trimmed().right(1000));
    return {};
}

Result<QString> HostDeployer::deployedSha256(const QString &path)
{
    if (const auto known = m_deployedHashes.constFind(path); known != m_deployedHashes.cend())
        return *known;
    const Result<QHash<QString, QString>> read = remoteHashes({path});
    if (!read)
        return read.error();
    const QString hash = read->value(path);
    if (!hash.isEmpty())
        m_deployedHashes.insert(path, hash);
    return hash;
}

Result<ExecResult> HostDeployer::runArgv(const QStringList &argv, std::chrono::seconds timeout)
{
    ExecOptions options;
    options.timeout = timeout;
    return m_connection->exec(Shell::join(argv), options, m_cancel);
}

Result<ExecResult> HostDeployer::runShell(const QString &command, std::chrono::seconds timeout)
{
    ExecOptions options;
    options.timeout = timeout;
    return m_connection->exec(command, options, m_cancel);
}

Result<ExecResult> HostDeployer::composeRun(const QStringList &subcommand, std::chrono::seconds timeout)
{
    return runArgv(compose().arguments(subcommand), timeout);
}

Result<QStringList> HostDeployer::runningServices()
{
    const QString command =
        Shell::quote(m_fingerprint.dockerPath) +
        QStringLiteral(" ps --filter status=running --filter label=com.docker.compose.project=%1 --format "
                       "'{{.Label \"com.docker.compose.service\"}}'")
            .arg(Shell::quote(m_plan.project.name));
    const Result<ExecResult> listed = m_connection->exec(command, {}, m_cancel);
    if (!listed)
        return listed.error();
    if (!listed->succeeded())
        return failure(QObject::tr("docker ps failed on %1.").arg(m_plan.hostName),
                       QString::fromUtf8(listed->standardError).trimmed());
    QStringList services = QString::fromUtf8(listed->standardOutput).split(u'\n', Qt::SkipEmptyParts);
    services.sort();
    return services;
}

Result<QHash<QString, QString>> HostDeployer::serviceStates()
{
    const QString docker = Shell::quote(m_fingerprint.dockerPath);
    const QString command =
        QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); [ -z \"$ids\" ] || "
                       "%1 inspect --format '{{index .Config.Labels \"com.docker.compose.service\"}} "
                       "{{.State.Status}} {{.RestartCount}}' $ids")
            .arg(docker, Shell::quote(m_plan.project.name));
    const Result<ExecResult> listed = m_connection->exec(command, {}, m_cancel);
    if (!listed)
        return listed.error();
    if (!listed->succeeded())
        return failure(QObject::tr("docker inspect failed on %1.").arg(m_plan.hostName),
                       QString::fromUtf8(listed->standardError).trimmed());
    QHash<QString, QString> states;
    for (const QString &line : QString::fromUtf8(listed->standardOutput).split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype space = line.indexOf(u' ');
        if (space > 0)
            states.insert(line.left(space), line.mid(space + 1).trimmed());
    }
    return states;
}

Result<QString> HostDeployer::firstServiceDown(const QStringList &services, const QStringList &fresh)
{
    const Result<QHash<QString, QString>> states = serviceStates();
    if (!states)
        return states.error();
    for (const QString &service : services) {
        const QString state = states->value(service);
        const bool running = state.startsWith(QLatin1String("running "));
        if (!running || (fresh.contains(service) && state != u"running 0"))
            return service;
    }
    return QString();
}

Result<QString> HostDeployer::serviceLogs(const QString &service, int lines)
{
    const Result<ExecResult> logs = runArgv(compose().logs(service, lines), std::chrono::seconds(30));
    if (!logs)
        return logs.error();
    return QString::fromUtf8(logs->standardOutput + logs->standardError).trimmed();
}

QStringList HostDeployer::servicesReading(const QString &file)
{
    const QStringList slurm{QStringLiteral("slurmctld"), QStringLiteral("slurmd"), QStringLiteral("slurmdbd"),
                            QStringLiteral("slurm-exporter")};
    if (file == u"secrets/munge.key")
        return slurm;
    // The daemons read slurm.conf and its companions again without a container restart
    // (SlurmConfChange, DeployRunner): a restarted slurmd container would kill its jobs.
    if (file.startsWith(QLatin1String("etc/slurm/")))
        return file.endsWith(QLatin1String("slurmdbd.conf")) ? QStringList{QStringLiteral("slurmdbd")}
                                                             : QStringList{};
    if (file == u"secrets/db_password") // MariaDB sets the user's password on each start
        return {QStringLiteral("mariadb"), QStringLiteral("slurmdbd")};
    if (file == u"prometheus/prometheus.yml")
        return {QStringLiteral("prometheus")};
    return {};
}

Result<HostDeployer::StartOutcome>
HostDeployer::startServices(const QStringList &services, const QStringList &changedFiles, bool checkStaysUp)
{
    StartOutcome outcome;
    const Result<QStringList> before = runningServices();
    if (!before)
        return before.error();
    const QSet<QString> composeInputs{QStringLiteral("compose.yml"), QStringLiteral("compose.override.yml"),
                                      QStringLiteral("compose.gpu.yml"), SharedMounts::composeFileName(),
                                      QStringLiteral(".env")};
    bool composeChanged = false;
    QSet<QString> toRestart;
    for (const QString &file : changedFiles) {
        composeChanged = composeChanged || composeInputs.contains(file);
        for (const QString &service : servicesReading(file))
            toRestart.insert(service);
    }
    QStringList missing;
    for (const QString &service : services) {
        if (!before->contains(service))
            missing << service;
    }

    QStringList upServices = services;
    const QString slurmd = QStringLiteral("slurmd");
    // (A replaced munge key restarts slurmd anyway: a rotation asks for drained nodes.)
    if (composeChanged && services.contains(slurmd) && before->contains(slurmd) &&
        !toRestart.contains(slurmd)) {
        const Result<int> steps = jobStepsInOutdatedSlurmd();
        if (!steps)
            return steps.error();
        if (*steps > 0) {
            upServices.removeAll(slurmd);
            outcome.kept << slurmd;
            for (const QString &file : changedFiles) {
                if (composeInputs.contains(file) && !m_stillOwed.contains(file))
                    m_stillOwed << file;
            }
            m_log(QObject::tr(
                      "slurmd keeps its container: %n job step(s) run in it, and a new container would "
                      "kill them. Its new Compose settings apply at a later deploy, once no job runs on "
                      "%1 (drain the node to get there sooner).",
                      nullptr, *steps)
                      .arg(m_plan.hostName));
        }
    }
    if ((composeChanged || !missing.isEmpty()) && !upServices.isEmpty()) {
        m_log(QObject::tr("starting %1").arg(upServices.join(QStringLiteral(", "))));
        const Result<ExecResult> up = runArgv(compose().up(upServices), std::chrono::seconds(300));
        if (!up)
            return up.error();
        if (!up->succeeded()) {
            const QString error = QString::fromUtf8(up->standardError).trimmed();
            return failure(QObject::tr("Compose could not start the services on %1. %2")
                               .arg(m_plan.hostName, startFailureHint(error))
                               .trimmed(),
                           error.right(2000));
        }
        outcome.started = missing;
    }
    QStringList restart;
    for (const QString &service : services) {
        if (toRestart.contains(service) && before->contains(service))
            restart << service;
    }
    if (!restart.isEmpty()) {
        // Stop, then `up`: unlike `restart`, `up` keeps the dependency order (slurmdbd only
        // once MariaDB is healthy again, e.g. after a password change).
        m_log(QObject::tr("restarting %1 (configuration changed)").arg(restart.join(QStringLiteral(", "))));
        const Result<ExecResult> stopped = runArgv(compose().stop(restart), std::chrono::seconds(180));
        if (!stopped)
            return stopped.error();
        const Result<ExecResult> started = runArgv(compose().up(upServices), std::chrono::seconds(300));
        if (!started)
            return started.error();
        if (!started->succeeded()) {
            const QString error = QString::fromUtf8(started->standardError).trimmed();
            return failure(QObject::tr("Compose could not restart the services on %1. %2")
                               .arg(m_plan.hostName, startFailureHint(error))
                               .trimmed(),
                           error.right(2000));
        }
        outcome.restarted = restart;
    }

    // New users go into running containers now; containers (re)started read users.conf.
    if (changedFiles.contains(kUsersConf)) {
        if (Result<void> synced = syncUsers(services); !synced)
            return synced.error();
    }

    // A container that crashes right after `up` still shows as running for a moment: the
    // services started or restarted now must stay up, unrestarted, for the settle time.
    outcome.fresh = composeChanged || !missing.isEmpty() ? upServices : restart;
    if (!checkStaysUp)
        return outcome;
    if (!outcome.fresh.isEmpty())
        QThread::msleep(static_cast<unsigned long>(kSettleTime.count()));
    const Result<QString> down = firstServiceDown(services, outcome.fresh);
    if (!down)
        return down.error();
    if (!down->isEmpty()) {
        const Result<QString> logs = serviceLogs(*down, 20);
        outcome.failedService = *down;
        outcome.lastLogLines = logs ? *logs : logs.error().toString();
    }
    return outcome;
}

} // namespace SlurmDeck
