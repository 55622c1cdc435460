// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/SharedDataVerdict.h"

#include <QObject>
#include <QSet>

#include <algorithm>

namespace SlurmDeck {

namespace {

QString names(const QStringList &hosts)
{
    if (hosts.size() < 2)
        return hosts.value(0);
    return QObject::tr("%1 and %2")
        .arg(hosts.first(hosts.size() - 1).join(QStringLiteral(", ")), hosts.last());
}

QString sources(const QList<SharedMarkerSighting> &sightings, const QStringList &hosts)
{
    QStringList paths;
    for (const SharedMarkerSighting &sighting : sightings) {
        if (hosts.contains(sighting.host) && !paths.contains(sighting.source))
            paths << sighting.source;
    }
    return paths.join(QStringLiteral(", "));
}

} // namespace

QList<SharedDataMismatch>
sharedDataMismatches(const QList<std::pair<QString, QList<SharedMarkerSighting>>> &sightings)
{
    QList<SharedDataMismatch> mismatches;
    for (const auto &[mount, hosts] : sightings) {
        QStringList participants;
        for (const SharedMarkerSighting &sighting : hosts)
            participants << sighting.host;
        // Group the hosts by what they see of the others.
        QList<QStringList> groups;
        QList<QSet<QString>> groupViews;
        for (const SharedMarkerSighting &sighting : hosts) {
            QSet<QString> view;
            for (const QString &seen : sighting.seen) {
                if (participants.contains(seen))
                    view.insert(seen);
            }
            view.insert(sighting.host);
            const qsizetype at = groupViews.indexOf(view);
            if (at >= 0) {
                groups[at] << sighting.host;
            } else {
                groups << QStringList{sighting.host};
                groupViews << view;
            }
        }
        if (groups.size() == 1 && groupViews.constFirst().size() == participants.size())
            continue;
        const auto largest =
            std::max_element(groups.cbegin(), groups.cend(), [](const auto &a, const auto &b) {
                return a.size() < b.size(); // the first of equal ones stays
            });
        SharedDataMismatch mismatch;
        mismatch.mount = mount;
        mismatch.together = *largest;
        for (const QString &host : participants) {
            if (!mismatch.together.contains(host))
                mismatch.apart << host;
        }
        const QString sharedPaths = sources(hosts, mismatch.together);
        const QString apartPaths = sources(hosts, mismatch.apart);
        mismatch.message =
            mismatch.together.size() > 1
                ? QObject::tr("The shared directory %1 is not one filesystem on every host: %2 see the same "
                              "directory (%3); %4 %5 another one (%6). Mount the same share there on %4, or "
                              "give %4 the path where it is mounted under the directory's 'sources' in the "
                              "cluster file.")
                      .arg(mount, names(mismatch.together), sharedPaths, names(mismatch.apart),
                           mismatch.apart.size() == 1 ? QObject::tr("sees") : QObject::tr("see"), apartPaths)
                : QObject::tr(
                      "The shared directory %1 is not one filesystem on any two hosts: each of %2 sees "
                      "only its own directory (%3). Mount the same share on every host (an NFS or SMB "
                      "share of a NAS), and give each host's path under the directory's 'sources' "
                      "where it differs.")
                      .arg(mount, names(participants), sources(hosts, participants));
        if (mismatch.together.size() == 1)
            mismatch.apart = participants;
        mismatches << mismatch;
    }
    return mismatches;
}

} // namespace SlurmDeck
