// SPDX-License-Identifier: GPL-3.0-or-later
// What the doctor reads from a host it does not control: a Slurm daemon's log (munge
// failures), df's output and Prometheus' targets, then its host rules over them.
#include "FuzzInput.h"
#include "doctor/HostRules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    HostEvidence controller;
    controller.host = QStringLiteral("primary");
    controller.controller = true;
    controller.services = {QStringLiteral("slurmctld"), QStringLiteral("slurmd")};
    controller.serviceStates.insert(QStringLiteral("slurmctld"), QStringLiteral("running 0"));
    controller.serviceStates.insert(QStringLiteral("slurmd"), QStringLiteral("running 0"));
    HostEvidence worker = controller;
    worker.host = QStringLiteral("nas1");
    worker.controller = false;
    worker.services = {QStringLiteral("slurmd")};
    const MungeFailures failures = HostRules::mungeFailures(text);
    controller.mungeFailures.insert(QStringLiteral("slurmctld"), failures);
    worker.mungeFailures.insert(QStringLiteral("slurmd"), failures);
    worker.disks = HostRules::parseDiskUsage(text, {QStringLiteral("/share/slurmdeck")});
    controller.scrapeTargets = HostRules::parseScrapeTargets(Fuzz::bytes(data, size));
    (void)HostRules::diagnose({controller, worker});
    return 0;
}
