// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ssh/SshHandles.h"

#include <QDir>
#include <QString>

// Small helpers shared by SshConnection's files (connection setup and login).
namespace SlurmDeck::SshOptionText {

// "%d" (the user's ~/.ssh) and a leading "~/" expanded, as OpenSSH does in its config.
[[nodiscard]] inline QString expandSshPath(QString path)
{
    const QString sshDir = QDir::homePath() + QStringLiteral("/.ssh");
    path.replace(QLatin1String("%d"), sshDir);
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    return path;
}

// A string option of the session, empty when unset.
[[nodiscard]] inline QString optionString(ssh_session session, ssh_options_e option)
{
    char *value = nullptr;
    if (ssh_options_get(session, option, &value) != SSH_OK || !value)
        return {};
    const SshHandles::CString owned(value);
    return QString::fromUtf8(owned.get());
}

} // namespace SlurmDeck::SshOptionText
