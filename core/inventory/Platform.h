// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace SlurmDeck {

// What kind of machine a host is, as far as deploying goes: it decides the Compose
// override, how Docker is found and how services are started.
enum class Platform {
    Unknown,
    Linux, // any Linux distribution with a Docker engine (Ubuntu, Debian, ...)
    MacOS, // Docker Desktop, Colima or OrbStack; host networking may be unavailable
    Qnap,  // QNAP QTS with Container Station; docker off the non-interactive PATH
};

// "linux", "macos", "qnap" ("unknown" for Unknown): the spelling used in cluster files,
// on the command line and in JSON output.
[[nodiscard]] QString platformId(Platform platform);
// Accepts the ids above and "ubuntu" (a Linux host, as the seed calls the GPU box);
// case-insensitive. Returns nothing for anything else.
[[nodiscard]] std::optional<Platform> parsePlatform(const QString &text);
[[nodiscard]] QString platformDisplayName(Platform platform);

} // namespace SlurmDeck
