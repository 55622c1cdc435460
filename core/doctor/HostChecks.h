// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doctor/HostEvidence.h"
#include "inventory/DetectedFacts.h"
#include "plan/HostPlan.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace SlurmDeck {

class CredentialPrompt;
class HostKeyPrompt;
class HostTaskQueue;

// The doctor's look at every host of a deployed cluster at once (HostProbe over each host's
// connection), without blocking the calling thread: a host that cannot be reached or checked
// is evidence too. The CLI's doctor and the GUI's Problems view use it.
class HostChecks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostChecks)

public:
    struct Report
    {
        QList<HostEvidence> evidence;          // in the plan's host order
        QHash<QString, DetectedFacts> figures; // what each host that answered reports now
        QStringList controllers;               // the hosts that run slurmctld
    };

    HostChecks(ClusterPlan plan, QHash<QString, SshTarget> targets, std::shared_ptr<HostKeyPrompt> hostKeys,
               std::shared_ptr<CredentialPrompt> credentials, QObject *parent = nullptr);
    ~HostChecks() override;

    // Checks every host; `done` on this object's thread once all answered (not called when
    // `context` is gone first).
    void run(QObject *context, std::function<void(const Report &)> done);

private:
    HostTaskQueue *m_queue;
};

} // namespace SlurmDeck
