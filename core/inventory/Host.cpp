// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/Host.h"

namespace SlurmDeck {

Platform Host::effectivePlatform() const
{
    return platformOverride != Platform::Unknown ? platformOverride : detected.platform;
}

bool Host::isValidName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        const bool allowed =
            (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-';
        if (!allowed)
            return false;
    }
    return true;
}

} // namespace SlurmDeck
