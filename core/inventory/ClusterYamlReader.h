// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"
#include "inventory/Diagnostic.h"

#include <QList>
#include <QString>

namespace SlurmDeck {

// What reading a cluster file's text produced: the model is only meaningful when there
// are no diagnostics (a file with problems is never half-loaded by ClusterFile).
struct ClusterReadOutcome final
{
    Cluster cluster;
    QList<Diagnostic> diagnostics; // sorted by line, then column
};

// Parses and checks cluster YAML. Pure: text in, model and every problem found out; never
// throws (yaml-cpp exceptions are caught here, at the parser edge). `displayName` is the
// file name the diagnostics carry.
[[nodiscard]] ClusterReadOutcome readClusterYaml(const QString &text, const QString &displayName);

} // namespace SlurmDeck
