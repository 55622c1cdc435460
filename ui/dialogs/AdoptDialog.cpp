// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/AdoptDialog.h"

#include "Confirmation.h"
#include "discovery/DiscoveredHost.h"
#include "session/ClusterAdoptionRun.h"
#include "session/ClusterSession.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace SlurmDeck::Ui {

AdoptFormDialog::AdoptFormDialog(QWidget *parent)
    : QDialog(parent)
    , m_host(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_name(new QLineEdit(this))
{
    setWindowTitle(tr("Adopt a cluster"));
    m_host->setObjectName(QStringLiteral("adoptHost"));
    m_host->setPlaceholderText(tr("the host running slurmctld: name, address or ~/.ssh/config alias"));
    m_user->setObjectName(QStringLiteral("adoptUser"));
    m_user->setPlaceholderText(tr("from ~/.ssh/config, else yours"));
    m_port->setObjectName(QStringLiteral("adoptPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("from ~/.ssh/config, else 22"));
    m_name->setObjectName(QStringLiteral("adoptName"));
    m_name->setPlaceholderText(tr("only when the host runs several clusters"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Connect"));
    ok->setEnabled(false);
    connect(m_host, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Controller &host:"), m_host);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Cluster:"), m_name);
    form->addRow(buttons);
    resize(520, sizeHint().height());
}

SshTarget AdoptFormDialog::target(const SshTarget &defaults) const
{
    SshTarget target = defaults;
    const UserAtHost typed = splitUserAtHost(m_host->text().trimmed());
    target.host = typed.host;
    target.user = m_user->text().trimmed().isEmpty() ? typed.user : m_user->text().trimmed();
    if (m_port->value() > 0)
        target.port = m_port->value();
    return target;
}

QString AdoptFormDialog::clusterName() const
{
    return m_name->text().trimmed();
}

AdoptDialog::AdoptDialog(Connection connection, QWidget *parent)
    : OperationDialog(tr("Adopt a cluster"), tr("Connecting…"), parent), m_connection(std::move(connection))
{}

AdoptDialog::~AdoptDialog() = default;

void AdoptDialog::start(const SshTarget &controller, const QString &clusterName, const QString &clusterFile)
{
    setStatus(tr("Reading the cluster's description from %1…").arg(controller.displayName()));
    if (!m_connection.session)
        return finish(false, tr("SlurmDeck is closing."));
    const ClusterSession &session = *m_connection.session;
    m_run = new ClusterAdoptionRun(controller, session.sshDefaults(), session.hostKeys(),
                                   session.credentials(), this);
    connect(m_run, &ClusterAdoptionRun::described, this,
            [this, controller, clusterFile](const Result<ClusterAdoption::Described> &found) {
                if (!found) {
                    finish(false, tr("Cannot adopt a cluster from %1: %2")
                                      .arg(controller.displayName(), found.error().toString()));
                    return;
                }
                ask(clusterFile.isEmpty() ? ClusterAdoptionRun::defaultPath(found->cluster.name)
                                          : clusterFile);
            });
    connect(m_run, &ClusterAdoptionRun::adopted, this, [this](const Result<QString> &path) {
        if (!path)
            return finish(false, path.error().toString());
        m_clusterFile = *path;
        finish(true, tr("Adopted %1: its secrets are in this machine's keychain, its file is %2.")
                         .arg(m_run->description().cluster.name, *path));
    });
    m_run->describe(clusterName, QString());
}

void AdoptDialog::ask(const QString &clusterFile)
{
    const ClusterAdoption::Described &described = m_run->description();
    const Cluster &cluster = described.cluster;
    append(QString(), tr("Cluster %1 on %2 (%3):").arg(cluster.name, described.host, described.directory));
    for (const Host &host : cluster.hosts)
        append(QString(),
               QStringLiteral("  %1 (%2): %3")
                   .arg(host.name, host.address, hostRoleIds(host.roles).join(QStringLiteral(", "))));
    const bool replace = QFileInfo::exists(clusterFile);
    setStatus(tr("Found cluster %1 with %n host(s).", nullptr, static_cast<int>(cluster.hosts.size()))
                  .arg(cluster.name));
    QString text =
        tr("Copy the munge key and database password of %1 into this machine's keychain, and write "
           "%2?")
            .arg(cluster.name, clusterFile);
    if (replace)
        text += u' ' + tr("%1 exists already: it is replaced, and so are the keychain's secrets of a cluster "
                          "named %2.")
                           .arg(clusterFile, cluster.name);
    m_connection.confirmation->ask(this, {tr("Adopt %1").arg(cluster.name), text, tr("&Adopt")},
                                   [this, clusterFile, replace](bool yes) {
                                       if (!yes)
                                           return finish(false, tr("Nothing was copied."));
                                       setStatus(tr("Copying the secrets…"));
                                       m_run->adopt(clusterFile, replace);
                                   });
}

} // namespace SlurmDeck::Ui
