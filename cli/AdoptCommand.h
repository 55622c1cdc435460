// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"
#include "session/ClusterAdoption.h"
#include "ssh/SshTarget.h"

namespace SlurmDeck {

class ClusterAdoptionRun;

// slurmdeck-cli adopt HOST [--user U] [--port P] [--identity FILE] [--name CLUSTER]
//                          [--directory DIR] [--force] [--yes]
// Manages, from this machine, a cluster that another machine deployed: connects to its
// controller host HOST with the usual host-key trust, reads the cluster description the
// deploy left there (no secrets in it), and after the user confirms, copies the munge key and
// the database password from the hosts' deployed files into this machine's keychain over
// that verified connection, and writes the cluster file (~/.config/SlurmDeck/clusters/
// NAME.yaml, or --cluster FILE). Both machines then operate the same cluster.
class AdoptCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdoptCommand)

public:
    explicit AdoptCommand(QObject *parent = nullptr) : ClusterCommand(parent) {}
    void start(const CliContext &context) override;

private:
    void described(const Result<ClusterAdoption::Described> &found);
    void adopted(const Result<QString> &path);

    SshTarget m_target;
    QString m_name;
    QString m_root;
    bool m_force = false;
    bool m_yes = false;
    ClusterAdoptionRun *m_run = nullptr;
};

} // namespace SlurmDeck
