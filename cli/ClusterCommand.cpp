// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ClusterCommand.h"

#include "cli/CliHostKeyPolicy.h"
#include "cli/ReportJson.h"
#include "cli/Terminal.h"
#include "cli/TerminalSecretAsker.h"
#include "deploy/HostTaskQueue.h"
#include "deploy/ServiceControl.h"
#include "inventory/ClusterFile.h"
#include "secrets/KeychainCredentialPrompt.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace SlurmDeck {

ClusterCommand::ClusterCommand(QObject *parent)
    : CliCommand(parent)
    , m_help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Help."))
    , m_sshConfig(QStringLiteral("ssh-config"),
                  tr("Read this OpenSSH client config instead of ~/.ssh/config."), QStringLiteral("FILE"))
    , m_acceptNew(QStringLiteral("accept-new-host-keys"),
                  tr("Trust and remember host keys seen for the first time (like OpenSSH's "
                     "StrictHostKeyChecking=accept-new). Changed keys are always refused."))
    , m_timeout(QStringLiteral("timeout"), tr("Seconds to wait for each SSH connection (default 10)."),
                QStringLiteral("SECONDS"))
{}

ClusterCommand::~ClusterCommand() = default; // the host tasks (children) cancel what runs

void ClusterCommand::done(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    out().flush();
    err().flush();
    emit finished(exitCode);
}

bool ClusterCommand::parse(const CliContext &context, QCommandLineParser &parser, const QString &command,
                           const QString &usage)
{
    m_context = context;
    parser.addOptions({m_help, m_sshConfig, m_acceptNew, m_timeout});
    if (!parser.parse(QStringList{command} + context.arguments)) {
        err() << parser.errorText()
              << QStringLiteral("\nRun 'slurmdeck-cli %1 --help' for its options.\n").arg(command);
        done(CliUsage);
        return false;
    }
    if (parser.isSet(m_help)) {
        out() << commandHelp(parser, usage);
        done(CliOk);
        return false;
    }
    m_ssh.configFile = parser.value(m_sshConfig);
    if (parser.isSet(m_timeout)) {
        bool ok = false;
        const int seconds = parser.value(m_timeout).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 600) {
            err() << tr("--timeout wants seconds from 1 to 600.\n");
            done(CliUsage);
            return false;
        }
        m_ssh.connectTimeout = std::chrono::seconds(seconds);
    }
    m_hostKeys = std::make_shared<CliHostKeyPolicy>(parser.isSet(m_acceptNew));
    // Key passphrases and passwords: from the OS keychain, else asked on the terminal.
    m_credentials = std::make_shared<KeychainCredentialPrompt>(QStringLiteral("slurmdeck"),
                                                               std::make_shared<TerminalSecretAsker>());
    return true;
}

void ClusterCommand::prepareCluster(std::function<void()> ready, bool secrets)
{
    m_clusterPath = ClusterFile::resolvePath(m_context.clusterFile);
    const Result<Cluster> cluster = ClusterFile::load(m_clusterPath);
    if (!cluster) {
        if (cluster.error().code == Error::Code::NotFound) {
            err() << tr("There is no cluster file at %1. Write one with 'slurmdeck-cli init NAME HOST...', "
                        "or name yours with --cluster FILE.\n")
                         .arg(m_clusterPath);
        } else {
            err() << cluster.error().message << u'\n';
            if (!cluster.error().detail.isEmpty())
                err() << cluster.error().detail << u'\n';
        }
        done(CliFailure);
        return;
    }
    if (cluster->hosts.isEmpty()) {
        err() << tr("The cluster %1 in %2 has no hosts. Add them with 'slurmdeck-cli init' or in the "
                    "slurmdeck GUI.\n")
                     .arg(cluster->name, m_clusterPath);
        done(CliFailure);
        return;
    }
    m_session = new ClusterSession(*cluster, m_ssh, m_hostKeys, m_credentials, this);
    if (!m_mungeKey.isEmpty())
        m_session->setMungeKey(m_mungeKey);
    if (!secrets) {
        // Where the hosts are and what runs where: the keychain is not asked.
        m_session->locate(this, [this, ready](Result<ClusterSession::Located> located) {
            if (!located) {
                err() << tr("Cannot locate the cluster's hosts: %1\n").arg(located.error().toString());
                done(CliFailure);
                return;
            }
            m_prepared.plan = located->topology.withoutFiles();
            m_prepared.targets = std::move(located->targets);
            ready();
        });
        return;
    }
    m_session->prepareDeploy(this, [this, ready](Result<ClusterSession::Prepared> prepared) {
        if (!prepared) {
            err() << tr("Cannot prepare the cluster's plan: %1\n").arg(prepared.error().toString());
            done(CliFailure);
            return;
        }
        m_prepared = std::move(prepared).value();
        ready();
    });
}

