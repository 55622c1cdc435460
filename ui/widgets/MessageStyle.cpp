// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/MessageStyle.h"

#include "models/StateStyle.h"

namespace SlurmDeck::Ui::MessageStyle {

QString problem(bool bold)
{
    // GNOME's red 3 on light bases, its red 1 on dark ones: both pass WCAG AA on their base.
    const QString colour = StateStyle::darkPalette() ? QStringLiteral("#f66151") : QStringLiteral("#c01c28");
    return QStringLiteral("color: %1;%2")
        .arg(colour, bold ? QStringLiteral(" font-weight: bold;") : QString());
}

QString success()
{
    return QStringLiteral("color: %1;")
        .arg(StateStyle::darkPalette() ? QStringLiteral("#8ff0a4") : QStringLiteral("#26a269"));
}

} // namespace SlurmDeck::Ui::MessageStyle
