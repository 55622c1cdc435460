// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/SlurmCommandBase.h"

#include <chrono>

namespace SlurmDeck {

// slurmdeck-cli history [--since DURATION] [--json]: jobs from accounting (sacct) that
// started, ran or ended within the window (default 1d).
class HistoryCommand final : public SlurmCommandBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryCommand)

public:
    explicit HistoryCommand(QObject *parent = nullptr) : SlurmCommandBase(parent) {}
    void start(const CliContext &context) override;

private:
    bool m_json = false;
    std::chrono::seconds m_since{24 * 3600};
};

} // namespace SlurmDeck
