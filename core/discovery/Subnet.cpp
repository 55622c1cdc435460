// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/Subnet.h"

#include <QCoreApplication>
#include <QNetworkInterface>

namespace SlurmDeck {

namespace {

quint32 maskFor(int prefixLength)
{
    return prefixLength == 0 ? 0U : ~quint32(0) << (32 - prefixLength);
}

Subnet normalised(const QHostAddress &address, int prefixLength)
{
    return Subnet{QHostAddress(address.toIPv4Address() & maskFor(prefixLength)), prefixLength};
}

} // namespace

QString Subnet::toString() const
{
    return network.toString() + u'/' + QString::number(prefixLength);
}

quint32 Subnet::hostCount() const
{
    const quint64 size = quint64(1) << (32 - prefixLength);
    return prefixLength >= 31 ? quint32(size) : quint32(size - 2);
}

QList<QHostAddress> Subnet::hostAddresses() const
{
    QList<QHostAddress> addresses;
    const quint32 base = network.toIPv4Address();
    const quint64 size = quint64(1) << (32 - prefixLength);
    const quint64 first = prefixLength >= 31 ? 0 : 1;
    const quint64 last = prefixLength >= 31 ? size : size - 1;
    addresses.reserve(qsizetype(last - first));
    for (quint64 offset = first; offset < last; ++offset)
        addresses.append(QHostAddress(base + quint32(offset)));
    return addresses;
}

Result<Subnet> parseSubnet(const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto invalid = [&trimmed](const QString &why) {
        return makeError(Error::Code::InvalidArgument,
                         QCoreApplication::translate("Subnet", "'%1' is not a subnet like 192.168.1.0/24: %2")
                             .arg(trimmed, why));
    };
    const qsizetype slash = trimmed.indexOf(u'/');
    const QString addressText = slash < 0 ? trimmed : trimmed.left(slash);
    QHostAddress address;
    if (!address.setAddress(addressText) || address.protocol() != QAbstractSocket::IPv4Protocol)
        return invalid(QCoreApplication::translate("Subnet", "not an IPv4 address"));
    int prefixLength = 32;
    if (slash >= 0) {
        bool ok = false;
        prefixLength = trimmed.mid(slash + 1).toInt(&ok);
        if (!ok || prefixLength < 0 || prefixLength > 32)
            return invalid(QCoreApplication::translate("Subnet", "the prefix length must be 0 to 32"));
    }
    if (prefixLength < smallestScannablePrefix) {
        return invalid(
            QCoreApplication::translate("Subnet", "/%1 is too large to scan; use /%2 or smaller pieces")
                .arg(prefixLength)
                .arg(smallestScannablePrefix));
    }
    return normalised(address, prefixLength);
}

QList<Subnet> localSubnets()
{
    QList<Subnet> subnets;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const QList<QNetworkAddressEntry> entries = interface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            if (entry.ip().protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            const int prefix = entry.prefixLength() < 24 ? 24 : entry.prefixLength();
            const Subnet subnet = normalised(entry.ip(), prefix);
            const bool known = std::any_of(subnets.cbegin(), subnets.cend(), [&subnet](const Subnet &other) {
                return other.network == subnet.network && other.prefixLength == subnet.prefixLength;
            });
            if (!known)
                subnets.append(subnet);
        }
    }
    return subnets;
}

} // namespace SlurmDeck
