#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace SlurmDeck {

// How images reach a host.
enum class ImageSource {
    TransferFromHere, // `docker save` here, streamed over SSH into `docker load` (offline hosts)
    AlreadyOnHost,    // the host has them; only check
};

struct DeployOptions
{
    ImageSource images = ImageSource::TransferFromHere;
    QString localDocker = QStringLiteral("docker"); // for `docker save` on this machine
    bool verify = true;
    QStringList onlyHosts; // empty: every host
};

// Where a host is in its deploy.
enum class DeployPhase {
    Pending,
    Connecting,
    Preflight,
    Files,
    Images,
    Starting,
    Verifying,
    Done,
    Failed,
    Cancelled
};

[[nodiscard]] QString phaseText(DeployPhase phase);

// What happened on one host.
struct HostDeployResult
{
    QString host;
    DeployPhase phase = DeployPhase::Pending;
    QString message;          // the failure, or a summary
    QStringList changedFiles; // relative paths uploaded this run
    QStringList startedServices;
    QStringList restartedServices;
    QStringList freshServices; // (re)created or restarted this run: checked to stay up
    QStringList imagesLoaded;
    QString lastLogLines; // of a service that failed to start

    [[nodiscard]] bool ok() const { return phase == DeployPhase::Done; }
};

// One end-of-deploy check: "slurmctld answers", "every node idle", ...
struct VerificationCheck
{
    QString name;
    bool passed = false;
    QString detail;
    QString host;
};

struct DeployReport
{
    QList<HostDeployResult> hosts;
    QList<VerificationCheck> checks;
    bool nothingChanged = false;
    qint64 elapsedMs = 0;

    [[nodiscard]] bool ok() const
    {
        for (const HostDeployResult &host : hosts) {
            if (!host.ok())
                return false;
        }
        for (const VerificationCheck &check : checks) {
            if (!check.passed)
                return false;
        }
        return true;
    }
};

} // namespace SlurmDeck
