// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/ComposeCommand.h"

#include "remote/ShellQuote.h"

#include <utility>

namespace SlurmDeck {

ComposeCommand::ComposeCommand(ComposeTool tool, ComposeProject project)
    : m_tool(std::move(tool)), m_project(std::move(project))
{}

QString ComposeCommand::absoluteFile(const QString &file) const
{
    if (file.startsWith(u'/') || m_project.directory.isEmpty())
        return file;
    QString directory = m_project.directory;
    if (!directory.endsWith(u'/'))
        directory += u'/';
    return directory + file;
}

QStringList ComposeCommand::arguments(const QStringList &subcommand) const
{
    QStringList argv = m_tool.program();
    if (!m_project.name.isEmpty())
        argv << QStringLiteral("--project-name") << m_project.name;
    if (!m_project.directory.isEmpty())
        argv << QStringLiteral("--project-directory") << m_project.directory;
    for (const QString &file : m_project.files)
        argv << QStringLiteral("--file") << absoluteFile(file);
    for (const QString &profile : m_project.profiles)
        argv << QStringLiteral("--profile") << profile;
    argv << subcommand;
    return argv;
}

QString ComposeCommand::shellLine(const QStringList &subcommand) const
{
    return Shell::join(arguments(subcommand));
}

QStringList ComposeCommand::up(const QStringList &services) const
{
    return arguments(
        QStringList{QStringLiteral("up"), QStringLiteral("--detach"), QStringLiteral("--remove-orphans")} +
        services);
}

QStringList ComposeCommand::stop(const QStringList &services) const
{
    return arguments(QStringList{QStringLiteral("stop")} + services);
}

QStringList ComposeCommand::restart(const QStringList &services) const
{
    return arguments(QStringList{QStringLiteral("restart")} + services);
}

QStringList ComposeCommand::down() const
{
    return arguments({QStringLiteral("down"), QStringLiteral("--remove-orphans")});
}

QStringList ComposeCommand::ps() const
{
    return arguments({QStringLiteral("ps"), QStringLiteral("--all")});
}

QStringList ComposeCommand::logs(const QString &service, int tailLines) const
{
    return arguments({QStringLiteral("logs"), QStringLiteral("--no-color"), QStringLiteral("--tail"),
                      QString::number(tailLines), service});
}

QStringList ComposeCommand::exec(const QString &service, const QStringList &command) const
{
    // -T: no TTY over a non-interactive SSH channel (both flavours accept it).
    return arguments(QStringList{QStringLiteral("exec"), QStringLiteral("-T"), service} + command);
}

QStringList ComposeCommand::configHash(const QString &service) const
{
    return arguments({QStringLiteral("config"), QStringLiteral("--hash=") + service});
}

} // namespace SlurmDeck
