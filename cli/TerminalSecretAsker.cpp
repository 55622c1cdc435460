// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TerminalSecretAsker.h"

#include "cli/Terminal.h"

#include <QCoreApplication>

namespace SlurmDeck {

void TerminalSecretAsker::askUser(const CredentialRequest &request,
                                  std::function<void(std::optional<SecretAnswer>)> answer)
{
    const QString question =
        request.kind == CredentialRequest::Kind::Password
            ? QCoreApplication::translate("TerminalSecretAsker", "Password for %1: ").arg(request.target)
            : QCoreApplication::translate("TerminalSecretAsker", "Passphrase for %1 (%2): ")
                  .arg(request.keyFile.isEmpty() ? request.prompt.trimmed() : request.keyFile,
                       request.target);
    std::optional<QByteArray> secret = Terminal::ask(question.toLocal8Bit(), true);
    if (!secret || secret->isEmpty()) {
        answer(std::nullopt);
        return;
    }
    const std::optional<QByteArray> reply =
        Terminal::ask(QCoreApplication::translate("TerminalSecretAsker", "Keep it in the OS keychain? [y/N] ")
                          .toLocal8Bit());
    SecretAnswer typed{QString::fromUtf8(*secret), reply && reply->trimmed().toLower().startsWith('y')};
    secret->fill('\0');
    answer(typed);
}

} // namespace SlurmDeck
