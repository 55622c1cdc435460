// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/SandboxRun.h"

#include "deploy/DeployRunner.h"
#include "deploy/ServiceControl.h"
#include "discovery/Discovery.h"
#include "discovery/DiscoveryToCluster.h"
#include "inventory/ClusterFile.h"
#include "session/ClusterSession.h"
#include "ssh/HostKey.h"

#include <QFile>
#include <QProcess>

namespace SlurmDeck {

namespace {
// The sandbox made the lab's host keys on this machine and trusts them before it connects
// (Sandbox::trustHostKeys): any other key is refused, never asked about.
std::shared_ptr<HostKeyPrompt> knownKeysOnly()
{
    return std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject);
}
} // namespace

SandboxRun::SandboxRun(std::shared_ptr<CredentialPrompt> credentials, QObject *parent)
    : QObject(parent), m_credentials(std::move(credentials))
{}

SandboxRun::~SandboxRun()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool SandboxRun::begin()
{
    if (m_running)
        return false;
    m_running = true;
    m_cancelled = false;
    if (const Result<void> can = Sandbox::checkCanRun(); !can) {
        fail(can.error().toString());
        return false;
    }
    const Result<Sandbox::Scripts> scripts = Sandbox::locate();
    if (!scripts) {
        fail(scripts.error().toString());
        return false;
    }
    m_scripts = *scripts;
    return true;
}

void SandboxRun::up()
{
    if (!begin())
        return;
    runScript(tr("bringing up the emulated hosts"), m_scripts.lab, {QStringLiteral("up")}, [this] {
        runScript(tr("linking this machine to them"), m_scripts.lab, {QStringLiteral("link")}, [this] {
            runScript(tr("building the images (from Debian packages; minutes the first time)"),
                      m_scripts.buildImages,
                      {QStringLiteral("--base"), QString::fromLatin1(Sandbox::baseImage)},
                      [this] { discover(); });
        });
    });
}

void SandboxRun::status()
{
    if (!begin())
        return;
    runScript(tr("lab status"), m_scripts.lab, {QStringLiteral("status")}, [this] {
        succeed(QFile::exists(clusterFile()) ? tr("sandbox cluster file: %1").arg(clusterFile())
                                             : tr("no sandbox cluster file (%1)").arg(clusterFile()));
    });
}

void SandboxRun::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->terminate();
    if (m_discovery)
        m_discovery->cancel();
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
}

void SandboxRun::runScript(const QString &step, const QString &program, const QStringList &arguments,
                           std::function<void()> next)
{
    if (m_cancelled)
        return fail(tr("Cancelled before %1.").arg(step));
    emit stepStarted(step);
    auto *process = new QProcess(this);
    m_process = process;
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::readyReadStandardOutput, this,
            [this, process] { emit output(QString::fromUtf8(process->readAllStandardOutput())); });
    connect(process, &QProcess::finished, this,
            [this, process, step, next = std::move(next)](int code, QProcess::ExitStatus status) {
                process->deleteLater();
                if (status == QProcess::NormalExit && code == 0 && !m_cancelled)
                    next();
                else if (m_cancelled)
                    fail(tr("Cancelled while %1.").arg(step));
                else
                    fail(tr("%1 failed (exit code %2); see the messages above. Running the sandbox again "
                            "resumes where it stopped.")
                             .arg(step)
                             .arg(code));
            });
    connect(process, &QProcess::errorOccurred, this, [this, process, program](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            process->deleteLater();
            fail(tr("cannot run %1: %2").arg(program, process->errorString()));
        }
    });
    process->start(program, arguments);
}

void SandboxRun::discover()
{
    QString why;
    const std::optional<Lab::Manifest> lab = Lab::readManifest(&why);
    if (!lab)
        return fail(why);
    if (const Result<void> trusted = Sandbox::trustHostKeys(*lab); !trusted)
        return fail(trusted.error().toString());
    DiscoveryRequest request;
    for (const Lab::Host &host : lab->hosts)
        request.hosts << (host.user == u"root" ? host.address : host.user + u'@' + host.address);
    request.login.user = QStringLiteral("root");
    request.login.identityFile = lab->clientKey();
    emit stepStarted(tr("discovering and fingerprinting the hosts"));
    m_discovery = new Discovery(knownKeysOnly(), m_credentials, this);
    connect(m_discovery, &Discovery::finished, this, [this, login = request.login] {
        const QList<DiscoveredHost> hosts = m_discovery->results();
        m_discovery->deleteLater();
        m_discovery = nullptr;
        if (m_cancelled)
            return fail(tr("Cancelled while discovering the hosts."));
        QStringList failures;
        for (const DiscoveredHost &host : hosts) {
            if (!host.ok())
                failures << host.target + QStringLiteral(": ") + statusText(host.status) +
                                QStringLiteral(": ") + host.message;
        }
        if (!failures.isEmpty())
            return fail(tr("Discovery failed; nothing was written:\n%1").arg(failures.join(u'\n')));
        Cluster cluster = clusterFromDiscovery(QString::fromLatin1(Sandbox::clusterName), hosts, login);
        Sandbox::applySeedTopology(cluster);
        if (const Result<void> saved = ClusterFile::save(cluster, clusterFile()); !saved)
            return fail(saved.error().toString());
        emit output(tr("Wrote %1 with %2 hosts.\n").arg(clusterFile()).arg(cluster.hosts.size()));
        deploy(cluster);
    });
    m_discovery->start(request);
}

