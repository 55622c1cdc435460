// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/ServiceLimits.h"

#include <QObject>
#include <QRegularExpression>

namespace SlurmDeck::ServiceLimits {

QList<Limit> memoryLimits(const QByteArray &compose)
{
    static const QRegularExpression serviceKey(QStringLiteral("^  ([A-Za-z0-9_-]+):\\s*$"));
    static const QRegularExpression memLimit(
        QStringLiteral("^    mem_limit:\\s*\"?([0-9]+[bkmgBKMG]?)\"?\\s*$"));
    QList<Limit> limits;
    bool inServices = false;
    QString service;
    for (const QString &line : QString::fromUtf8(compose).split(u'\n')) {
        if (!line.startsWith(u' ') && !line.isEmpty() && !line.startsWith(u'#')) {
            inServices = line.startsWith(QLatin1String("services:"));
            service.clear();
            continue;
        }
        if (!inServices)
            continue;
        if (const QRegularExpressionMatch key = serviceKey.match(line); key.hasMatch())
            service = key.captured(1);
        else if (const QRegularExpressionMatch limit = memLimit.match(line);
                 limit.hasMatch() && !service.isEmpty())
            limits << Limit{service, limit.captured(1)};
    }
    return limits;
}

QString note(const QList<Limit> &limits, const QStringList &services)
{
    QStringList shown;
    for (const Limit &limit : limits) {
        if (services.contains(limit.service))
            shown << QStringLiteral("%1 %2").arg(limit.service, limit.memory);
    }
    if (shown.isEmpty())
        return {};
    return QObject::tr(
               "Service containers have memory limits (compose.yml's mem_limit): %1; slurmd and slurmctld "
               "have none. Each container's log rotates at 10 MB, 3 files kept.")
        .arg(shown.join(QStringLiteral(", ")));
}

} // namespace SlurmDeck::ServiceLimits
