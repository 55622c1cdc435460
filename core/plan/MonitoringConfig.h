// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"
#include "plan/PlanInputs.h"

#include <QByteArray>

namespace SlurmDeck {

// prometheus.yml: node-exporter on every host (port 9100; the controller's also carries
// the slurm_* metrics through its textfile collector), Prometheus itself, and the GPU
// exporter (port 9400) on GPU hosts when it is deployed. Each target is labelled with its
// Slurm node name so charts can use the names the user knows.
[[nodiscard]] QByteArray renderPrometheusConfig(const Cluster &cluster, const PlanInputs &inputs,
                                                bool gpuExporter);

} // namespace SlurmDeck
