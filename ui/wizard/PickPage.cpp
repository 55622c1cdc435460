// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/FirstRunWizard.h"
#include "wizard/WizardPages.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

PickPage::PickPage(QWidget *parent) : QWizardPage(parent), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("pickPage"));
    setTitle(tr("Choose the hosts"));
    setSubTitle(tr("Tick the machines that become the cluster's hosts. The first one ticked runs the "
                   "controller unless a machine with a GPU comes later in the roles step."));
    m_list->setObjectName(QStringLiteral("pickList"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::itemChanged, this, &QWizardPage::completeChanged);
}

FirstRunWizard *PickPage::owner() const
{
    return qobject_cast<FirstRunWizard *>(wizard());
}

void PickPage::initializePage()
{
    // Keep the ticks of machines found again (Back, then Next).
    const QStringList wasPicked = picked();
    QStringList previous;
    for (int row = 0; row < m_list->count(); ++row)
        previous << m_list->item(row)->data(Qt::UserRole).toString();
    const bool first = previous.isEmpty();
    QSignalBlocker block(m_list);
    m_list->clear();
    for (const WizardCandidate &candidate : std::as_const(owner()->candidates)) {
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(candidate.target, candidate.note), m_list);
        item->setData(Qt::UserRole, candidate.target);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        // A list the user typed is meant as is; a scan's finds wait for a tick.
        const bool tick = first ? candidate.listed : wasPicked.contains(candidate.target);
        item->setCheckState(tick ? Qt::Checked : Qt::Unchecked);
    }
    emit completeChanged();
}

QStringList PickPage::picked() const
{
    QStringList targets;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            targets << m_list->item(row)->data(Qt::UserRole).toString();
    }
    return targets;
}

void PickPage::setPicked(const QString &target, bool isPicked)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == target)
            m_list->item(row)->setCheckState(isPicked ? Qt::Checked : Qt::Unchecked);
    }
}

bool PickPage::isComplete() const
{
    return !picked().isEmpty();
}

bool PickPage::validatePage()
{
    owner()->pickedTargets = picked();
    return !owner()->pickedTargets.isEmpty();
}

} // namespace SlurmDeck::Ui
