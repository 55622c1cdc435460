// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/DiscoveryRun.h"

namespace SlurmDeck {

// slurmdeck-cli discover [--subnet CIDR | HOST...] [login options] [--json]
// Prints one entry per reachable host with its fingerprint.
class DiscoverCommand final : public DiscoveryRun
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoverCommand)

public:
    explicit DiscoverCommand(QObject *parent = nullptr) : DiscoveryRun(parent) {}
    void start(const CliContext &context) override;

private:
    void discoveryFinished(const QList<DiscoveredHost> &hosts) override;
    bool m_json = false;
};

} // namespace SlurmDeck
