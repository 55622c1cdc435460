#pragma once

#include "cli/CliCommand.h"

namespace SlurmDeck {

class PrometheusClient;
struct PromResult;

// `slurmdeck-cli metrics QUERY [--range DURATION] [--step S] [--json] [--url URL]`: one PromQL
// query against the cluster's Prometheus (port 9090 on the host with the monitoring role),
// instant or over the last DURATION.
class MetricsCommand : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsCommand)

public:
    explicit MetricsCommand(QObject *parent = nullptr);
    ~MetricsCommand() override;

    void start(const CliContext &context) override;

private:
    void print(const PromResult &result, bool json);

    CliContext m_context;
    PrometheusClient *m_client = nullptr;
};

} // namespace SlurmDeck
