// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/HostKeyReading.h"

#include "ssh/SshConnection.h"

namespace SlurmDeck {

HostKeyReading readHostKey(const QString &target, SshTarget ssh)
{
    ssh.host = target;
    HostKeyReading result;
    result.target = target;
    SshConnection connection(ssh, nullptr, nullptr);
    const Result<void> connected = connection.connect();
    result.key = connection.hostKey();
    if (connected) {
        result.state = HostKeyReading::State::Known;
        return result;
    }
    const Error &error = connected.error();
    if (error.code == Error::Code::HostKeyUnknown && !result.key.fingerprint.isEmpty())
        result.state = HostKeyReading::State::New;
    else if (error.code == Error::Code::HostKeyChanged)
        result.state = HostKeyReading::State::Changed;
    else if (!result.key.fingerprint.isEmpty() && error.code == Error::Code::Authentication)
        result.state = HostKeyReading::State::Known; // the key passed; the login is the next step
    else
        result.state = HostKeyReading::State::Failed;
    if (result.state != HostKeyReading::State::Known)
        result.message = error.message;
    return result;
}

} // namespace SlurmDeck
