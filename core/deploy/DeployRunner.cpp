// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/DeployRunner.h"

#include "common/Executor.h"

#include "deploy/ClusterVerifier.h"
#include "deploy/HostDeployer.h"
#include "deploy/HostImages.h"
#include "deploy/LocalImages.h"
#include "deploy/RemoteImages.h"
#include "deploy/SharedDataVerdict.h"
#include "deploy/SlurmConfigApply.h"

#include <QFutureWatcher>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <QUuid>
#include <QtConcurrent>

#include <algorithm>

namespace SlurmDeck {

// Forwards log lines from worker threads to the runner while it lives.
struct DeployRunner::LogSink
{
    QMutex mutex;
    QPointer<DeployRunner> runner;

    void post(const QString &host, const QString &line)
    {
        QMutexLocker lock(&mutex);
        if (DeployRunner *target = runner.data()) {
            QMetaObject::invokeMethod(
                target, [target, host, line] { emit target->logLine(host, line); }, Qt::QueuedConnection);
        }
    }
};

DeployRunner::DeployRunner(ClusterPlan plan, QHash<QString, SshTarget> targets,
                           std::shared_ptr<HostKeyPrompt> hostKeys,
                           std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_targets(std::move(targets))
    , m_hostKeys(std::move(hostKeys))
    , m_credentials(std::move(credentials))
    , m_sink(std::make_shared<LogSink>())
{
    m_sink->runner = this;
}

DeployRunner::~DeployRunner()
{
    m_cancel.cancel();
    QMutexLocker lock(&m_sink->mutex);
    m_sink->runner = nullptr;
}

QStringList DeployRunner::imagesFor(const QStringList &services, const QString &slurmImage,
                                    const QString &monitoringImage, const QString &databaseImage)
{
    QStringList images;
    for (const QString &service : services) {
        QString image;
        if (service == u"mariadb")
            image = databaseImage;
        else if (service == u"prometheus" || service == u"node-exporter" || service == u"gpu-exporter")
            image = monitoringImage;
        else
            image = slurmImage;
        if (!images.contains(image))
            images << image;
    }
    return images;
}

void DeployRunner::setPhase(const QString &host, DeployPhase phase, const QString &message)
{
    HostDeployResult &result = m_results[host];
    result.phase = phase;
    if (!message.isEmpty())
        result.message = message;
    emit hostPhaseChanged(host, phase, message);
}

QStringList DeployRunner::liveHosts() const
{
    QStringList hosts;
    for (const HostPlan &host : m_plan.hosts) {
        const HostDeployResult result = m_results.value(host.hostName);
        if (result.phase != DeployPhase::Failed && result.phase != DeployPhase::Cancelled &&
            m_deployers.contains(host.hostName))
            hosts << host.hostName;
    }
    return hosts;
}

void DeployRunner::start(const DeployOptions &options)
{
    m_options = options;
    m_cancel = CancelToken();
    m_runToken = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_running = true;
    m_elapsed.start();
    m_results.clear();
    m_checks.clear();
    m_deployers.clear();
    for (const HostPlan &host : std::as_const(m_plan.hosts)) {
        if (!options.onlyHosts.isEmpty() && !options.onlyHosts.contains(host.hostName))
            continue;
        const std::shared_ptr<LogSink> sink = m_sink;
        const QString name = host.hostName;
        m_deployers.insert(name,
                           std::make_shared<HostDeployer>(
                               host, m_targets.value(name), m_hostKeys.get(), m_credentials.get(), m_cancel,
                               [sink, name](const QString &line) { sink->post(name, line); }));
        HostDeployResult pending;
        pending.host = name;
        m_results.insert(name, pending);
    }
    m_imageSupply.reset();
    if (options.images == ImageSource::TransferFromHere) {
        m_imageSupply = std::make_shared<LocalImages>(options.localDocker);
    } else if (options.images == ImageSource::TransferFromHost) {
        const HostPlan *source = nullptr;
        for (const HostPlan &host : std::as_const(m_plan.hosts)) {
            if (host.hostName == options.imageHost)
                source = &host;
        }
        if (!source) {
            QStringList names;
            for (const HostPlan &host : std::as_const(m_plan.hosts))
                names << host.hostName;
            failAll(
                tr("The images are to be copied from %1, which is not a host of the cluster; its hosts are "
                   "%2.")
                    .arg(options.imageHost, names.join(QStringLiteral(", "))));
            return;
        }
        const std::shared_ptr<LogSink> sink = m_sink;
        const QString name = source->hostName;
        m_imageSupply = std::make_shared<RemoteImages>(
            *source, m_targets.value(name), m_hostKeys.get(), m_credentials.get(), m_cancel,
            [sink, name](const QString &line) { sink->post(name, line); });
    }
    checkHosts();
}

void DeployRunner::failAll(const QString &message)
{
    for (const QString &host : m_deployers.keys())
        setPhase(host, DeployPhase::Failed, message);
    QTimer::singleShot(0, this, [this] { finish(); });
}

void DeployRunner::cancel()
{
    m_cancel.cancel();
}

void DeployRunner::runOnHosts(const QStringList &hosts, DeployPhase phase, Step step,
                              std::function<void()> next)
{
    if (hosts.isEmpty() || m_cancel.isCancelled()) {
        QTimer::singleShot(0, this, std::move(next));
        return;
    }
    auto remaining = std::make_shared<int>(static_cast<int>(hosts.size()));
    for (const QString &host : hosts) {
        setPhase(host, phase);
        std::shared_ptr<HostDeployer> deployer = m_deployers.value(host);
        HostDeployResult snapshot = m_results.value(host);
        using Outcome = std::pair<Result<void>, HostDeployResult>;
        auto *watcher = new QFutureWatcher<Outcome>(this);
        connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, host, remaining, next] {
            const Outcome outcome = watcher->result();
            watcher->deleteLater();
            const DeployPhase current = m_results.value(host).phase;
            m_results[host] = outcome.second;
            m_results[host].phase = current;
            if (!outcome.first) {
                m_failureCodes.insert(host, outcome.first.error().code);
                const bool cancelled = outcome.first.error().code == Error::Code::Cancelled;
                setPhase(host, cancelled ? DeployPhase::Cancelled : DeployPhase::Failed,
                         outcome.first.error().toString());
            }
            if (--*remaining == 0)
                next();
        });
        // The deployer's connection calls the prompts through plain pointers: the task keeps
        // them alive, since the runner (and whoever else held them, e.g. a closed Deploy
        // view) may be gone before the task notices the cancel.
        watcher->setFuture(QtConcurrent::run(
            Executor::pool(Executor::Lane::Deploy),
            [deployer, snapshot, step, hostKeys = m_hostKeys, credentials = m_credentials]() mutable {
                Result<void> result = step(*deployer, snapshot);
                return Outcome{std::move(result), std::move(snapshot)};
            }));
    }
}

