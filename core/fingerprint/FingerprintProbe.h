// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ssh/ExecResult.h"

#include <QString>

namespace SlurmDeck::FingerprintProbe {

// The output format this probe writes and parseFingerprint() reads.
inline constexpr int formatVersion = 1;

// The probe: a POSIX sh script (dash, bash, BusyBox ash, macOS /bin/sh) that prints every
// fact as a marked section of raw tool output and never fails as a whole.
[[nodiscard]] QString script();

// The one command to exec over SSH: a line that names the login shell, then
// `sh -c '<script>'`. parseFingerprint() refuses login shells that do not run POSIX sh
// command lines (fish, csh, tcsh): every later command is one.
[[nodiscard]] QString command();

// A real probe's output is a few KiB; far more is a hostile or broken host.
inline constexpr qsizetype maxOutputBytes = 4 * 1024 * 1024;

// How to exec command(): its time limit and output cap.
[[nodiscard]] ExecOptions execOptions();

} // namespace SlurmDeck::FingerprintProbe
