// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompletionScripts.h"

namespace SlurmDeck::Completion {

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

// Options whose value is a file: the shells complete file names after them.
const char fileOptions[] = "--cluster --identity --ssh-config --output --error";

const char loginOptions[] = "--user --identity --port --ssh-config --accept-new-host-keys --timeout";

QString commandNames();

// What a shell offers after `command`: its subcommands and options; after `help`, the commands.
QStringList offeredAfter(const CommandWords &entry)
{
    if (entry.command == u"help")
        return {commandNames()};
    return entry.subcommands + entry.options + words("--help");
}

QString commandNames()
{
    QStringList names;
    for (const CommandWords &entry : commands())
        names << entry.command;
    return names.join(u' ');
}

} // namespace

const QList<CommandWords> &commands()
{
    static const QList<CommandWords> table{
        {QStringLiteral("discover"), {}, words("--subnet --json") + words(loginOptions)},
        {QStringLiteral("init"), {}, words("--subnet --slurm-release --force --json") + words(loginOptions)},
        {QStringLiteral("plan"),
         {},
         words("--json --files --diff --ssh-config --accept-new-host-keys --timeout")},
        {QStringLiteral("deploy"),
         {},
         words("--hosts --images --base-image --slurm-base-image --no-verify --yes --json --ssh-config "
               "--accept-new-host-keys "
               "--timeout")},
        {QStringLiteral("upgrade"),
         {},
         words("--images --base-image --slurm-base-image --wait --yes --ssh-config --accept-new-host-keys "
               "--timeout")},
        {QStringLiteral("rotate-munge-key"),
         {},
         words("--images --base-image --slurm-base-image --no-verify --yes --ssh-config "
               "--accept-new-host-keys --timeout")},
        {QStringLiteral("services"), words("start stop restart logs"), words("-f --tail --json")},
        {QStringLiteral("down"), {}, words("--yes --json")},
        {QStringLiteral("remove"), {}, words("--purge-data --yes --json")},
        {QStringLiteral("status"), {}, words("--json")},
        {QStringLiteral("doctor"), {}, words("--json --fix --yes")},
        {QStringLiteral("nodes"), words("drain resume down stop start"), words("--json --reason --wait")},
        {QStringLiteral("jobs"), words("cancel hold release requeue show output"), words("--json --lines")},
        {QStringLiteral("submit"),
         {},
         words("--job-name -p -N -n -c --mem --gpus -t -D -o -e --export -a --json")},
        {QStringLiteral("adopt"), {}, words("--user --identity --name --force --yes")},
        {QStringLiteral("hosts"), words("list add remove"),
         words(
             "--json --wait --force --images --yes --roles --user --identity --port --accept-new-host-keys")},
        {QStringLiteral("backup"), {}, words("--force --with-secrets --passphrase-file")},
        {QStringLiteral("restore"), {}, words("--yes --secrets-only --passphrase-file --force")},
        {QStringLiteral("history"), {}, words("--since --json")},
        {QStringLiteral("metrics"), {}, words("--range --step --json --url")},
        {QStringLiteral("sandbox"), words("up down status"), {}},
        {QStringLiteral("clusters"), {}, words("--json")},
        {QStringLiteral("completions"), words("bash zsh"), {}},
        {QStringLiteral("help"), {}, {}},
        {QStringLiteral("version"), {}, {}},
    };
    return table;
}

QStringList globalOptions()
{
    return words("--cluster --help --version");
}

QString bashScript()
{
    QString cases;
    for (const CommandWords &entry : commands()) {
        cases +=
            QStringLiteral("    %1) words=\"%2\" ;;\n").arg(entry.command, offeredAfter(entry).join(u' '));
    }
    return QStringLiteral(
               "# bash completion for slurmdeck-cli (slurmdeck-cli completions bash)\n"
               "_slurmdeck_cli() {\n"
               "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= i words\n"
               "    case \" %1 \" in\n"
               "    *\" $prev \"*) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
               "    esac\n"
               "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
               "        case ${COMP_WORDS[i]} in\n"
               "        --cluster) ((i++)) ;;\n"
               "        -*) ;;\n"
               "        *) cmd=${COMP_WORDS[i]}; break ;;\n"
               "        esac\n"
               "    done\n"
               "    case $cmd in\n"
               "    \"\") words=\"%2 %3\" ;;\n"
               "%4"
               "    *) words= ;;\n"
               "    esac\n"
               "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
               "}\n"
               "complete -F _slurmdeck_cli slurmdeck-cli\n")
        .arg(QString::fromLatin1(fileOptions), commandNames(), globalOptions().join(u' '), cases);
}

QString zshScript()
{
    QString cases;
    for (const CommandWords &entry : commands()) {
        cases +=
            QStringLiteral("    %1) offered=(%2) ;;\n").arg(entry.command, offeredAfter(entry).join(u' '));
    }
    return QStringLiteral("#compdef slurmdeck-cli\n"
                          "# zsh completion for slurmdeck-cli (slurmdeck-cli completions zsh)\n"
                          "_slurmdeck_cli() {\n"
                          "  local cmd= i=2\n"
                          "  local -a offered\n"
                          "  case \" %1 \" in\n"
                          "  *\" ${words[CURRENT-1]} \"*) _files; return ;;\n"
                          "  esac\n"
                          "  while (( i < CURRENT )); do\n"
                          "    case ${words[i]} in\n"
                          "    --cluster) (( i += 2 )); continue ;;\n"
                          "    -*) (( i++ )); continue ;;\n"
                          "    *) cmd=${words[i]}; break ;;\n"
                          "    esac\n"
                          "  done\n"
                          "  case $cmd in\n"
                          "    '') offered=(%2 %3) ;;\n"
                          "%4"
                          "    *) return 1 ;;\n"
                          "  esac\n"
                          "  compadd -- $offered\n"
                          "}\n"
                          "_slurmdeck_cli \"$@\"\n")
        .arg(QString::fromLatin1(fileOptions), commandNames(), globalOptions().join(u' '), cases);
}

} // namespace SlurmDeck::Completion
