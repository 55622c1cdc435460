// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace SlurmDeck {

void installTranslations(QCoreApplication &app)
{
    auto *plurals = new QTranslator(&app);
    if (plurals->load(QStringLiteral(":/i18n/slurmdeck_en.qm")))
        QCoreApplication::installTranslator(plurals);
    // The translator installed last is asked first.
    auto *language = new QTranslator(&app);
    if (QLocale().language() != QLocale::English &&
        language->load(QLocale(), QStringLiteral("slurmdeck"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(language);
}

} // namespace SlurmDeck
