// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/ComposeTool.h"

#include <QString>
#include <QStringList>

namespace SlurmDeck {

// One Compose project as deployed on one host: its name, the directory the files live in,
// the files in merge order (base first, then the platform override) and the profiles that
// select this host's services.
struct ComposeProject final
{
    QString name;
    QString directory;
    QStringList files;
    QStringList profiles;
};

// Builds Compose command lines for a host. Every command names the project, the files and
// the profiles explicitly, so a host never starts services that are not its own, and the
// same code drives `docker compose` and `docker-compose`.
class ComposeCommand final
{
public:
    ComposeCommand(ComposeTool tool, ComposeProject project);

    // argv, without a working directory: file paths are made absolute against the
    // project directory.
    [[nodiscard]] QStringList arguments(const QStringList &subcommand) const;

    // One POSIX shell line for an SSH exec: every part quoted.
    [[nodiscard]] QString shellLine(const QStringList &subcommand) const;

    // Start exactly `services` (all of the selected profiles' services when empty),
    // detached, and remove containers of services no longer in the files.
    [[nodiscard]] QStringList up(const QStringList &services = {}) const;
    [[nodiscard]] QStringList stop(const QStringList &services = {}) const;
    [[nodiscard]] QStringList restart(const QStringList &services = {}) const;
    [[nodiscard]] QStringList down() const;
    [[nodiscard]] QStringList ps() const;
    [[nodiscard]] QStringList logs(const QString &service, int tailLines) const;
    [[nodiscard]] QStringList exec(const QString &service, const QStringList &command) const;
    // Prints "SERVICE HASH": the hash Compose labels the service's container with
    // (com.docker.compose.config-hash); `up` recreates a container whose label differs.
    [[nodiscard]] QStringList configHash(const QString &service) const;

    [[nodiscard]] const ComposeTool &tool() const { return m_tool; }
    [[nodiscard]] const ComposeProject &project() const { return m_project; }

private:
    [[nodiscard]] QString absoluteFile(const QString &file) const;

    ComposeTool m_tool;
    ComposeProject m_project;
};

} // namespace SlurmDeck