// Every host is checked before any is written to: a host that answers but fails a check
// (Docker denied, a directory it cannot write, a port taken) needs the user first, so no
// host gets files. A host that cannot be reached fails alone; the others go on.
void DeployRunner::checkHosts()
{
    m_failureCodes.clear();
    runOnHosts(
        m_deployers.keys(), DeployPhase::Connecting,
        [](HostDeployer &deployer, HostDeployResult &) { return deployer.connectAndCheck(); },
        [this] {
            QStringList refused;
            for (auto failed = m_failureCodes.cbegin(); failed != m_failureCodes.cend(); ++failed) {
                if (!isReachabilityFailure(failed.value()))
                    refused << failed.key();
            }
            if (refused.isEmpty() || m_cancel.isCancelled()) {
                checkSharedDirectories();
                return;
            }
            refused.sort();
            for (const QString &host : liveHosts()) {
                setPhase(host, DeployPhase::Failed,
                         tr("Not deployed: the checks failed on %1 (see there). Nothing was written to any "
                            "host; fix that, then deploy again.")
                             .arg(refused.join(QStringLiteral(", "))));
            }
            finish();
        });
}

// Two hosts whose project directories are one (a home shared over NFS) would overwrite each
// other's .env and run each other's node: refused, with nothing but the markers written.
void DeployRunner::checkSharedDirectories()
{
    runOnHosts(
        liveHosts(), DeployPhase::Preflight,
        [token = m_runToken](HostDeployer &deployer, HostDeployResult &) -> Result<void> {
            if (Result<void> marked = deployer.markDirectory(); !marked)
                return marked;
            return deployer.markSharedDirectories(token);
        },
        [this] {
            runOnHosts(
                liveHosts(), DeployPhase::Preflight,
                [token = m_runToken](HostDeployer &deployer, HostDeployResult &) -> Result<void> {
                    if (Result<void> read = deployer.readDirectoryMarkers(); !read)
                        return read;
                    return deployer.readSharedMarkers(token);
                },
                [this] { refuseSharedDirectories(); });
        });
}

