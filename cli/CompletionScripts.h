// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace SlurmDeck::Completion {

// What slurmdeck-cli's shell completions offer: its commands, each one's subcommands and
// options, and the options every command takes. One table, two scripts.
struct CommandWords
{
    QString command;
    QStringList subcommands;
    QStringList options;
};

[[nodiscard]] const QList<CommandWords> &commands();
[[nodiscard]] QStringList globalOptions();

// The completion scripts `slurmdeck-cli completions bash|zsh` prints and the package installs
// (/usr/share/bash-completion/completions/slurmdeck-cli,
// /usr/share/zsh/vendor-completions/_slurmdeck-cli).
[[nodiscard]] QString bashScript();
[[nodiscard]] QString zshScript();

} // namespace SlurmDeck::Completion
