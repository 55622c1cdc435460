// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/SlurmConfChange.h"

#include <QMap>
#include <QObject>
#include <QSet>

#include <algorithm>

namespace SlurmDeck {

namespace {

// Parameters that `scontrol reconfigure` does not apply (scontrol(1): "daemons should be
// shutdown and restarted"; slurm.conf(5) says the same of the plugin types), lower case.
const QSet<QString> &restartParameters()
{
    static const QSet<QString> names{
        QStringLiteral("accountingstoragehost"),
        QStringLiteral("accountingstorageport"),
        QStringLiteral("accountingstoragetype"),
        QStringLiteral("authalttypes"),
        QStringLiteral("authinfo"),
        QStringLiteral("authtype"),
        QStringLiteral("backupcontroller"),
        QStringLiteral("clustername"),
        QStringLiteral("controladdr"),
        QStringLiteral("controlmachine"),
        QStringLiteral("credtype"),
        QStringLiteral("grestypes"),
        QStringLiteral("include"),
        QStringLiteral("jobacctgathertype"),
        QStringLiteral("launchtype"),
        QStringLiteral("plugindir"),
        QStringLiteral("proctracktype"),
        QStringLiteral("prologflags"),
        QStringLiteral("selecttype"),
        QStringLiteral("selecttypeparameters"),
        QStringLiteral("slurmctldhost"),
        QStringLiteral("slurmctldpidfile"),
        QStringLiteral("slurmctldport"),
        QStringLiteral("slurmdpidfile"),
        QStringLiteral("slurmdport"),
        QStringLiteral("slurmdspooldir"),
        QStringLiteral("slurmduser"),
        QStringLiteral("slurmuser"),
        QStringLiteral("statesavelocation"),
        QStringLiteral("switchtype"),
        QStringLiteral("taskplugin"),
        QStringLiteral("topologyplugin"),
        QStringLiteral("treewidth"),
    };
    return names;
}

// A line that describes a named thing: NodeName=..., PartitionName=..., NodeSet=...
const QSet<QString> &recordKinds()
{
    static const QSet<QString> kinds{QStringLiteral("nodename"), QStringLiteral("partitionname"),
                                     QStringLiteral("nodeset"), QStringLiteral("downnodes"),
                                     QStringLiteral("frontendname")};
    return kinds;
}

using Fields = QMap<QString, QString>; // lower-case key -> value

struct ParsedConf
{
    QMap<QString, QString> parameters;            // lower-case key -> value
    QMap<QString, QMap<QString, Fields>> records; // kind -> name -> fields
    QMap<QString, QString> spelling;              // lower-case key -> as written
};

ParsedConf parse(const QByteArray &text)
{
    ParsedConf conf;
    for (QString line : QString::fromUtf8(text).split(u'\n')) {
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        const qsizetype equals = line.indexOf(u'=');
        if (line.isEmpty() || equals <= 0)
            continue;
        const QString firstKey = line.left(equals).trimmed();
        const QString kind = firstKey.toLower();
        if (!recordKinds().contains(kind)) {
            conf.parameters.insert(kind, line.mid(equals + 1).trimmed());
            conf.spelling.insert(kind, firstKey);
            continue;
        }
        Fields fields;
        QString name;
        for (const QString &token : line.split(QChar(u' '), Qt::SkipEmptyParts)) {
            const qsizetype at = token.indexOf(u'=');
            const QString key = (at < 0 ? token : token.left(at)).toLower();
            const QString value = at < 0 ? QString() : token.mid(at + 1);
            if (key == kind)
                name = value;
            else
                fields.insert(key, value);
        }
        conf.records[kind].insert(name, fields);
    }
    return conf;
}

QStringList changedFields(const Fields &before, const Fields &after)
{
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    QStringList changed;
    for (const QString &key : std::as_const(keys)) {
        if (before.value(key) != after.value(key))
            changed << key;
    }
    std::sort(changed.begin(), changed.end());
    return changed;
}

QString kindText(const QString &kind)
{
    if (kind == u"nodename")
        return QObject::tr("node");
    if (kind == u"partitionname")
        return QObject::tr("partition");
    if (kind == u"nodeset")
        return QObject::tr("node set");
    return kind;
}

void add(SlurmConfChange &change, SlurmConfChange::Apply apply, const QString &reason)
{
    change.merge(SlurmConfChange{apply, {reason}});
}

} // namespace

void SlurmConfChange::merge(const SlurmConfChange &other)
{
    apply = std::max(apply, other.apply);
    for (const QString &reason : other.reasons) {
        if (!reasons.contains(reason))
            reasons << reason;
    }
}

QString SlurmConfChange::describe() const
{
    const QString why = reasons.join(QStringLiteral("; "));
    switch (apply) {
    case Apply::Nothing:
        return QObject::tr("The Slurm daemons already use this configuration.");
    case Apply::Reconfigure:
        return QObject::tr("Applied with 'scontrol reconfigure'; no daemon restarts (%1).").arg(why);
    case Apply::RestartDaemons:
        return QObject::tr("slurmctld restarts, then slurmd on every node inside its container, so running "
                           "jobs keep running (%1).")
            .arg(why);
    }
    return {};
}

SlurmConfChange classifySlurmConfChange(const QByteArray &before, const QByteArray &after)
{
    using Apply = SlurmConfChange::Apply;
    const ParsedConf old = parse(before);
    const ParsedConf now = parse(after);
    SlurmConfChange change;

    QStringList parameters = old.parameters.keys() + now.parameters.keys();
    parameters.removeDuplicates();
    std::sort(parameters.begin(), parameters.end());
    for (const QString &key : std::as_const(parameters)) {
        if (old.parameters.value(key) == now.parameters.value(key))
            continue;
        const QString name = now.spelling.value(key, old.spelling.value(key));
        add(change, restartParameters().contains(key) ? Apply::RestartDaemons : Apply::Reconfigure,
            QObject::tr("%1 changed").arg(name));
    }

    QStringList kinds = old.records.keys() + now.records.keys();
    kinds.removeDuplicates();
    for (const QString &kind : std::as_const(kinds)) {
        // slurm.conf(5): nodes added, removed or changed (CPUs, memory, address) need every
        // daemon restarted; partitions and node sets are read again on reconfigure.
        const Apply apply = kind == u"nodename" ? Apply::RestartDaemons : Apply::Reconfigure;
        const QMap<QString, Fields> was = old.records.value(kind);
        const QMap<QString, Fields> is = now.records.value(kind);
        for (auto it = is.cbegin(); it != is.cend(); ++it) {
            if (!was.contains(it.key())) {
                add(change, apply, QObject::tr("%1 %2 added").arg(kindText(kind), it.key()));
                continue;
            }
            const QStringList fields = changedFields(was.value(it.key()), it.value());
            if (!fields.isEmpty()) {
                add(change, apply,
                    QObject::tr("%1 %2: %3 changed").arg(kindText(kind), it.key(), fields.join(u", ")));
            }
        }
        for (auto it = was.cbegin(); it != was.cend(); ++it) {
            if (!is.contains(it.key()))
                add(change, apply, QObject::tr("%1 %2 removed").arg(kindText(kind), it.key()));
        }
    }
    return change;
}

SlurmConfChange slurmFileChange(const QString &path)
{
    const QString file = path.section(u'/', -1);
    if (file == u"slurmdbd.conf")
        return {};
    return SlurmConfChange{SlurmConfChange::Apply::RestartDaemons,
                           {QObject::tr("%1 changed (slurmd reads it when it starts)").arg(file)}};
}

} // namespace SlurmDeck
