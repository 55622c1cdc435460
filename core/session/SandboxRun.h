// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/DeployTypes.h"
#include "plan/HostPlan.h"
#include "sandbox/SandboxSetup.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QProcess;

namespace SlurmDeck {

class ClusterSession;
class CredentialPrompt;
class DeployRunner;
class Discovery;
class ServiceControl;
struct Cluster;

// The sandbox as one operation both fronts run (slurmdeck-cli sandbox, the GUI's Cluster →
// Sandbox): up brings the lab's emulated hosts up, links this machine to them, builds the
// images, trusts the hosts' keys (the lab made them here), discovers and fingerprints the
// hosts into the sandbox's own cluster file and deploys it; down removes the cluster with its
// data, then the link, the hosts and the file. Each step, the scripts' output and the deploy's
// progress arrive as signals on the owner's thread, the deploy's report whole. Running either
// again resumes: every step is idempotent.
class SandboxRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxRun)

public:
    // `credentials`: asked for a key passphrase or password where one is needed (the lab's
    // client key has none).
    explicit SandboxRun(std::shared_ptr<CredentialPrompt> credentials, QObject *parent = nullptr);
    ~SandboxRun() override;

    void up();
    void down();
    // The lab's hosts as lab.sh status lists them, and whether the cluster file exists.
    void status();
    // Stops the running script, or the deploy after each host's current step; finished follows.
    void cancel();

    [[nodiscard]] static QString clusterFile() { return Sandbox::clusterFilePath(); }

signals:
    void stepStarted(const QString &step);
    // The scripts' output and discovery's findings, as they come (lines end in '\n').
    void output(const QString &text);
    void deployStarted(const SlurmDeck::ClusterPlan &plan, const SlurmDeck::DeployOptions &options);
    void deployPhaseChanged(const QString &host, SlurmDeck::DeployPhase phase, const QString &message);
    void deployLogLine(const QString &host, const QString &line);
    void deployFinished(const SlurmDeck::DeployReport &report);
    // Once, at the end. `message`: on success what the user does next; otherwise what failed
    // and what to do.
    void finished(bool ok, const QString &message);

private:
    bool begin();
    void runScript(const QString &step, const QString &program, const QStringList &arguments,
                   std::function<void()> next);
    void discover();
    void deploy(const Cluster &cluster);
    void removeHosts();
    void fail(const QString &message);
    void succeed(const QString &message);

    std::shared_ptr<CredentialPrompt> m_credentials;
    Sandbox::Scripts m_scripts;
    QPointer<QProcess> m_process;
    QPointer<DeployRunner> m_runner;
    ClusterSession *m_session = nullptr;
    Discovery *m_discovery = nullptr;
    ServiceControl *m_control = nullptr;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace SlurmDeck