void DeployRunner::refuseSharedDirectories()
{
    const QStringList live = liveHosts();
    QStringList shared; // "worker1 and worker2 (DIR)"
    QSet<QString> involved;
    for (const QString &host : live) {
        for (const QString &other : m_deployers.value(host)->directoryMarkers()) {
            if (other == host || !m_deployers.contains(other) || involved.contains(host))
                continue;
            shared << tr("%1 and %2 (%3)").arg(host, other, m_deployers.value(host)->plan().directory);
            involved << host << other;
        }
    }
    if (m_cancel.isCancelled() || (shared.isEmpty() && !refuseSharedData(live))) {
        prepareHosts();
        return;
    }
    if (shared.isEmpty())
        return;
    const QString message =
        tr("These hosts share their directory, on a shared filesystem such as a home over NFS: %1. "
           "Their files would overwrite each other. Give remote_directory in the settings a directory "
           "that is local to each host (e.g. /var/tmp/slurmdeck), or leave it at its default: an "
           "ordinary user's files then go to a directory of each host's own under the home. Nothing "
           "but a marker (.slurmdeck-host.<host>) was written.")
            .arg(shared.join(QStringLiteral("; ")));
    for (const QString &host : live)
        setPhase(host, DeployPhase::Failed, message);
    finish();
}

// A shared data directory that some host sees as another filesystem (a share not mounted
// there, a local directory of the same name) would scatter the jobs' files: refused.
bool DeployRunner::refuseSharedData(const QStringList &live)
{
    QList<std::pair<QString, QList<SharedMarkerSighting>>> sightings;
    for (const QString &host : live) {
        const HostDeployer &deployer = *m_deployers.value(host);
        for (const SharedMount &mount : deployer.plan().sharedMounts) {
            auto at = std::find_if(sightings.begin(), sightings.end(),
                                   [&mount](const auto &entry) { return entry.first == mount.mount; });
            if (at == sightings.end())
                at = sightings.insert(sightings.end(), {mount.mount, {}});
            at->second << SharedMarkerSighting{host, mount.source,
                                               deployer.sharedMarkers().value(mount.mount)};
        }
    }
    QStringList messages;
    for (const SharedDataMismatch &mismatch : sharedDataMismatches(sightings))
        messages << mismatch.message;
    if (messages.isEmpty())
        return false;
    messages << tr("Nothing was written but markers (.%1.node.<host>).").arg(m_plan.projectName);
    for (const QString &host : live)
        setPhase(host, DeployPhase::Failed, messages.join(u' '));
    finish();
    return true;
}

bool DeployRunner::isReachabilityFailure(Error::Code code)
{
    switch (code) {
    case Error::Code::Network:
    case Error::Code::Authentication:
    case Error::Code::HostKeyUnknown:
    case Error::Code::HostKeyChanged:
    case Error::Code::Timeout:
    case Error::Code::Cancelled:
        return true;
    default:
        return false;
    }
}

void DeployRunner::prepareHosts()
{
    const DeployOptions options = m_options;
    const std::shared_ptr<ImageSupply> supply = m_imageSupply;
    const QList<ImageBuildContext> contexts = m_plan.buildContexts;
    const QString slurmImage = m_plan.slurmImage;
    const QString monitoringImage = m_plan.monitoringImage;
    const QString databaseImage = m_plan.databaseImage;
    runOnHosts(
        liveHosts(), DeployPhase::Files,
        [=](HostDeployer &deployer, HostDeployResult &result) -> Result<void> {
            if (Result<void> removed = deployer.removeSharedMarker(); !removed)
                return removed;
            const Result<QStringList> changed = deployer.syncFiles();
            if (!changed)
                return changed.error();
            result.changedFiles = *changed;
            const QString mungeKey = QStringLiteral("secrets/munge.key");
            if (deployer.plan().file(mungeKey)) {
                // Its hash only: the key itself never leaves the keychain and the hosts.
                const Result<QString> hash = deployer.deployedSha256(mungeKey);
                if (!hash)
                    return hash.error();
                result.mungeKeySha256 = *hash;
            }
            const Result<HostImages::Outcome> images = HostImages(deployer).ensure(
                imagesFor(deployer.plan().services, slurmImage, monitoringImage, databaseImage), options,
                supply.get(), contexts);
            if (!images)
                return images.error();
            result.imagesLoaded = images->loaded;
            result.imagesBuilt = images->built;
            return {};
        },
        [this] { startServices(); });
}

namespace {

// Whether the running Slurm daemons must read some of `changedFiles` (slurmdbd.conf and
// the munge key restart their containers instead).
bool readsSlurmConfig(const QStringList &changedFiles)
{
    return std::any_of(changedFiles.cbegin(), changedFiles.cend(), [](const QString &path) {
        return path.startsWith(QLatin1String("etc/slurm/")) &&
               !path.endsWith(QLatin1String("/slurmdbd.conf")) &&
               path != HostDeployer::kUsersConf; // accounts, added by HostDeployer::syncUsers
    });
}

} // namespace

