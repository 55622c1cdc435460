// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

class QWidget;

namespace SlurmDeck::Ui {

// Renders a widget (usually the main window) into a PNG file; works under the offscreen
// platform, so the look can be checked on a machine without a display.
[[nodiscard]] Result<void> saveScreenshot(QWidget &widget, const QString &path);

} // namespace SlurmDeck::Ui
