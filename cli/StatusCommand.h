// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/SlurmCommandBase.h"

namespace SlurmDeck {

// slurmdeck-cli status [--json]: nodes, partitions, job counts and each source's health
// (ssh, slurmctld, slurmdbd) with its age. Exit status 1 when a source failed.
class StatusCommand final : public SlurmCommandBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusCommand)

public:
    explicit StatusCommand(QObject *parent = nullptr) : SlurmCommandBase(parent) {}
    void start(const CliContext &context) override;

private:
    bool m_json = false;
};

} // namespace SlurmDeck
