// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/DeployTypes.h"
#include "deploy/HostDeployer.h"

#include <QList>

namespace SlurmDeck {

// The end-of-deploy checks, run through the deployed containers: slurmctld answers, every
// compute node registered and healthy (idle, or busy with jobs: a deploy on a working
// cluster), a job on the idle nodes runs at once (skipped when all are busy), accounting
// records it, every Prometheus target is up. Blocking, for a worker thread.
class ClusterVerifier final
{
public:
    ClusterVerifier(HostDeployer &controller, HostDeployer *monitoring, QStringList computeNodes,
                    bool accounting, CancelToken cancel);

    [[nodiscard]] QList<VerificationCheck> run();

private:
    [[nodiscard]] VerificationCheck controllerAnswers();
    [[nodiscard]] VerificationCheck nodesHealthy();
    [[nodiscard]] VerificationCheck jobRuns(QString *jobId);
    [[nodiscard]] VerificationCheck accountingRecords(const QString &jobId);
    [[nodiscard]] VerificationCheck targetsUp();
    [[nodiscard]] Result<ExecResult> onController(const QStringList &command, std::chrono::seconds timeout);
    bool waitFor(std::chrono::seconds timeout, const std::function<bool()> &condition);

    HostDeployer &m_controller;
    HostDeployer *m_monitoring;
    QStringList m_nodes;
    QStringList m_idleNodes; // as nodesHealthy() last saw them
    bool m_accounting;
    CancelToken m_cancel;
};

} // namespace SlurmDeck
