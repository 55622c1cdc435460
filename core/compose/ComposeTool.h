// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace SlurmDeck {

// Which Compose a host has. Real hosts run the v2 plugin (`docker compose`); Debian and
// older QNAP firmware have only the v1 standalone (`docker-compose`). Both are driven the
// same way, only the program and its first arguments differ.
enum class ComposeFlavour {
    PluginV2,     // `<docker> compose ...`
    StandaloneV1, // `<docker-compose> ...`
};

struct ComposeTool final
{
    ComposeFlavour flavour = ComposeFlavour::PluginV2;
    // Absolute path or bare name: the docker CLI for PluginV2, docker-compose for
    // StandaloneV1. On QNAP it lies under Container Station's directory, off the PATH.
    QString executable;

    [[nodiscard]] static ComposeTool plugin(QString docker = QStringLiteral("docker"))
    {
        return {ComposeFlavour::PluginV2, std::move(docker)};
    }
    [[nodiscard]] static ComposeTool standalone(QString dockerCompose = QStringLiteral("docker-compose"))
    {
        return {ComposeFlavour::StandaloneV1, std::move(dockerCompose)};
    }

    // The argv prefix that every Compose call starts with.
    [[nodiscard]] QStringList program() const;
};

[[nodiscard]] QString toString(ComposeFlavour flavour);

} // namespace SlurmDeck
