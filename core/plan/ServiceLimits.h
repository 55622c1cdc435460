// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace SlurmDeck::ServiceLimits {

// A service's memory limit as the base Compose file gives it (`mem_limit: 1g`).
struct Limit
{
    QString service;
    QString memory;

    bool operator==(const Limit &) const = default;
};

// The mem_limit of each service in `compose` (the base compose.yml: two-space service keys
// under `services:`, four-space fields), in the file's order.
[[nodiscard]] QList<Limit> memoryLimits(const QByteArray &compose);

// The plan's note: the limits of `services` (those some host runs) and the log rotation.
[[nodiscard]] QString note(const QList<Limit> &limits, const QStringList &services);

} // namespace SlurmDeck::ServiceLimits
