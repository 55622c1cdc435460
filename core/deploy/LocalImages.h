// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/ImageSupply.h"

namespace SlurmDeck {

// Images from this machine's Docker (ImageSource::TransferFromHere). Blocking: runs the
// docker CLI; call it on a worker thread.
class LocalImages final : public ImageSupply
{
public:
    explicit LocalImages(QString docker) : m_docker(std::move(docker)) {}

    [[nodiscard]] QString origin() const override;

protected:
    [[nodiscard]] Result<Found> lookUp(const QString &image) override;
    [[nodiscard]] Result<void> save(const QString &image, const QString &file) override;

private:
    QString m_docker;
};

} // namespace SlurmDeck
