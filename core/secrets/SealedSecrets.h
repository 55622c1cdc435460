// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "secrets/ClusterSecrets.h"

#include <QByteArray>
#include <QString>

namespace SlurmDeck::SealedSecrets {

// The cluster's secrets sealed with a passphrase the user typed, for a backup that carries
// them (slurmdeck-cli backup --with-secrets): the munge key and the database password as
// JSON, encrypted by the system's `openssl enc` (AES-256-CBC; the key from the passphrase by
// PBKDF2-SHA256, 600,000 iterations, a random salt). The passphrase reaches openssl through
// its environment, never its command line; the plain secrets only through its stdin and
// stdout. Blocking (a second or so): call from a worker thread.

inline constexpr int minimumPassphraseLength = 8;

// Writes the sealed `values` to `file` (replaced).
[[nodiscard]] Result<void> seal(const ClusterSecrets::Values &values, const QByteArray &passphrase,
                                const QString &file);
// Reads them back; a wrong passphrase or a damaged file is an error that says so.
[[nodiscard]] Result<ClusterSecrets::Values> unseal(const QString &file, const QByteArray &passphrase);

} // namespace SlurmDeck::SealedSecrets
