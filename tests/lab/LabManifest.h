// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The lab's manifest reader lives in core (the sandbox uses the same lab); tests include it
// from here as before.
#include "sandbox/LabManifest.h"
