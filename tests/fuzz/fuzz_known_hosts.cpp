// SPDX-License-Identifier: GPL-3.0-or-later
// A known_hosts file, then host key checks against it: a few fixed host names and the
// entries' own host patterns, each with the entries' own keys and one key no entry holds.
#include "FuzzInput.h"
#include "ssh/KnownHosts.h"

#include <QStringList>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    const KnownHostsFile file = parseKnownHosts(Fuzz::bytes(data, size), QStringLiteral("known_hosts"));
    constexpr qsizetype sampled = 4; // entries whose hosts and keys are tried; bounds the work

    QStringList hosts{QStringLiteral("10.0.0.5"), QStringLiteral("[10.0.0.6]:2222"),
                      QStringLiteral("gpu-box.lan"), QStringLiteral("a.corp.example")};
    QList<QByteArray> keys{QByteArrayLiteral("\0\0\0\x0bssh-ed25519\0\0\0\x20not-a-key")};
    for (const KnownHostsEntry &entry : file.entries.first(qMin(sampled, file.entries.size()))) {
        hosts << entry.hosts.split(u',').first().remove(u'!');
        keys << entry.keyBlob;
    }
    for (const QString &host : hosts) {
        for (const QByteArray &key : keys)
            (void)checkHostKey({file}, host, key);
    }
    for (const KnownHostsProblem &problem : file.problems)
        (void)problem.toString();
    return 0;
}
