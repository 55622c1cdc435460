// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace SlurmDeck {

// One "@@slurmdeck:section NAME" block of the probe's output.
struct ProbeSection final
{
    QString name;
    QByteArray text;               // the tool's output, markers removed, ends without '\n'
    std::optional<int> exitStatus; // set only when the tool exited non-zero
};

// The probe's output cut into its sections. Pure: no I/O.
struct ProbeOutput final
{
    int formatVersion = 0; // 0: no "@@slurmdeck:fingerprint N" header was seen
    bool complete = false; // the "@@slurmdeck:end" trailer was seen
    QString loginShell;    // from "@@slurmdeck:login-shell PATH", printed by the login shell itself
    QList<ProbeSection> sections;

    // The first section called `name`, or nullptr.
    [[nodiscard]] const ProbeSection *section(QStringView name) const;
};

[[nodiscard]] ProbeOutput splitProbeOutput(const QByteArray &output);

} // namespace SlurmDeck
