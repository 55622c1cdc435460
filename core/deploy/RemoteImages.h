// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/HostDeployer.h"
#include "deploy/ImageSupply.h"

#include <memory>

namespace SlurmDeck {

// Images from another host's Docker (ImageSource::TransferFromHost): `docker save` there,
// streamed over SSH into this machine's image cache, from where they go to the hosts that
// lack them as LocalImages' do. Connects on first use, over its own SSH connection.
class RemoteImages final : public ImageSupply
{
public:
    RemoteImages(HostPlan source, SshTarget target, HostKeyPrompt *hostKeys, CredentialPrompt *credentials,
                 CancelToken cancel, HostDeployer::Log log);
    ~RemoteImages() override;

    [[nodiscard]] QString origin() const override;

protected:
    [[nodiscard]] Result<Found> lookUp(const QString &image) override;
    [[nodiscard]] Result<void> save(const QString &image, const QString &file) override;

private:
    [[nodiscard]] Result<void> connect();

    std::unique_ptr<HostDeployer> m_host;
    bool m_connected = false;
};

} // namespace SlurmDeck
