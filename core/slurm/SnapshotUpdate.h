// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "slurm/SlurmTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SlurmDeck {

// What one poll learned; each part is absent when it was not asked or not read.
struct PollOutcome
{
    QDateTime at;
    std::optional<Error> sshError;        // set: nothing else was reached
    std::optional<Error> controllerError; // the container is missing, or a query failed
    bool accountingChecked = false;       // this poll asked slurmdbd
    std::optional<Error> accountingError;
    std::optional<SlurmVersion> version;
    QList<SlurmNode> nodes;
    QList<SlurmPartition> partitions;
    QList<SlurmJob> jobs;
};

// The next snapshot: the previous one with what the poll learned. A failed source keeps
// its part of the previous state (stale, its lastSuccess and so its age unchanged) and is
// marked unhealthy with the error; a source the failure hides (slurmctld and slurmdbd
// behind a failed SSH connection) is marked unhealthy too. Pure.
[[nodiscard]] ClusterSnapshot applyPoll(ClusterSnapshot previous, const PollOutcome &outcome);

// The cheap queries of one poll run as one script in the controller's container, each
// command's stdout, exit status and stderr fenced by markers carrying a fresh nonce, so
// no output (job names included) can fake a fence. Pure.
namespace PollScript {

struct Query
{
    QString name;
    QStringList argv;
    int timeoutSeconds = 20; // coreutils timeout(1) in the container
};

struct Section
{
    QByteArray output;
    QByteArray errors;
    int exitStatus = -1; // -1: the section is missing (the script was cut off)
};

[[nodiscard]] QString build(const QList<Query> &queries, const QString &nonce);
[[nodiscard]] QHash<QString, Section> split(const QByteArray &output, const QString &nonce);
[[nodiscard]] QString newNonce();

} // namespace PollScript

} // namespace SlurmDeck
