// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The colours of problem and success messages (notices, form problems, deploy summaries),
// readable on the palette in use: the darker red and green on light bases, lighter ones on
// dark bases. Style sheets, applied when a message is shown.
namespace SlurmDeck::Ui::MessageStyle {

[[nodiscard]] QString problem(bool bold = false);
[[nodiscard]] QString success();

} // namespace SlurmDeck::Ui::MessageStyle
