// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/FirstRunWizard.h"

#include "Confirmation.h"
#include "GuiHostKeyPrompt.h"
#include "GuiSecretAsker.h"
#include "inventory/ClusterDocument.h"
#include "secrets/KeychainCredentialPrompt.h"
#include "views/DeployView.h"
#include "wizard/WizardPages.h"

#include <QTimer>

namespace SlurmDeck::Ui {

namespace {

// Pressing Deploy on the review page is the user's answer; no second question.
class AlreadyConfirmed final : public Confirmation
{
public:
    void ask(QWidget *parent, const Question &, std::function<void(bool)> answer) override
    {
        QTimer::singleShot(0, parent, [answer = std::move(answer)] { answer(true); });
    }
};

} // namespace

FirstRunWizard::FirstRunWizard(const QString &clusterPath, QWidget *parent)
    : QWizard(parent)
    , m_clusterPath(clusterPath)
    , m_backend(std::make_shared<SshWizardBackend>())
    , m_document(new ClusterDocument(this))
    , m_deployView(new DeployView(m_document, this))
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Welcome to SlurmDeck"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    m_document->reset(clusterPath);
    m_deployView->setObjectName(QStringLiteral("wizardDeployView"));
    m_deployView->setConfirmation(std::make_shared<AlreadyConfirmed>());
    m_deployView->hide();

    setPage(StartPageId, new StartPage(this));
    setPage(DiscoverPageId, new DiscoverPage(this));
    setPage(PickPageId, new PickPage(this));
    setPage(HostKeysPageId, new HostKeysPage(this));
    setPage(CredentialsPageId, new CredentialsPage(this));
    setPage(RolesPageId, new RolesPage(this));
    setPage(ReviewPageId, new ReviewPage(this));
    setPage(DeployPageId, new DeployPage(this));
    setStartId(StartPageId);
    resize(1100, 760);
}

FirstRunWizard::~FirstRunWizard() = default;

void FirstRunWizard::setSshDefaults(const SshTarget &ssh)
{
    m_ssh = ssh;
    m_deployView->setSshDefaults(ssh);
}

void FirstRunWizard::setCredentialPrompt(std::shared_ptr<CredentialPrompt> prompt)
{
    m_credentials = std::move(prompt);
    m_deployView->setCredentialPrompt(m_credentials);
}

std::shared_ptr<CredentialPrompt> FirstRunWizard::credentialPrompt()
{
    if (!m_credentials) {
        // Passphrases and passwords: from the OS keychain, else asked in a dialog.
        setCredentialPrompt(std::make_shared<KeychainCredentialPrompt>(
            QStringLiteral("slurmdeck"), std::make_shared<GuiSecretAsker>(this)));
    }
    return m_credentials;
}

bool FirstRunWizard::sandboxChosen() const
{
    const auto *start = qobject_cast<const StartPage *>(page(StartPageId));
    return start && start->sandboxChosen();
}

void FirstRunWizard::accept()
{
    QWizard::accept();
    if (sandboxChosen())
        emit sandboxRequested();
    else
        emit clusterSaved(m_document->path());
}

} // namespace SlurmDeck::Ui
