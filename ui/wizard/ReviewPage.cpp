// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/FirstRunWizard.h"
#include "wizard/WizardPages.h"

#include "inventory/ClusterDocument.h"
#include "views/DeployView.h"

#include <QAction>
#include <QLabel>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

ReviewPage::ReviewPage(QWidget *parent) : QWizardPage(parent), m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Review the plan"));
    setSubTitle(tr("Every file each host gets, rendered from your choices; nothing has been written to any "
                   "host yet. Choose how the container images reach the hosts, then Deploy."));
    setCommitPage(true); // the deploy changes the hosts: no way back into the earlier steps
    setButtonText(QWizard::CommitButton, tr("&Deploy"));
    m_layout->setContentsMargins(0, 0, 0, 0);
}

FirstRunWizard *ReviewPage::owner() const
{
    return qobject_cast<FirstRunWizard *>(wizard());
}

void ReviewPage::initializePage()
{
    FirstRunWizard *wizard = owner();
    DeployView *view = wizard->deployView();
    connect(view, &DeployView::planReady, this, &QWizardPage::completeChanged, Qt::UniqueConnection);
    if (m_layout->indexOf(view) < 0)
        m_layout->addWidget(view);
    view->show();
    // Here the wizard's Deploy button starts the deploy (and leaves this page), not the view's.
    if (auto *deploy = view->findChild<QAction *>(QStringLiteral("startDeployAction")))
        deploy->setVisible(false);

    ClusterDocument *document = wizard->document();
    document->reset(wizard->clusterPath());
    if (const Result<void> replaced = document->replaceCluster(wizard->plannedCluster); !replaced) {
        auto *problem = new QLabel(replaced.error().message, this);
        problem->setWordWrap(true);
        m_layout->addWidget(problem);
        return;
    }
    // Only the keys trusted two steps back, also during the deploy.
    view->session()->setHostKeyPrompt(std::make_shared<TrustedKeysPrompt>(wizard->trustedKeys));
    view->session()->setCredentialPrompt(wizard->credentialPrompt());
    view->plan();
    emit completeChanged();
}

bool ReviewPage::isComplete() const
{
    const DeployView *view = owner() ? owner()->deployView() : nullptr;
    return view && view->hasPlan() && !view->isPlanStale() && !view->isPlanning();
}

} // namespace SlurmDeck::Ui
