// SPDX-License-Identifier: GPL-3.0-or-later
// doctor --fix: the fixes SlurmDeck makes itself, one after the other, each after asking.
#include "cli/DeployCommand.h"
#include "cli/DoctorCommand.h"
#include "deploy/ServiceControl.h"
#include "inventory/ClusterDocument.h"
#include "slurm/SlurmActions.h"

namespace SlurmDeck {

void DoctorCommand::fixNext()
{
    if (m_toFix.isEmpty()) {
        finish();
        return;
    }
    const Finding finding = m_toFix.takeFirst();
    if (finding.autoFix == Finding::AutoFix::Replan)
        replan(finding);
    else
        startService(finding);
}

void DoctorCommand::fixed(const Finding &finding)
{
    m_fixed << finding;
    fixNext();
}

void DoctorCommand::startService(const Finding &finding)
{
    if (!m_yes && !confirm(tr("Start %1 on %2?").arg(finding.service, finding.host))) {
        fixNext();
        return;
    }
    ServiceControl *control = serviceControl();
    auto *context = new QObject(this);
    connect(control, &ServiceControl::actionFinished, context,
            [this, context, finding](const ServiceActionReport &report) {
                if (report.host != finding.host || report.services != QStringList{finding.service})
                    return;
                context->deleteLater();
                if (report.error) {
                    err() << tr("Could not start %1 on %2: %3\n")
                                 .arg(finding.service, finding.host, report.error->toString());
                    fixNext();
                    return;
                }
                (m_json ? err() : out()) << tr("Started %1 on %2.\n").arg(finding.service, finding.host);
                fixed(finding);
            });
    control->runAction(finding.host, ServiceAction::Start, {finding.service});
}

// The node's figures as its engine reports them now go into the cluster file (detected),
// the cluster is deployed (Slurm takes the node's new size), and the node is resumed.
void DoctorCommand::replan(const Finding &finding)
{
    const QString node = finding.node;
    if (!m_facts.contains(node)) {
        err() << tr("Cannot re-plan %1: it did not answer. Fix that first.\n").arg(node);
        fixNext();
        return;
    }
    const DetectedFacts facts = m_facts.value(node);
    const int cpus = facts.engineCpus.value_or(facts.cpus.value_or(0));
    const qint64 memory = facts.engineMemoryMib.value_or(facts.memoryMib.value_or(0));
    if (!m_yes && !confirm(tr("Re-plan %1 for what its engine has (%2 CPUs, %3 MiB), deploy the cluster and "
                              "resume %1?")
                               .arg(node)
                               .arg(cpus)
                               .arg(memory))) {
        fixNext();
        return;
    }
    ClusterDocument document;
    Result<void> edited = document.load(clusterPath());
    if (edited) {
        const Host *current = document.cluster().findHost(node);
        Host host = current ? *current : Host{};
        host.detected = facts;
        edited = current ? document.setHost(node, host)
                         : makeError(Error::Code::NotFound, tr("%1 is not in the cluster file.").arg(node));
    }
    if (edited)
        edited = document.save();
    if (!edited) {
        err() << tr("Could not re-plan %1: %2\n").arg(node, edited.error().toString());
        fixNext();
        return;
    }
    (m_json ? err() : out())
        << tr("%1 is now planned with %2 CPUs and %3 MiB. Deploying:\n").arg(node).arg(cpus).arg(memory);
    // The node stays drained until it is resumed below, so the deploy's own check that every
    // node is healthy would fail: the doctor checks afterwards instead.
    auto *deploy = new DeployCommand(DeployCommand::Mode::Deploy, this);
    connect(deploy, &CliCommand::finished, this, [this, deploy, finding, node](int exitCode) {
        deploy->deleteLater();
        if (exitCode != CliOk) {
            err() << tr("The deploy for %1's new size failed; see above, then run slurmdeck-cli deploy.\n")
                         .arg(node);
            fixNext();
            return;
        }
        actions()->resumeNode(node, this, [this, finding, node](const Result<QString> &resumed) {
            if (!resumed) {
                err() << tr("Could not resume %1: %2\n").arg(node, resumed.error().toString());
                fixNext();
                return;
            }
            (m_json ? err() : out()) << tr("Resumed %1.\n").arg(node);
            fixed(finding);
        });
    });
    CliContext deployContext = context();
    // The images are there: the cluster ran.
    deployContext.arguments =
        m_deployArguments +
        QStringList{QStringLiteral("--no-verify"), QStringLiteral("--images"), QStringLiteral("present")};
    deployContext.clusterFile = clusterPath();
    if (m_json)
        deployContext.out = deployContext.err; // stdout stays the findings' JSON
    deploy->start(deployContext);
}

} // namespace SlurmDeck