// Every host starts all its services with one `up`, all hosts at once. The order the
// daemons come up in — database, slurmdbd, slurmctld, then slurmd on every node — is kept
// by the daemons themselves: Compose starts slurmdbd once MariaDB is healthy, and the Slurm
// image's entrypoint holds slurmctld until slurmdbd answers and slurmd until slurmctld does,
// wherever those run. So no host waits for another's `docker-compose up` to return.
void DeployRunner::startServices()
{
    runOnHosts(
        liveHosts(), DeployPhase::Starting,
        [](HostDeployer &deployer, HostDeployResult &result) -> Result<void> {
            const Result<HostDeployer::StartOutcome> outcome =
                deployer.startServices(deployer.plan().services, result.changedFiles, false);
            if (!outcome)
                return outcome.error();
            // Replaced Slurm files are owed until the daemons read them (applySlurmConfiguration).
            if (!readsSlurmConfig(result.changedFiles)) {
                if (Result<void> cleared = deployer.clearPendingRestarts(); !cleared)
                    return cleared;
            }
            result.startedServices += outcome->started;
            result.restartedServices += outcome->restarted;
            result.freshServices += outcome->fresh;
            result.keptServices += outcome->kept;
            return {};
        },
        [this] { applySlurmConfiguration(); });
}

// The Slurm daemons that ran before this deploy read the files it replaced: scontrol
// reconfigure where Slurm takes the change at run time, else slurmctld's container restarts
// and then slurmd restarts inside each container. No container holding job steps restarts.
void DeployRunner::applySlurmConfiguration()
{
    m_slurmConfig = {};
    for (const QString &host : liveHosts())
        m_slurmConfig.merge(slurmConfigChange(*m_deployers.value(host), m_results.value(host)));
    QString controller;
    QStringList computeHosts;
    for (const HostPlan &host : std::as_const(m_plan.hosts)) {
        if (host.services.contains(QStringLiteral("slurmctld")))
            controller = host.hostName;
        if (host.services.contains(QStringLiteral("slurmd")) && liveHosts().contains(host.hostName))
            computeHosts << host.hostName;
    }
    // Once the daemons read the files, nothing is owed any more.
    const auto settled = [this] {
        QStringList owing;
        for (const QString &host : liveHosts()) {
            if (readsSlurmConfig(m_results.value(host).changedFiles))
                owing << host;
        }
        runOnHosts(
            owing, DeployPhase::Starting,
            [](HostDeployer &deployer, HostDeployResult &) { return deployer.clearPendingRestarts(); },
            [this] { checkServicesStayedUp(); });
    };
    if (m_slurmConfig.apply == SlurmConfChange::Apply::Nothing || !liveHosts().contains(controller)) {
        if (liveHosts().contains(controller))
            settled();
        else
            checkServicesStayedUp();
        return;
    }
    const SlurmConfChange change = m_slurmConfig;
    const auto computeStep = [change](HostDeployer &deployer, HostDeployResult &result) -> Result<void> {
        const Result<QStringList> restarted = applyOnComputeHost(deployer, change, result);
        if (!restarted) {
            const Result<QString> logs = deployer.serviceLogs(QStringLiteral("slurmd"), 20);
            result.lastLogLines = logs ? *logs : logs.error().toString();
            return restarted.error();
        }
        result.restartedServices += *restarted;
        return {};
    };
    runOnHosts(
        {controller}, DeployPhase::Starting,
        [change](HostDeployer &deployer, HostDeployResult &result) -> Result<void> {
            const Result<QStringList> restarted = applyOnController(deployer, change, result);
            if (!restarted)
                return restarted.error();
            result.restartedServices += *restarted;
            result.freshServices += *restarted;
            return {};
        },
        [this, computeHosts, computeStep, settled] {
            QStringList hosts; // after slurmctld: slurmd registers with the new configuration
            for (const QString &host : computeHosts) {
                if (m_slurmConfig.apply == SlurmConfChange::Apply::RestartDaemons &&
                    liveHosts().contains(host))
                    hosts << host;
            }
            runOnHosts(hosts, DeployPhase::Starting, computeStep, settled);
        });
}

