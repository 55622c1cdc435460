// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/FirstRunWizard.h"
#include "wizard/WizardPages.h"

#include "deploy/DeployRunner.h"
#include "inventory/ClusterDocument.h"
#include "views/DeployView.h"

#include <QAction>
#include <QLabel>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

DeployPage::DeployPage(QWidget *parent)
    : QWizardPage(parent), m_layout(new QVBoxLayout(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("deployPage"));
    setTitle(tr("Deploy"));
    setSubTitle(tr("SlurmDeck puts the cluster on the hosts and checks it. Finish saves the cluster file and "
                   "opens SlurmDeck on it."));
    m_status->setObjectName(QStringLiteral("deployPageStatus"));
    m_status->setWordWrap(true);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_status);
}

FirstRunWizard *DeployPage::owner() const
{
    return qobject_cast<FirstRunWizard *>(wizard());
}

void DeployPage::initializePage()
{
    DeployView *view = owner()->deployView();
    m_layout->insertWidget(0, view, 1); // from the review page: the same plan, now running
    view->show();
    // Deploy again from here after fixing what the checks said.
    if (auto *deploy = view->findChild<QAction *>(QStringLiteral("startDeployAction")))
        deploy->setVisible(true);
    connect(view, &DeployView::deployFinished, this, [this](const DeployReport &report) {
        m_finished = true;
        m_status->setText(report.ok()
                              ? tr("The cluster is up. Finish saves %1 and opens SlurmDeck on it.")
                                    .arg(owner()->clusterPath())
                              : tr("The deploy did not finish cleanly: fix what the log and checks say and "
                                   "press Deploy above again, or Finish to save the cluster file and go on "
                                   "in SlurmDeck's Hosts and Deploy views."));
        emit completeChanged();
    });
    owner()->markDeployStarted();
    view->deploy();
}

bool DeployPage::isComplete() const
{
    const DeployView *view = owner() ? owner()->deployView() : nullptr;
    return m_finished && view && !view->isDeploying();
}

bool DeployPage::validatePage()
{
    if (!isComplete())
        return false;
    if (const Result<void> saved = owner()->document()->save(); !saved) {
        m_status->setText(tr("Could not save the cluster file: %1").arg(saved.error().toString()));
        return false;
    }
    return true;
}

} // namespace SlurmDeck::Ui
