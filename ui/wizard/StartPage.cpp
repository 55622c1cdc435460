// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/FirstRunWizard.h"
#include "wizard/WizardPages.h"

#include "sandbox/SandboxSetup.h"
#include "widgets/MessageStyle.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

StartPage::StartPage(QWidget *parent)
    : QWizardPage(parent)
    , m_machines(new QRadioButton(tr("&Use my machines"), this))
    , m_sandbox(new QRadioButton(tr("&Try a sandbox"), this))
    , m_sandboxUnavailable(new QLabel(this))
{
    setObjectName(QStringLiteral("startPage"));
    setTitle(tr("Welcome to SlurmDeck"));
    setSubTitle(tr("SlurmDeck turns a few machines into a working Slurm cluster. How do you want to start?"));
    m_machines->setObjectName(QStringLiteral("useMachines"));
    m_sandbox->setObjectName(QStringLiteral("trySandbox"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_machines);
    group->addButton(m_sandbox);
    m_machines->setChecked(true);

    const auto explain = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        label->setWordWrap(true);
        label->setContentsMargins(24, 0, 0, 12);
        return label;
    };
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_machines);
    layout->addWidget(explain(tr("Find the machines on your network you can log in to with SSH, choose "
                                 "their roles, review every file SlurmDeck will write, then deploy.")));
    layout->addWidget(m_sandbox);
    layout->addWidget(explain(tr("Emulate a primary host and three workers on this machine (Linux, root) "
                                 "and deploy Slurm onto them, to try SlurmDeck without other machines.")));
    m_sandboxUnavailable->setObjectName(QStringLiteral("sandboxUnavailable"));
    m_sandboxUnavailable->setWordWrap(true);
    m_sandboxUnavailable->setContentsMargins(24, 0, 0, 12);
    m_sandboxUnavailable->setStyleSheet(MessageStyle::problem());
    m_sandboxUnavailable->hide();
    layout->addWidget(m_sandboxUnavailable);
    layout->addStretch(1);
    // The sandbox choice ends the wizard here: Next becomes Finish.
    connect(m_sandbox, &QRadioButton::toggled, this, [this](bool sandbox) {
        setFinalPage(sandbox);
        emit completeChanged();
    });
    if (const Result<void> can = Sandbox::checkCanRun(); !can)
        setSandboxUnavailable(can.error().message);
}

void StartPage::setSandboxUnavailable(const QString &why)
{
    m_machines->setChecked(true);
    m_sandbox->setEnabled(false);
    m_sandboxUnavailable->setText(why);
    m_sandboxUnavailable->show();
}

bool StartPage::sandboxChosen() const
{
    return m_sandbox->isChecked();
}

int StartPage::nextId() const
{
    return sandboxChosen() ? -1 : FirstRunWizard::DiscoverPageId;
}

} // namespace SlurmDeck::Ui
