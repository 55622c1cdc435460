// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/GpuNaming.h"

#include <QRegularExpression>

namespace SlurmDeck {

QString gresTypeName(const QString &model)
{
    static const QRegularExpression vendorWords(QStringLiteral("\\b(nvidia|geforce|tesla|quadro)\\b"),
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression separators(QStringLiteral("[^a-z0-9]+"));
    QString name = model.toLower();
    name.remove(vendorWords);
    name = name.trimmed();
    // "rtx 3090" reads as one word in Slurm's usage; other separators become '_'.
    name.replace(QRegularExpression(QStringLiteral("^(rtx|gtx|titan) ")), QStringLiteral("\\1"));
    name.replace(separators, QStringLiteral("_"));
    while (name.startsWith(u'_'))
        name.remove(0, 1);
    while (name.endsWith(u'_'))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("gpu") : name;
}

} // namespace SlurmDeck
