// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every command SlurmDeck runs on a host, for `slurmdeck-cli --verbose`. SshConnection::exec
// reports each one before it is sent. Secrets never appear: they travel on stdin or in
// files, never on a command line (the lab's secrets test checks the hosts' process lists).
#include <QString>

#include <functional>

namespace SlurmDeck::CommandTrace {

// Called from any thread (workers run the commands); serialised by CommandTrace. Empty: off.
using Sink = std::function<void(const QString &host, const QString &command)>;

void setSink(Sink sink);
void record(const QString &host, const QString &command);

} // namespace SlurmDeck::CommandTrace
