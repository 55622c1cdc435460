// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace SlurmDeck {

// How running Slurm daemons take a change to their configuration, after Slurm 22.05's
// scontrol(1) and slurm.conf(5): most parameters and every partition change are read again
// on `scontrol reconfigure`; nodes added, removed or changed, and a few parameters (ports,
// SlurmctldHost, plugins, StateSaveLocation, ...) need slurmctld and every slurmd restarted.
// SlurmDeck restarts slurmctld's container (its state survives in StateSaveLocation) and
// slurmd inside its container, so running job steps keep running either way.
struct SlurmConfChange
{
    enum class Apply {
        Nothing,        // the daemons already run with this configuration
        Reconfigure,    // scontrol reconfigure: no daemon restarts
        RestartDaemons, // slurmctld, then slurmd on every node
    };

    Apply apply = Apply::Nothing;
    QStringList reasons; // what changed, for the user: "partition gpu added", "node nas1 added"

    // The stronger of the two, with both sets of reasons.
    void merge(const SlurmConfChange &other);
    // One sentence for the plan and the deploy log: what happens and why.
    [[nodiscard]] QString describe() const;
};

// Compares the slurm.conf the daemons read (`before`) with the one about to replace it.
// Comments, blank lines, spacing and the case of parameter names do not count; node and
// partition names do, as in Slurm.
[[nodiscard]] SlurmConfChange classifySlurmConfChange(const QByteArray &before, const QByteArray &after);

// A change to another file the Slurm daemons read: slurmdbd.conf concerns slurmdbd alone
// (Nothing here); gres.conf, cgroup.conf and the rest are read when slurmd starts.
[[nodiscard]] SlurmConfChange slurmFileChange(const QString &path);

} // namespace SlurmDeck
