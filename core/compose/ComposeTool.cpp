// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/ComposeTool.h"

namespace SlurmDeck {

QStringList ComposeTool::program() const
{
    switch (flavour) {
    case ComposeFlavour::PluginV2:
        return {executable, QStringLiteral("compose")};
    case ComposeFlavour::StandaloneV1:
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