// A container that crashes right after `up` still shows as running for a moment: once
// everything is started, the services (re)created by this run must have stayed up,
// unrestarted, for the settle time. One wait for all hosts.
void DeployRunner::checkServicesStayedUp()
{
    QStringList hosts;
    for (const QString &host : liveHosts()) {
        if (!m_results.value(host).freshServices.isEmpty())
            hosts << host;
    }
    runOnHosts(
        hosts, DeployPhase::Starting,
        [](HostDeployer &deployer, HostDeployResult &result) -> Result<void> {
            QThread::msleep(static_cast<unsigned long>(HostDeployer::kSettleTime.count()));
            const Result<QString> down =
                deployer.firstServiceDown(deployer.plan().services, result.freshServices);
            if (!down)
                return down.error();
            if (down->isEmpty())
                return {};
            const Result<QString> logs = deployer.serviceLogs(*down, 20);
            result.lastLogLines = logs ? *logs : logs.error().toString();
            return Error{
                Error::Code::RemoteCommandFailed,
                QObject::tr("The service %1 on %2 did not stay up. Its last log lines are below; fix "
                            "the cause and deploy again.")
                    .arg(*down, deployer.plan().hostName),
                {}};
        },
        [this] { verify(); });
}

void DeployRunner::verify()
{
    for (const QString &host : liveHosts())
        setPhase(host, DeployPhase::Done);
    QString controller;
    QString monitoring;
    QStringList computeNodes;
    bool accounting = false;
    for (const HostPlan &host : std::as_const(m_plan.hosts)) {
        if (host.services.contains(QStringLiteral("slurmctld")))
            controller = host.hostName;
        if (host.services.contains(QStringLiteral("prometheus")))
            monitoring = host.hostName;
        if (host.services.contains(QStringLiteral("slurmd")))
            computeNodes << host.hostName;
        accounting = accounting || host.services.contains(QStringLiteral("slurmdbd"));
    }
    if (m_options.verify && !m_cancel.isCancelled()) {
        QList<HostDeployResult> results;
        for (const HostPlan &host : std::as_const(m_plan.hosts)) {
            if (m_results.contains(host.hostName))
                results << m_results.value(host.hostName);
        }
        if (std::optional<VerificationCheck> munge = mungeKeyCheck(results, controller)) {
            m_checks << *munge;
            if (!munge->passed) {
                // Daemons with different keys cannot authenticate: the cluster checks would
                // only time out. The report points at the cause instead.
                m_checks.last().detail += tr(" The cluster checks were skipped.");
                finish();
                return;
            }
        }
    }
    const bool controllerReady = m_deployers.contains(controller) && liveHosts().contains(controller);
    if (!m_options.verify || m_cancel.isCancelled() || !controllerReady) {
        if (m_options.verify && !controllerReady && !m_cancel.isCancelled()) {
            m_checks << VerificationCheck{tr("slurmctld answers (scontrol ping)"), false,
                                          tr("the controller host was not deployed"), controller};
        }
        finish();
        return;
    }
    std::shared_ptr<HostDeployer> controllerDeployer = m_deployers.value(controller);
    std::shared_ptr<HostDeployer> monitoringDeployer =
        liveHosts().contains(monitoring) ? m_deployers.value(monitoring) : nullptr;
    auto *watcher = new QFutureWatcher<QList<VerificationCheck>>(this);
    connect(watcher, &QFutureWatcher<QList<VerificationCheck>>::finished, this, [this, watcher] {
        m_checks += watcher->result();
        watcher->deleteLater();
        finish();
    });
    const CancelToken cancel = m_cancel;
    const std::shared_ptr<LogSink> sink = m_sink;
    watcher->setFuture(QtConcurrent::run(
        Executor::pool(Executor::Lane::Deploy), [=, hostKeys = m_hostKeys, credentials = m_credentials] {
            sink->post(controller, tr("verifying the cluster"));
            // The monitoring host may be the controller host: one connection, used by one task.
            HostDeployer *monitor = monitoringDeployer.get();
            ClusterVerifier verifier(*controllerDeployer, monitor, computeNodes, accounting, cancel);
            return verifier.run();
        }));
}

void DeployRunner::finish()
{
    m_running = false;
    DeployReport report;
    bool nothingChanged = true;
    for (const HostPlan &host : std::as_const(m_plan.hosts)) {
        if (!m_results.contains(host.hostName))
            continue;
        const HostDeployResult &result = m_results[host.hostName];
        nothingChanged = nothingChanged && result.changedFiles.isEmpty() &&
                         result.startedServices.isEmpty() && result.restartedServices.isEmpty() &&
                         result.imagesLoaded.isEmpty() && result.imagesBuilt.isEmpty();
        report.hosts << result;
    }
    report.checks = m_checks;
    report.slurmConfig = m_slurmConfig;
    report.nothingChanged = nothingChanged;
    report.elapsedMs = m_elapsed.elapsed();
    emit finished(report);
}

} // namespace SlurmDeck
