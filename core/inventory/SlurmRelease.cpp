// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/SlurmRelease.h"

#include <QObject>
#include <QRegularExpression>

namespace SlurmDeck {

namespace {

// Slurm's major releases in order, as far as SlurmDeck needs to judge an upgrade.
const QStringList releaseOrder = {
    QStringLiteral("20.02"), QStringLiteral("20.11"), QStringLiteral("21.08"), QStringLiteral("22.05"),
    QStringLiteral("23.02"), QStringLiteral("23.11"), QStringLiteral("24.05"), QStringLiteral("24.11"),
    QStringLiteral("25.05"), QStringLiteral("25.11"),
};

// How many earlier releases `to` reads the state of: two, three from 24.11 on.
qsizetype upgradeWindow(qsizetype to)
{
    return to >= releaseOrder.indexOf(QStringLiteral("24.11")) ? 3 : 2;
}

} // namespace

QString SlurmRelease::image() const
{
    return QStringLiteral("slurmdeck/slurm:") + version;
}

QString SlurmRelease::baseImage() const
{
    return QStringLiteral("debian:") + debianSuite;
}

QString SlurmRelease::describe() const
{
    const QString debian = debianSuite == u"bookworm" ? QStringLiteral("Debian 12 bookworm")
                                                      : QStringLiteral("Debian 13 trixie");
    return QObject::tr("Slurm %1 (%2)").arg(patchLevel, debian);
}

QString SlurmRelease::defaultVersion()
{
    return QStringLiteral("22.05");
}

const QList<SlurmRelease> &SlurmRelease::offered()
{
    // 22.05 has no CgroupPlugin=disabled; cgroup/v1 keeps it off the cgroup/v2 plugin, which
    // talks to dbus/systemd. 24.11 loads a cgroup plugin whatever the other plugins are, and
    // needs `disabled` in a container (compose-templates/README.md).
    static const QList<SlurmRelease> releases = {
        {QStringLiteral("22.05"), QStringLiteral("22.05.8"), QStringLiteral("bookworm"),
         QStringLiteral("cgroup/v1")},
        {QStringLiteral("24.11"), QStringLiteral("24.11.5"), QStringLiteral("trixie"),
         QStringLiteral("disabled")},
    };
    return releases;
}

std::optional<SlurmRelease> SlurmRelease::find(const QString &version)
{
    for (const SlurmRelease &release : offered()) {
        if (release.version == version)
            return release;
    }
    return std::nullopt;
}

QString SlurmRelease::ofImage(const QString &image)
{
    static const QRegularExpression pattern(QStringLiteral("^slurmdeck/slurm:(\\d+\\.\\d+)(?:$|[^\\d.])"));
    return pattern.match(image.trimmed()).captured(1);
}

QString SlurmRelease::ofStateHeader(const QByteArray &header)
{
    // Slurm's pack format: a packstr is a 32-bit big-endian length (NUL included) and the
    // bytes; protocol versions go up by 1 << 8 a release (slurm_protocol_common.h).
    static const QByteArray magic("\0\0\0\x11PROTOCOL_VERSION\0", 21);
    if (header.size() < magic.size() + 2 || !header.startsWith(magic))
        return {};
    const int protocol = static_cast<unsigned char>(header.at(magic.size()));
    const qsizetype index = releaseOrder.indexOf(QStringLiteral("22.05")) + (protocol - 38);
    if (index < 0 || index >= releaseOrder.size())
        return {};
    return releaseOrder.at(index);
}

QString slurmUpgradeRefusal(const QString &from, const QString &to)
{
    const qsizetype fromIndex = releaseOrder.indexOf(from);
    const qsizetype toIndex = releaseOrder.indexOf(to);
    if (from == to || fromIndex < 0 || toIndex < 0)
        return {};
    if (toIndex < fromIndex) {
        return QObject::tr("Slurm cannot go back from %1 to %2: the controller's state and the accounting "
                           "database are %1's now. Keep slurm_release: \"%1\".")
            .arg(from, to);
    }
    const qsizetype window = upgradeWindow(toIndex);
    if (toIndex - fromIndex <= window)
        return {};
    QStringList readable;
    for (qsizetype i = std::max<qsizetype>(0, toIndex - window); i < toIndex; ++i)
        readable << releaseOrder.at(i);
    return QObject::tr(
               "Slurm does not support upgrading %1 to %2: %2 reads the controller's state and the "
               "accounting database only of %3. Keep slurm_release: \"%1\", or start a new cluster on "
               "%2 (its job history starts empty).")
        .arg(from, to, readable.join(QStringLiteral(", ")));
}

} // namespace SlurmDeck
