// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "fingerprint/HostFingerprint.h"

#include <QByteArray>

namespace SlurmDeck {

// Turns the probe's output into facts. Fails only when the text is not probe output at
// all; garbled or truncated sections leave fields unset and add warnings instead.
[[nodiscard]] Result<HostFingerprint> parseFingerprint(const QByteArray &probeOutput);

} // namespace SlurmDeck
