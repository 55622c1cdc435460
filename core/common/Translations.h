// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace SlurmDeck {

// Both fronts' messages in the user's language: the English plural forms first ("1 host",
// "2 hosts" from "%n host(s)"), then the user's language where a translation exists (its
// missing plurals fall back to the English ones). The translations are the executable's
// resources under :/i18n; the translators belong to `app`.
void installTranslations(QCoreApplication &app);

} // namespace SlurmDeck
