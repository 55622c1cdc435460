// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliCommand.h"
#include "common/Result.h"
#include "session/ClusterSession.h"

#include <QCommandLineOption>

#include <functional>
#include <memory>

namespace SlurmDeck {

class CliHostKeyPolicy;
class CredentialPrompt;
class HostDeployer;
class HostTaskQueue;
class ServiceControl;
struct ClusterOperationReport;

// Shared by the commands that work on the cluster file's cluster (plan, deploy, services,
// down, remove): the login options every host shares, loading the cluster file and preparing the
// deploy session (secrets from the OS keychain), confirmation on the terminal, and
// running blocking per-host work on worker threads with results back on this thread.
class ClusterCommand : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterCommand)

public:
    explicit ClusterCommand(QObject *parent = nullptr);
    ~ClusterCommand() override;
    // Ctrl+C: cancels the hosts' work and finishes with CliInterrupted.
    void interrupt() override;

protected:
    // What one host's work gave: lines to print, or what went wrong.
    struct HostOutcome
    {
        QString host;
        Result<QStringList> result;
    };
    // Prints `line` on this command's thread; callable from any thread.
    using LinePoster = std::function<void(const QString &line)>;
    // Runs on a worker thread after the host was connected to and checked.
    using HostTask = std::function<Result<QStringList>(HostDeployer &, const LinePoster &)>;

    // Adds -h/--help, --ssh-config, --accept-new-host-keys and --timeout, then parses
    // `command`'s arguments. Returns false when the command has finished (help printed, or a
    // usage error reported).
    [[nodiscard]] bool parse(const CliContext &context, QCommandLineParser &parser, const QString &command,
                             const QString &usage);

    // Loads the cluster file and prepares the session; calls `ready` on success, else reports
    // and finishes with CliFailure. Without `secrets` the keychain is not asked (nor secrets
    // created): the plan is the cluster's Topology (hosts, project, services) without files,
    // for commands that only reach the deployed cluster.
    void prepareCluster(std::function<void()> ready, bool secrets = true);
    // Before prepareCluster: plan with this munge key instead of the keychain's (a rotation).
    void setDeployMungeKey(QByteArray key) { m_mungeKey = std::move(key); }
    // The loaded cluster (after prepareCluster).
    [[nodiscard]] const Cluster &cluster() const { return m_session->cluster(); }
    // The cluster's session (after prepareCluster): what the command reaches the hosts with.
    [[nodiscard]] const ClusterSession &session() const { return *m_session; }

    // Connects to each of `hosts` (plan host names) in parallel and runs `task` there; then
    // `done` with one outcome per host, in the order of `hosts`.
    void runOnHosts(const QStringList &hosts, HostTask task, std::function<void(QList<HostOutcome>)> done);

    // The cluster's service controller (after prepareCluster), owned by this command.
    [[nodiscard]] ServiceControl *serviceControl();

    // Asks a yes/no question on the terminal (/dev/tty, never stdout). False unless the answer
    // is yes.
    [[nodiscard]] bool confirm(const QString &question);
    [[nodiscard]] static bool hasTerminal();

    // down's and remove's outcome, one line per host (on stderr when `json`, stdout then
    // carrying the report as JSON). Returns how many hosts failed.
    int printClusterOperation(const ClusterOperationReport &report, bool json);

    // After a host failed: tells how to trust a host key seen for the first time.
    void hintAboutHostKeys() const;
    void done(int exitCode);

    [[nodiscard]] const CliContext &context() const { return m_context; }
    [[nodiscard]] QTextStream &out() const { return *m_context.out; }
    [[nodiscard]] QTextStream &err() const { return *m_context.err; }
    [[nodiscard]] const ClusterPlan &plan() const { return m_prepared.plan; }
    [[nodiscard]] const QHash<QString, SshTarget> &targets() const { return m_prepared.targets; }
    [[nodiscard]] const HostPlan *hostPlan(const QString &name) const;
    [[nodiscard]] QStringList hostNames() const;
    [[nodiscard]] std::shared_ptr<CliHostKeyPolicy> hostKeys() const { return m_hostKeys; }
    [[nodiscard]] std::shared_ptr<CredentialPrompt> credentials() const { return m_credentials; }
    [[nodiscard]] const QString &clusterPath() const { return m_clusterPath; }
    // The SSH settings every host shares (--ssh-config, --timeout), after parse().
    [[nodiscard]] const SshTarget &sshDefaults() const { return m_ssh; }

private:
    QCommandLineOption m_help;
    QCommandLineOption m_sshConfig;
    QCommandLineOption m_acceptNew;
    QCommandLineOption m_timeout;
    CliContext m_context;
    SshTarget m_ssh;
    QString m_clusterPath;
    ClusterSession *m_session = nullptr; // after prepareCluster
    QByteArray m_mungeKey;               // setDeployMungeKey
    ClusterSession::Prepared m_prepared;
    std::shared_ptr<CliHostKeyPolicy> m_hostKeys;
    std::shared_ptr<CredentialPrompt> m_credentials;
    ServiceControl *m_serviceControl = nullptr;
    HostTaskQueue *m_hostTasks = nullptr; // runOnHosts: one connection per host, kept
    bool m_finished = false;
};

} // namespace SlurmDeck