void SandboxRun::deploy(const Cluster &cluster)
{
    emit stepStarted(tr("deploying the cluster"));
    m_session = new ClusterSession(cluster, SshTarget{}, knownKeysOnly(), m_credentials, this);
    m_session->prepareDeploy(this, [this](Result<ClusterSession::Prepared> prepared) {
        if (!prepared)
            return fail(tr("Cannot prepare the cluster's plan: %1").arg(prepared.error().toString()));
        if (m_cancelled)
            return fail(tr("Cancelled before the deploy."));
        DeployOptions options;
        options.images = ImageSource::TransferFromHere; // the hosts are offline: the images built here
        m_runner = new DeployRunner(prepared->plan, prepared->targets, m_session->hostKeys(),
                                    m_session->credentials(), this);
        connect(m_runner, &DeployRunner::hostPhaseChanged, this, &SandboxRun::deployPhaseChanged);
        connect(m_runner, &DeployRunner::logLine, this, &SandboxRun::deployLogLine);
        connect(m_runner, &DeployRunner::finished, this, [this](const DeployReport &report) {
            emit deployFinished(report);
            if (!report.ok())
                return fail(m_cancelled
                                ? tr("The deploy was cancelled. Starting the sandbox again resumes it.")
                                : tr("The deploy failed; see the report above. Starting the sandbox "
                                     "again resumes it."));
            succeed(tr("Sandbox ready. Cluster file: %1").arg(clusterFile()));
        });
        emit deployStarted(prepared->plan, options);
        m_runner->start(options);
    });
}

void SandboxRun::down()
{
    if (!begin())
        return;
    if (!QFile::exists(clusterFile()))
        return removeHosts();
    // Even its own file is checked: a file someone put there that is not the sandbox's
    // cluster is left alone, and so are its hosts.
    const Result<Cluster> cluster = ClusterFile::load(clusterFile());
    if (cluster && cluster->name != QLatin1String(Sandbox::clusterName)) {
        return fail(tr("%1 holds the cluster '%2', not the sandbox; not touching it or its hosts. Move it "
                       "elsewhere, then remove the sandbox again.")
                        .arg(clusterFile(), cluster->name));
    }
    if (!cluster) {
        emit output(tr("The sandbox's cluster file does not load (%1); removing the hosts.\n")
                        .arg(cluster.error().toString()));
        return removeHosts();
    }
    emit stepStarted(tr("stopping the cluster and deleting its data"));
    m_session = new ClusterSession(*cluster, SshTarget{}, knownKeysOnly(), m_credentials, this);
    m_session->locate(this, [this](Result<ClusterSession::Located> located) {
        if (!located) {
            emit output(tr("Cannot locate the cluster's hosts (%1); removing the hosts.\n")
                            .arg(located.error().toString()));
            return removeHosts();
        }
        m_control = new ServiceControl(located->topology.withoutFiles(), located->targets,
                                       m_session->hostKeys(), m_session->credentials(), this);
        connect(m_control, &ServiceControl::clusterOperationFinished, this,
                [this](const ClusterOperationReport &report) {
                    for (const HostReport &host : report.hosts) {
                        emit output(host.host + QStringLiteral(": ") +
                                    (host.ok() ? host.message : tr("FAILED: ") + host.error->toString()) +
                                    u'\n');
                    }
                    if (!report.ok())
                        emit output(tr("The cluster did not stop cleanly; removing the hosts anyway.\n"));
                    removeHosts();
                });
        m_control->runClusterOperation(ClusterOperation::Remove, true);
    });
}

void SandboxRun::removeHosts()
{
    runScript(tr("unlinking this machine"), m_scripts.lab, {QStringLiteral("unlink")}, [this] {
        runScript(tr("removing the emulated hosts"), m_scripts.lab, {QStringLiteral("down")}, [this] {
            QFile::remove(clusterFile());
            succeed(tr("Sandbox removed."));
        });
    });
}

void SandboxRun::fail(const QString &message)
{
    m_running = false;
    emit finished(false, message);
}

void SandboxRun::succeed(const QString &message)
{
    m_running = false;
    emit finished(true, message);
}

} // namespace SlurmDeck
