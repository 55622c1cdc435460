// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/HostEditDialog.h"

#include "widgets/KeyFileRow.h"
#include "widgets/MessageStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

HostEditDialog::HostEditDialog(const Host &host, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , m_original(host)
    , m_takenNames(takenNames)
    , m_name(new QLineEdit(host.name, this))
    , m_address(new QLineEdit(host.address, this))
    , m_user(new QLineEdit(host.user, this))
    , m_port(new QSpinBox(this))
    , m_identity(new QLineEdit(host.identity, this))
    , m_platform(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("hostEditDialog"));
    setWindowTitle(tr("Edit host %1").arg(host.name));

    m_name->setObjectName(QStringLiteral("hostName"));
    m_address->setObjectName(QStringLiteral("hostAddress"));
    m_user->setObjectName(QStringLiteral("hostUser"));
    m_user->setPlaceholderText(tr("from ~/.ssh/config, else your user name"));
    m_port->setObjectName(QStringLiteral("hostPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(host.port);
    m_identity->setObjectName(QStringLiteral("hostIdentity"));
    m_identity->setPlaceholderText(tr("from ~/.ssh/config, else ssh's default keys"));
    QHBoxLayout *identityRow = keyFileRow(this, m_identity);

    m_platform->setObjectName(QStringLiteral("hostPlatform"));
    const QString detected = host.detected.platform == Platform::Unknown
                                 ? tr("not detected")
                                 : platformDisplayName(host.detected.platform);
    m_platform->addItem(tr("Detected: %1").arg(detected),
                        QVariant::fromValue(static_cast<int>(Platform::Unknown)));
    for (Platform platform : {Platform::Linux, Platform::MacOS, Platform::Qnap})
        m_platform->addItem(platformDisplayName(platform), static_cast<int>(platform));
    m_platform->setCurrentIndex(m_platform->findData(static_cast<int>(host.platformOverride)));

    auto *roles = new QHBoxLayout;
    for (HostRole role : allHostRoles()) {
        auto *box = new QCheckBox(hostRoleId(role), this);
        box->setObjectName(QStringLiteral("role_") + hostRoleId(role));
        box->setChecked(host.hasRole(role));
        roles->addWidget(box);
        m_roleBoxes.insert(static_cast<int>(role), box);
    }
    roles->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Port:"), m_port);
    auto *identityLabel = new QLabel(tr("&Identity file:"), this);
    identityLabel->setBuddy(m_identity);
    form->addRow(identityLabel, identityRow);
    form->addRow(tr("P&latform:"), m_platform);
    form->addRow(tr("Roles:"), roles);

    m_problem->setObjectName(QStringLiteral("hostProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(MessageStyle::problem());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &HostEditDialog::validate);
    connect(m_address, &QLineEdit::textChanged, this, &HostEditDialog::validate);
    validate();
}

Host HostEditDialog::host() const
{
    Host host = m_original;
    host.name = m_name->text().trimmed();
    host.address = m_address->text().trimmed();
    host.user = m_user->text().trimmed();
    host.port = m_port->value();
    host.identity = m_identity->text().trimmed();
    host.platformOverride = static_cast<Platform>(m_platform->currentData().toInt());
    HostRoles roles;
    for (HostRole role : allHostRoles()) {
        if (m_roleBoxes.value(static_cast<int>(role))->isChecked())
            roles |= role;
    }
    host.roles = roles;
    return host;
}

QString HostEditDialog::problem() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Give the host a name.");
    if (!Host::isValidName(name))
        return tr("The name becomes the Slurm node name: use letters, digits and '-' only.");
    if (m_takenNames.contains(name, Qt::CaseInsensitive))
        return tr("Another host is already called \"%1\".").arg(name);
    if (m_address->text().trimmed().isEmpty())
        return tr("Give an address: an IP, a DNS name or a ~/.ssh/config alias.");
    return {};
}

void HostEditDialog::validate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace SlurmDeck::Ui
