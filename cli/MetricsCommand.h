// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"

#include <chrono>

namespace SlurmDeck {

class PrometheusClient;
struct PromResult;

// `slurmdeck-cli metrics QUERY [--range DURATION] [--step S] [--json] [--url URL]`: one PromQL
// query against the cluster's Prometheus (port 9090 on the host running it, reached through
// that host's SSH connection), instant or over the last DURATION.
class MetricsCommand : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsCommand)

public:
    explicit MetricsCommand(QObject *parent = nullptr);
    ~MetricsCommand() override;

    void start(const CliContext &context) override;

private:
    struct Request
    {
        QString query;
        std::chrono::seconds range{0}; // 0: an instant query
        std::chrono::seconds step{0};  // 0: about 300 points
        std::chrono::seconds timeout{10};
        bool json = false;
    };

    void ask(const Request &request);
    void print(const PromResult &result, bool json);

    PrometheusClient *m_client = nullptr;
};

} // namespace SlurmDeck
