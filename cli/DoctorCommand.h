// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/SlurmCommandBase.h"

namespace SlurmDeck {

// slurmdeck-cli doctor [--json]: what is wrong with the cluster, why, and what to do (the
// doctor's snapshot rules: nodes refused for their size, not responding, down or drained;
// jobs that will not start; slurmctld or slurmdbd silent). One poll, as `status` does.
// Exit status 1 when an error is found; warnings alone exit 0.
class DoctorCommand final : public SlurmCommandBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DoctorCommand)

public:
    explicit DoctorCommand(QObject *parent = nullptr) : SlurmCommandBase(parent) {}
    void start(const CliContext &context) override;

private:
    bool m_json = false;
};

} // namespace SlurmDeck
