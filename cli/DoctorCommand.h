// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/SlurmCommandBase.h"
#include "doctor/Finding.h"
#include "inventory/DetectedFacts.h"

namespace SlurmDeck {

// slurmdeck-cli doctor [--json] [--fix [--yes]]: what is wrong with the cluster, why, and
// what to do. One monitoring poll (SnapshotRules: nodes refused for their size, not
// responding, down or drained; jobs that will not start; slurmctld or slurmdbd silent),
// and on every host at once what HostProbe reads (HostRules: unreachable hosts, stopped
// services with their last log lines, ports taken, munge keys, clocks, disks, images).
// --fix takes the fixes SlurmDeck can make, each after asking (DoctorFixes.cpp): it starts
// stopped services, and re-plans a node Slurm refused for its size from its engine's figures
// (the cluster file, a deploy, then the node resumed).
// Exit status 1 while an error remains; warnings alone exit 0.
class DoctorCommand final : public SlurmCommandBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DoctorCommand)

public:
    explicit DoctorCommand(QObject *parent = nullptr) : SlurmCommandBase(parent) {}
    void start(const CliContext &context) override;

private:
    void diagnoseHosts(const ClusterSnapshot &snapshot);
    void report(const QList<Finding> &findings);
    void fixNext();
    void startService(const Finding &finding);
    void replan(const Finding &finding);
    void fixed(const Finding &finding);
    void finish();

    bool m_json = false;
    bool m_fix = false;
    bool m_yes = false;
    QList<Finding> m_findings;
    QList<Finding> m_toFix; // what --fix still has to do
    QList<Finding> m_fixed;
    QHash<QString, DetectedFacts> m_facts; // what each host that answered reports now
    QStringList m_deployArguments;         // the login options, passed on to a fix's deploy
};

} // namespace SlurmDeck
