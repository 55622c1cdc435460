// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/ClusterUserReader.h"

#include <QHash>

namespace SlurmDeck {

using namespace YamlFields;

void readClusterUsers(FieldReader &reader, const Entry &entry, Cluster &cluster)
{
    static const QStringList keys = {QStringLiteral("name"), QStringLiteral("uid"), QStringLiteral("gid")};
    QHash<QString, int> names; // name -> line
    QHash<int, int> uids;      // uid -> line
    const YAML::Node items =
        reader.optionalList(&entry, QStringLiteral("of users, e.g. [{name: alice, uid: 1000, gid: 1000}]"));
    for (const YAML::Node &item : items) {
        if (!item.IsMap()) {
            reader.report(item.Mark(),
                          QStringLiteral("a user must be a mapping with 'name', 'uid' and 'gid', not %1")
                              .arg(kindOf(item)));
            continue;
        }
        const auto fields = reader.entries(item, keys);
        ClusterUser user;
        const Entry *nameEntry = FieldReader::find(fields, QStringLiteral("name"));
        const auto name =
            reader.requiredText(nameEntry, item.Mark(), QStringLiteral("name"), QStringLiteral("this user"));
        if (name) {
            user.name = *name;
            if (!ClusterUser::isValidName(*name))
                reader.report(nameEntry->value.Mark(),
                              QStringLiteral("user name '%1' ").arg(*name) + ClusterUser::nameRule());
            else if (const auto previous = names.constFind(*name); previous != names.cend())
                reader.report(
                    nameEntry->value.Mark(),
                    QStringLiteral("user '%1' is given twice (first on line %2)").arg(*name).arg(*previous));
            else
                names.insert(*name, nameEntry->value.Mark().line + 1);
        }
        const QString what =
            user.name.isEmpty() ? QStringLiteral("this user") : QStringLiteral("user '%1'").arg(user.name);
        const Entry *uidEntry = FieldReader::find(fields, QStringLiteral("uid"));
        const Entry *gidEntry = FieldReader::find(fields, QStringLiteral("gid"));
        for (const auto &[key, field] :
             {std::pair{QStringLiteral("uid"), uidEntry}, std::pair{QStringLiteral("gid"), gidEntry}}) {
            if (!field || field->value.IsNull())
                reader.report(
                    field ? field->key.Mark() : item.Mark(),
                    QStringLiteral("%1 has no '%2' (the number `id -%3` prints for them on the hosts)")
                        .arg(what, key, key == u"uid" ? QStringLiteral("u") : QStringLiteral("g")));
        }
        if (const auto uid = reader.optionalInteger(uidEntry, ClusterUser::minimumUid, 0x7fffffff)) {
            user.uid = static_cast<int>(*uid);
            if (const auto previous = uids.constFind(user.uid); previous != uids.cend())
                reader.report(
                    uidEntry->value.Mark(),
                    QStringLiteral("uid %1 is given twice (first on line %2)").arg(user.uid).arg(*previous));
            else
                uids.insert(user.uid, uidEntry->value.Mark().line + 1);
        }
        if (const auto gid = reader.optionalInteger(gidEntry, 1, 0x7fffffff))
            user.gid = static_cast<int>(*gid);
        cluster.users.append(user);
    }
}

} // namespace SlurmDeck
