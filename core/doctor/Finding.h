// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace SlurmDeck {

// One thing the doctor found wrong: which rule, where, why in plain words, what shows it,
// and what to do. `slurmdeck-cli doctor --json` prints these fields as they are named here.
struct Finding
{
    enum class Severity {
        Error,   // something does not work: a node takes no job, accounting is gone
        Warning, // works, but something needs attention: a job that will never start
    };

    QString rule; // a stable name: "node-size", "node-not-responding", ...
    Severity severity = Severity::Error;
    QString host; // the host it concerns, if any
    QString node; // the Slurm node, if any
    QString cause;
    QString evidence;
    QString fix;     // an exact command or setting
    QString service; // the SlurmDeck service it concerns on `host`, if any
    // What `doctor --fix` may do about it, after asking; None: the fix is the user's to make.
    enum class AutoFix {
        None,
        StartService, // start `service` on `host`
        Replan,       // read `host`'s figures from its engine into the cluster file, deploy,
                      // resume `node`
    };
    AutoFix autoFix = AutoFix::None;

    [[nodiscard]] static QString severityText(Severity severity)
    {
        return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    }
    friend bool operator==(const Finding &, const Finding &) = default;
};

} // namespace SlurmDeck
