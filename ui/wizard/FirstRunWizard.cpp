// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/FirstRunWizard.h"

#include "Confirmation.h"
#include "GuiHostKeyPrompt.h"
#include "GuiSecretAsker.h"
#include "MessageBoxConfirmation.h"
#include "inventory/ClusterDocument.h"
#include "secrets/KeychainCredentialPrompt.h"
#include "views/DeployView.h"
#include "wizard/WizardPages.h"

#include <QPointer>
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
    , m_confirmation(std::make_shared<MessageBoxConfirmation>())
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
    m_deployView->session()->setSshDefaults(ssh);
}

void FirstRunWizard::setCredentialPrompt(std::shared_ptr<CredentialPrompt> prompt)
{
    m_credentials = std::move(prompt);
    m_deployView->session()->setCredentialPrompt(m_credentials);
}

void FirstRunWizard::setConfirmation(std::shared_ptr<Confirmation> confirmation)
{
    m_confirmation = std::move(confirmation);
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

void FirstRunWizard::reject()
{
    // Before the deploy nothing is on the hosts: Cancel just closes. After it, the unsaved
    // cluster file is the only record of what runs there.
    if (!m_deployStarted || result() == QDialog::Accepted) {
        QWizard::reject();
        return;
    }
    if (m_asking)
        return;
    m_asking = true;
    const bool deploying = m_deployView->isDeploying();
    Confirmation::Question question;
    question.title = tr("Close without saving the cluster?");
    question.text =
        deploying ? tr("A deploy is putting the cluster on the hosts. Closing stops it and does not save "
                       "the cluster file %1, so SlurmDeck will not know this cluster: the hosts keep "
                       "what was deployed so far.\n\nWait for the deploy and press Finish to keep it.")
                        .arg(m_document->path())
                  : tr("The cluster is on the hosts, but its file %1 is not saved yet. Without it "
                       "SlurmDeck will not know this cluster (to remove it from the hosts later you "
                       "would need the file).\n\nPress Finish to save it and open the cluster.")
                        .arg(m_document->path());
    question.acceptText = tr("Close Without Saving");
    m_confirmation->ask(this, question, [self = QPointer<FirstRunWizard>(this)](bool yes) {
        if (!self)
            return;
        self->m_asking = false;
        if (!yes)
            return;
        if (self->m_deployView->isDeploying())
            self->m_deployView->cancelNow();
        self->m_deployStarted = false; // answered: close
        self->QWizard::reject();
    });
}

} // namespace SlurmDeck::Ui
