// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/DeployTypes.h"

#include <QCoreApplication>
#include <QString>

namespace SlurmDeck::Ui {

// The one line under a finished deploy: what happened, and when something failed, what to
// do about it ("3 hosts deployed, 5 checks passed in 12 s").
struct DeploySummary final
{
    Q_DECLARE_TR_FUNCTIONS(DeploySummary)

public:
    QString text;
    bool ok = false;

    [[nodiscard]] static DeploySummary of(const DeployReport &report);
    // "12 s", "1.7 s", "2 min 5 s".
    [[nodiscard]] static QString formatDuration(qint64 milliseconds);
};

} // namespace SlurmDeck::Ui
