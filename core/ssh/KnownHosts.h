// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace SlurmDeck {

// OpenSSH known_hosts files, read by SlurmDeck itself so that its rules hold whatever an
// ssh_config says (StrictHostKeyChecking, UserKnownHostsFile /dev/null, ...): libssh's own
// check accepts any unknown or changed key when StrictHostKeyChecking is off.
struct KnownHostsEntry
{
    enum class Marker {
        None,
        CertAuthority,
        Revoked
    };

    Marker marker = Marker::None;
    QString hosts;      // the host field as written: "a,b,[c]:2222", "*.lan,!x.lan" or "|1|salt|hash"
    QString keyType;    // "ssh-ed25519", ...
    QByteArray keyBlob; // the decoded public key
    QString file;
    int line = 0;

    // `hostPort` as known_hosts writes it: "host" for port 22, "[host]:port" otherwise.
    [[nodiscard]] bool matchesHost(const QString &hostPort) const;
    [[nodiscard]] QString place() const { return file + u':' + QString::number(line); }
};

struct KnownHostsProblem
{
    QString file;
    int line = 0; // 0: the file as a whole
    QString message;

    [[nodiscard]] QString toString() const;
};

struct KnownHostsFile
{
    QList<KnownHostsEntry> entries;
    QList<KnownHostsProblem> problems; // lines that could not be read
};

// Parses one file's text; a bad line becomes a problem and the others are still read.
[[nodiscard]] KnownHostsFile parseKnownHosts(const QByteArray &content, const QString &fileName);
// Reads and parses `path`; a file that does not exist is empty, one that cannot be read
// (or is implausibly large) is a problem.
[[nodiscard]] KnownHostsFile readKnownHostsFile(const QString &path);

// "host" for port 22, "[host]:port" otherwise, as known_hosts writes hosts.
[[nodiscard]] QString knownHostsName(const QString &host, int port);

struct HostKeyCheck
{
    enum class Verdict {
        Known,             // an entry for the host holds this key
        Unknown,           // no entry for the host
        Changed,           // entries for the host, none with this key
        Revoked,           // a @revoked entry holds this key
        CertAuthorityOnly, // only @cert-authority entries match the host
    };
    Verdict verdict = Verdict::Unknown;
    QString where; // "file:line" of the deciding entry (Known, Changed, Revoked, CertAuthorityOnly)
    QList<KnownHostsProblem> problems; // unreadable lines in the files consulted
};

// Revoked wins over everything, then a matching key, then a different key for the host.
[[nodiscard]] HostKeyCheck checkHostKey(const QList<KnownHostsFile> &files, const QString &hostPort,
                                        const QByteArray &keyBlob);

} // namespace SlurmDeck
