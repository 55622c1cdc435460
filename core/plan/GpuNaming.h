// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace SlurmDeck {

// A Slurm GRES type from an nvidia-smi model name: "NVIDIA GeForce RTX 3090" -> "rtx3090",
// "NVIDIA A100-SXM4-40GB" -> "a100_sxm4_40gb", "Tesla T4" -> "t4". Lower case letters,
// digits and '_' only; "gpu" when nothing is left.
[[nodiscard]] QString gresTypeName(const QString &model);

} // namespace SlurmDeck
