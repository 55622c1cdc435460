// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"

#include <QHash>

namespace SlurmDeck {

// slurmdeck-cli upgrade [--images MODE] [--base-image IMAGE] [--wait DURATION] [--yes]
// A rolling restart onto new images (rebuilt, or a newer Slurm) without losing a job: a
// deploy first (it builds, sends or checks the images and files; it recreates nothing that
// runs a job), then every container whose image or settings changed, in Slurm's order:
// MariaDB and slurmdbd, then slurmctld (their state is on disk), then the other services,
// then the compute nodes one at a time: drained, their jobs waited for (--wait, default 30m;
// a node still busy then is resumed on its old container and named), slurmd recreated, the
// node resumed once it registered.
class UpgradeCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpgradeCommand)

public:
    explicit UpgradeCommand(QObject *parent = nullptr) : ClusterCommand(parent) {}
    void start(const CliContext &context) override;

private:
    void deployed();
    void located();
    void restartServices(const QStringList &hosts, std::function<void()> next);
    void upgradeNextNode();
    [[nodiscard]] QString hostRunning(const QString &service) const;

    QStringList m_deployArguments;
    qint64 m_waitSeconds = 1800;
    bool m_yes = false;
    QHash<QString, QStringList> m_outdated; // host -> services to recreate
    QStringList m_nodes;                    // compute hosts whose slurmd waits
    QStringList m_skipped;                  // nodes still busy after --wait
    bool m_failed = false;
};

} // namespace SlurmDeck
