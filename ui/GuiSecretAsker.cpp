// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiSecretAsker.h"

#include "dialogs/SecretDialog.h"

namespace SlurmDeck::Ui {

void GuiSecretAsker::askUser(const CredentialRequest &request,
                             std::function<void(std::optional<SecretAnswer>)> answer)
{
    auto *dialog = new SecretDialog(request, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(
        dialog, &SecretDialog::answered, dialog,
        [answer = std::move(answer)](const std::optional<SecretAnswer> &typed) { answer(typed); });
    dialog->open();
}

} // namespace SlurmDeck::Ui
