#pragma once

#include <QString>

namespace SlurmDeck::FingerprintProbe {

// The output format this probe writes and parseFingerprint() reads.
inline constexpr int formatVersion = 1;

// The probe: a POSIX sh script (dash, bash, BusyBox ash, macOS /bin/sh) that prints every
// fact as a marked section of raw tool output and never fails as a whole.
[[nodiscard]] QString script();

// The one command line to exec over SSH: `sh -c '<script>'`. The login shell only has to
// understand single quotes spanning lines (sh, bash, zsh, ash do; csh does not).
[[nodiscard]] QString command();

} // namespace SlurmDeck::FingerprintProbe
