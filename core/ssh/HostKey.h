// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace SlurmDeck {

// A server's host key as shown to the user before anything is sent to that server.
struct HostKeyInfo
{
    QString host; // as connected to (after ~/.ssh/config)
    int port = 22;
    QString keyType;     // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
    QString fingerprint; // "SHA256:..." as OpenSSH prints it
    // Why the key is not simply unknown, for the question shown to the user: e.g. the host
    // is vouched for only by a @cert-authority entry, which SlurmDeck does not check.
    QString note;

    // The command to run on the machine itself to compare fingerprints, e.g.
    // "ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub".
    [[nodiscard]] QString verifyCommand() const;
    // "[host]:port" for non-default ports, like known_hosts.
    [[nodiscard]] QString hostPort() const;
};

enum class HostKeyDecision {
    Reject,
    AcceptOnce,        // trust for this connection only
    AcceptAndRemember, // add to SlurmDeck's known_hosts
};

// How the core asks the front end about an unknown host key. Called on a worker thread;
// the implementation may answer later from any thread (a GUI shows a dialog, a CLI answers
// from its --accept-new-host-keys flag, a test answers from a script). Changed keys are
// never asked about: they are refused.
class HostKeyPrompt
{
public:
    virtual ~HostKeyPrompt() = default;
    virtual void askAboutUnknownKey(const HostKeyInfo &key, std::function<void(HostKeyDecision)> answer) = 0;
};

// Answers every question the same way; what the CLI uses.
class FixedHostKeyPolicy final : public HostKeyPrompt
{
public:
    explicit FixedHostKeyPolicy(HostKeyDecision decision) : m_decision(decision) {}
    void askAboutUnknownKey(const HostKeyInfo &, std::function<void(HostKeyDecision)> answer) override
    {
        answer(m_decision);
    }

private:
    HostKeyDecision m_decision;
};

} // namespace SlurmDeck
