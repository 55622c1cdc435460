// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliCommand.h"
#include "cli/DiscoveryOptions.h"

#include <memory>

namespace SlurmDeck {

// Shared by `discover` and `init`: parses the discovery options, runs a Discovery with
// the CLI's host-key policy, reports progress on stderr, and hands the results on.
class DiscoveryRun : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoveryRun)

public:
    explicit DiscoveryRun(QObject *parent = nullptr) : CliCommand(parent) {}

protected:
    // Starts discovery; `firstHostArgument` skips the command's own positional arguments.
    // Returns false (after reporting) on a usage error.
    bool startDiscovery(const CliContext &context, QCommandLineParser &parser, int firstHostArgument);
    virtual void discoveryFinished(const QList<DiscoveredHost> &hosts) = 0;

    [[nodiscard]] const CliContext &context() const { return m_context; }
    [[nodiscard]] const DiscoveryRequest &request() const { return m_request; }
    [[nodiscard]] const DiscoveryOptions &options() const { return m_options; }
    void reportFailures(const QList<DiscoveredHost> &hosts) const;

private:
    DiscoveryOptions m_options;
    CliContext m_context;
    DiscoveryRequest m_request;
    Discovery *m_discovery = nullptr;
};

} // namespace SlurmDeck
