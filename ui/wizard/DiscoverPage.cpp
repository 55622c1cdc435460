// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/FirstRunWizard.h"
#include "wizard/WizardPages.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>

namespace SlurmDeck::Ui {

DiscoverPage::DiscoverPage(QWidget *parent)
    : QWizardPage(parent)
    , m_scanMode(new QRadioButton(tr("&Scan subnet:"), this))
    , m_hostsMode(new QRadioButton(tr("&These hosts:"), this))
    , m_subnets(new QLineEdit(this))
    , m_hosts(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("discoverPage"));
    setTitle(tr("Find your machines"));
    setSubTitle(tr("Scan a subnet for SSH servers, or name the machines. Nothing is sent to them but a "
                   "connection attempt."));
    m_scanMode->setObjectName(QStringLiteral("scanMode"));
    m_hostsMode->setObjectName(QStringLiteral("hostsMode"));
    m_subnets->setObjectName(QStringLiteral("subnets"));
    m_subnets->setPlaceholderText(tr("e.g. 192.168.1.0/24, several separated by commas"));
    m_hosts->setObjectName(QStringLiteral("hostList"));
    m_hosts->setPlaceholderText(tr("Addresses or ~/.ssh/config aliases, one a line or separated by commas"));
    m_status->setObjectName(QStringLiteral("discoverStatus"));
    m_status->setWordWrap(true);

    auto *find = new QPushButton(tr("&Find machines"), this);
    find->setObjectName(QStringLiteral("findMachines"));
    connect(find, &QPushButton::clicked, this, &DiscoverPage::find);

    auto *form = new QFormLayout(this);
    form->addRow(m_scanMode, m_subnets);
    form->addRow(m_hostsMode, m_hosts);
    form->addRow(find);
    form->addRow(m_status);

    connect(m_subnets, &QLineEdit::textChanged, this, [this] {
        m_scanMode->setChecked(true);
        inputChanged();
    });
    connect(m_hosts, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_hosts->toPlainText().trimmed().isEmpty())
            m_hostsMode->setChecked(true);
        inputChanged();
    });
    connect(m_scanMode, &QRadioButton::toggled, this, &DiscoverPage::inputChanged);
    m_scanMode->setChecked(true);
}

FirstRunWizard *DiscoverPage::owner() const
{
    return qobject_cast<FirstRunWizard *>(wizard());
}

void DiscoverPage::initializePage()
{
    if (m_subnets->text().isEmpty() && m_hosts->toPlainText().isEmpty()) {
        QStringList local;
        for (const Subnet &subnet : localSubnets())
            local << subnet.toString();
        m_subnets->setText(local.join(QStringLiteral(", ")));
    }
    inputChanged();
}

Result<DiscoveryRequest> DiscoverPage::request() const
{
    DiscoveryRequest request;
    if (Result<void> set =
            setDiscoveryTargets(request, m_scanMode->isChecked(), m_subnets->text(), m_hosts->toPlainText());
        !set)
        return set.error();
    return request;
}

void DiscoverPage::inputChanged()
{
    const Result<DiscoveryRequest> made = request();
    const QString input = m_scanMode->isChecked() ? m_subnets->text() : m_hosts->toPlainText();
    if (m_found && input != m_foundFor)
        m_found = false;
    if (!m_running) {
        if (!made)
            m_status->setText(made.error().message);
        else if (!m_found)
            m_status->setText(tr("Press Find machines."));
    }
    emit completeChanged();
}

void DiscoverPage::find()
{
    const Result<DiscoveryRequest> made = request();
    if (!made || m_running)
        return;
    m_running = true;
    m_found = false;
    const QString input = m_scanMode->isChecked() ? m_subnets->text() : m_hosts->toPlainText();
    m_status->setText(tr("Looking for SSH servers…"));
    emit completeChanged();
    owner()->backend().discover(*made, this, [this, input](const QList<WizardCandidate> &found) {
        m_running = false;
        owner()->candidates = found;
        m_found = !found.isEmpty();
        m_foundFor = input;
        m_status->setText(found.isEmpty()
                              ? tr("No SSH server answered. Check the subnet or the names, then Find again.")
                              : tr("Found %n machine(s). Press Next to choose among them.", nullptr,
                                   static_cast<int>(found.size())));
        emit completeChanged();
    });
}

bool DiscoverPage::isComplete() const
{
    return m_found && !m_running;
}

} // namespace SlurmDeck::Ui
