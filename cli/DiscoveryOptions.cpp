// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/DiscoveryOptions.h"

#include <QCoreApplication>

namespace SlurmDeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DiscoveryOptions", text);
}

} // namespace

DiscoveryOptions::DiscoveryOptions()
    : m_subnet(QStringLiteral("subnet"), tr("Scan the IPv4 subnet CIDR for SSH servers (repeatable)."),
               QStringLiteral("CIDR"))
    , m_user(QStringLiteral("user"), tr("Log in as USER (default: ~/.ssh/config, else your user name)."),
             QStringLiteral("USER"))
    , m_identity(QStringLiteral("identity"), tr("Use the private key FILE."), QStringLiteral("FILE"))
    , m_port(QStringLiteral("port"), tr("SSH port (default: ~/.ssh/config, else 22)."),
             QStringLiteral("PORT"))
    , m_sshConfig(QStringLiteral("ssh-config"),
                  tr("Read this OpenSSH client config instead of ~/.ssh/config."), QStringLiteral("FILE"))
    , m_acceptNew(QStringLiteral("accept-new-host-keys"),
                  tr("Trust and remember host keys seen for the first time (like OpenSSH's "
                     "StrictHostKeyChecking=accept-new). Changed keys are always refused."))
    , m_timeout(QStringLiteral("timeout"), tr("Seconds to wait for each SSH connection (default 10)."),
                QStringLiteral("SECONDS"))
{}

void DiscoveryOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_subnet, m_user, m_identity, m_port, m_sshConfig, m_acceptNew, m_timeout});
}

bool DiscoveryOptions::acceptNewHostKeys(const QCommandLineParser &parser) const
{
    return parser.isSet(m_acceptNew);
}

Result<DiscoveryRequest> DiscoveryOptions::request(const QCommandLineParser &parser,
                                                   int firstHostArgument) const
{
    DiscoveryRequest request;
    request.hosts = parser.positionalArguments().mid(firstHostArgument);
    for (const QString &text : parser.values(m_subnet)) {
        const Result<Subnet> subnet = parseSubnet(text);
        if (!subnet)
            return subnet.error();
        request.subnets.append(*subnet);
    }
    if (request.hosts.isEmpty() && request.subnets.isEmpty()) {
        request.subnets = localSubnets();
        if (request.subnets.isEmpty()) {
            return makeError(
                Error::Code::InvalidArgument,
                tr("This machine has no IPv4 network to scan. Name the hosts, or give --subnet."));
        }
    }
    request.login.user = parser.value(m_user);
    request.login.identityFile = parser.value(m_identity);
    request.login.configFile = parser.value(m_sshConfig);
    if (parser.isSet(m_port)) {
        bool ok = false;
        const int port = parser.value(m_port).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return makeError(Error::Code::InvalidArgument, tr("--port wants a number from 1 to 65535."));
        request.login.port = port;
    }
    if (parser.isSet(m_timeout)) {
        bool ok = false;
        const int seconds = parser.value(m_timeout).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 600)
            return makeError(Error::Code::InvalidArgument, tr("--timeout wants seconds from 1 to 600."));
        request.login.connectTimeout = std::chrono::seconds(seconds);
    }
    return request;
}

} // namespace SlurmDeck
