// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/HostFingerprinter.h"

#include "fingerprint/FingerprintParser.h"
#include "fingerprint/FingerprintProbe.h"
#include "ssh/SshConnection.h"

#include <QDateTime>

namespace SlurmDeck {

namespace {

DiscoveredHost::Status statusFor(Error::Code code)
{
    switch (code) {
    case Error::Code::HostKeyUnknown:
        return DiscoveredHost::Status::HostKeyUnknown;
    case Error::Code::HostKeyChanged:
        return DiscoveredHost::Status::HostKeyChanged;
    case Error::Code::Authentication:
        return DiscoveredHost::Status::AuthenticationFailed;
    case Error::Code::Cancelled:
        return DiscoveredHost::Status::Cancelled;
    default:
        return DiscoveredHost::Status::Unreachable;
    }
}

double nowSeconds()
{
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

} // namespace

DiscoveredHost fingerprintHost(const SshTarget &target, HostKeyPrompt *hostKeyPrompt,
                               CredentialPrompt *credentialPrompt, const CancelToken &cancel)
{
    DiscoveredHost host;
    host.target = target.host;
    host.address = target.host;
    host.user = target.user;
    host.port = target.port == 0 ? 22 : target.port;

    SshConnection connection(target, hostKeyPrompt, credentialPrompt);
    const Result<void> connected = connection.connect(cancel);
    if (!connection.resolvedHost().isEmpty()) {
        host.address = connection.resolvedHost();
        host.user = connection.resolvedUser();
        host.port = connection.resolvedPort();
    }
    host.hostKey = connection.hostKey();
    if (!connected) {
        host.status = statusFor(connected.error().code);
        host.message = connected.error().toString();
        return host;
    }

    const double before = nowSeconds();
    const Result<ExecResult> probed =
        connection.exec(FingerprintProbe::command(), FingerprintProbe::execOptions(), cancel);
    const double after = nowSeconds();
    if (!probed) {
        host.status = probed.error().code == Error::Code::Cancelled ? DiscoveredHost::Status::Cancelled
                                                                    : DiscoveredHost::Status::ProbeFailed;
        host.message = probed.error().toString();
        return host;
    }
    const Result<HostFingerprint> parsed = parseFingerprint(probed->standardOutput);
    if (!parsed) {
        host.status = DiscoveredHost::Status::ProbeFailed;
        host.message = QObject::tr("The fingerprint probe on %1 printed nothing usable (%2). Its login shell "
                                   "must be a POSIX shell (sh, bash, zsh, ash).")
                           .arg(host.address, parsed.error().toString());
        return host;
    }
    host.fingerprint = *parsed;
    if (parsed->remoteEpoch)
        host.clockOffsetSeconds = clockOffset(*parsed->remoteEpoch, before, after);
    host.status = DiscoveredHost::Status::Fingerprinted;
    host.message = parsed->warnings.join(QStringLiteral("; "));
    return host;
}

} // namespace SlurmDeck
