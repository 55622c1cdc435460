// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/FirstRunWizard.h"
#include "wizard/WizardPages.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

QString stateText(WizardHostKey::State state)
{
    switch (state) {
    case WizardHostKey::State::New:
        return HostKeysPage::tr("new: compare before trusting");
    case WizardHostKey::State::Known:
        return HostKeysPage::tr("already trusted");
    case WizardHostKey::State::Changed:
        return HostKeysPage::tr("CHANGED: refused");
    case WizardHostKey::State::Failed:
        break;
    }
    return HostKeysPage::tr("no key read");
}

} // namespace

HostKeysPage::HostKeysPage(QWidget *parent)
    : QWizardPage(parent)
    , m_table(new QTableWidget(0, 4, this))
    , m_trust(new QCheckBox(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("hostKeysPage"));
    setTitle(tr("Trust the host keys"));
    setSubTitle(tr("Each machine proves who it is with its SSH host key. Compare each SHA256 fingerprint "
                   "with the one the machine itself prints (the command is in the tooltip) before you "
                   "trust it. No credential is sent before that."));
    m_table->setObjectName(QStringLiteral("hostKeys"));
    m_table->setHorizontalHeaderLabels({tr("Host"), tr("Key type"), tr("SHA256 fingerprint"), tr("State")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_trust->setObjectName(QStringLiteral("trustHostKeys"));
    m_trust->setText(tr("I compared the new fingerprints above and &trust these machines"));
    m_status->setObjectName(QStringLiteral("hostKeysStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_trust);
    connect(m_trust, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
}

FirstRunWizard *HostKeysPage::owner() const
{
    return qobject_cast<FirstRunWizard *>(wizard());
}

void HostKeysPage::initializePage()
{
    const QStringList targets = owner()->pickedTargets;
    if (targets == m_readFor && !m_keys.isEmpty())
        return; // Back and Next again: the same keys and the same answer
    m_readFor = targets;
    m_keys.clear();
    m_trust->setChecked(false);
    m_table->setRowCount(0);
    m_reading = true;
    m_status->setText(
        tr("Reading the host keys of %n machine(s)…", nullptr, static_cast<int>(targets.size())));
    emit completeChanged();
    owner()->backend().readHostKeys(targets, owner()->sshDefaults(), this,
                                    [this, targets](const QList<WizardHostKey> &keys) {
                                        if (targets != m_readFor)
                                            return; // an older request
                                        m_reading = false;
                                        showKeys(keys);
                                    });
}

void HostKeysPage::showKeys(const QList<WizardHostKey> &keys)
{
    m_keys = keys;
    m_table->setRowCount(static_cast<int>(keys.size()));
    QStringList problems;
    int fresh = 0;
    QString freshCommand;
    for (int row = 0; row < keys.size(); ++row) {
        const WizardHostKey &key = keys.at(row);
        const QStringList cells{key.target, key.key.keyType, key.key.fingerprint, stateText(key.state)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(key.message.isEmpty()
                                 ? tr("On %1 run: %2").arg(key.target, key.key.verifyCommand())
                                 : key.message);
            m_table->setItem(row, column, item);
        }
        if (key.state == WizardHostKey::State::New && fresh++ == 0)
            freshCommand = key.key.verifyCommand();
        if (key.state == WizardHostKey::State::Failed || key.state == WizardHostKey::State::Changed)
            problems << tr("%1: %2").arg(key.target, key.message);
    }
    m_trust->setEnabled(fresh > 0);
    if (!problems.isEmpty())
        m_status->setText(tr("Go Back and untick these machines, or fix them and come back:\n%1")
                              .arg(problems.join(u'\n')));
    else if (fresh == 0)
        m_status->setText(tr("Every key is already trusted."));
    else
        m_status->setText(
            tr("%n new key(s) to compare. On each machine, %1 prints its fingerprint.", nullptr, fresh)
                .arg(freshCommand));
    emit completeChanged();
}

void HostKeysPage::setTrusted(bool trusted)
{
    m_trust->setChecked(trusted);
}

bool HostKeysPage::isComplete() const
{
    if (m_reading || m_keys.isEmpty())
        return false;
    bool fresh = false;
    for (const WizardHostKey &key : m_keys) {
        if (key.state == WizardHostKey::State::Failed || key.state == WizardHostKey::State::Changed)
            return false;
        fresh = fresh || key.state == WizardHostKey::State::New;
    }
    return !fresh || m_trust->isChecked();
}

bool HostKeysPage::validatePage()
{
    if (!isComplete())
        return false;
    owner()->trustedKeys.clear();
    for (const WizardHostKey &key : std::as_const(m_keys))
        owner()->trustedKeys.insert(key.key.hostPort(), key.key.fingerprint);
    return true;
}

} // namespace SlurmDeck::Ui