const HostPlan *ClusterCommand::hostPlan(const QString &name) const
{
    for (const HostPlan &host : m_prepared.plan.hosts) {
        if (host.hostName == name)
            return &host;
    }
    return nullptr;
}

QStringList ClusterCommand::hostNames() const
{
    QStringList names;
    for (const HostPlan &host : m_prepared.plan.hosts)
        names << host.hostName;
    return names;
}

void ClusterCommand::runOnHosts(const QStringList &hosts, HostTask task,
                                std::function<void(QList<HostOutcome>)> finishedAll)
{
    auto outcomes = std::make_shared<QList<HostOutcome>>();
    for (const QString &host : hosts)
        outcomes->append(HostOutcome{host, QStringList()});
    auto remaining = std::make_shared<qsizetype>(hosts.size());
    if (!m_hostTasks)
        m_hostTasks = m_session->operation<HostTaskQueue>(m_prepared.plan, m_prepared.targets, this);
    const QPointer<ClusterCommand> self(this);
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        const QString name = hosts.at(i);
        if (!hostPlan(name)) {
            (*outcomes)[i].result =
                makeError(Error::Code::InvalidArgument, tr("%1 is not a host of this cluster.").arg(name));
            --*remaining;
            continue;
        }
        const LinePoster post = [self, name](const QString &line) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, name, line] {
                    if (self) {
                        self->out() << name << QStringLiteral(": ") << line << u'\n';
                        self->out().flush();
                    }
                },
                Qt::QueuedConnection);
        };
        m_hostTasks->run<QStringList>(
            name, this, [task, post](HostDeployer &deployer) { return task(deployer, post); },
            [outcomes, remaining, i, finishedAll](Result<QStringList> result) {
                (*outcomes)[i].result = std::move(result);
                if (--*remaining == 0)
                    finishedAll(*outcomes);
            });
    }
    if (*remaining == 0)
        QTimer::singleShot(0, this, [outcomes, finishedAll] { finishedAll(*outcomes); });
}

ServiceControl *ClusterCommand::serviceControl()
{
    if (!m_serviceControl)
        m_serviceControl = m_session->operation<ServiceControl>(m_prepared.plan, m_prepared.targets, this);
    return m_serviceControl;
}

bool ClusterCommand::hasTerminal()
{
    return Terminal::available();
}

bool ClusterCommand::confirm(const QString &question)
{
    // On the terminal, not stdout: what the command prints stays clean for a pipe.
    out().flush();
    return Terminal::confirm(question);
}

void ClusterCommand::interrupt()
{
    delete m_hostTasks; // cancels what runs: the remote commands end at their next check
    m_hostTasks = nullptr;
    done(CliInterrupted);
}

int ClusterCommand::printClusterOperation(const ClusterOperationReport &report, bool json)
{
    QTextStream &lines = json ? err() : out();
    int failed = 0;
    for (const HostReport &host : report.hosts) {
        if (host.ok()) {
            lines << host.host << QStringLiteral(": ") << host.message << u'\n';
        } else {
            ++failed;
            lines << host.host << tr(": FAILED: ") << host.error->toString() << u'\n';
        }
    }
    if (json) {
        out() << QJsonDocument(
                     clusterOperationJson(plan().clusterName, report, QDateTime::currentDateTimeUtc()))
                     .toJson();
    }
    return failed;
}

void ClusterCommand::hintAboutHostKeys() const
{
    if (m_hostKeys && m_hostKeys->refusedAny()) {
        err() << tr("To trust hosts seen for the first time, check their fingerprints and run again with "
                    "--accept-new-host-keys.\n");
    }
}

} // namespace SlurmDeck
