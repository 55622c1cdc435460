// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/ComposeTool.h"

namespace SlurmDeck {

QStringList ComposeTool::program() const
{
    switch (flavour) {
    case ComposeFlavour::PluginV2:
        return {executable, QStringLiteral("compose")};
    case ComposeFlavour::StandaloneV1:
        // Compose v1 runs the docker CLI itself for `exec`, and finds it on the PATH. On
        // QNAP both lie in Container Station's directory, off a non-interactive shell's PATH:
        // put that directory first (without it, `exec` fails with no message at all).
        if (const qsizetype slash = executable.lastIndexOf(u'/'); slash > 0) {
            return {QStringLiteral("env"),
                    QStringLiteral("PATH=") + executable.left(slash) +
                        QStringLiteral(":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                    executable};
        }
        return {executable};
    }
    return {executable};
}

QString toString(ComposeFlavour flavour)
{
    switch (flavour) {
    case ComposeFlavour::PluginV2:
        return QStringLiteral("docker compose (v2)");
    case ComposeFlavour::StandaloneV1:
        return QStringLiteral("docker-compose (v1)");
    }
    return {};
}

} // namespace SlurmDeck
