// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/FirstRunWizard.h"
#include "wizard/WizardPages.h"

#include "discovery/DiscoveryToCluster.h"
#include "inventory/ClusterFile.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

constexpr int firstRoleColumn = 3;

QString machineText(const Host &host)
{
    const DetectedFacts &facts = host.detected;
    QString text = platformDisplayName(host.effectivePlatform());
    if (facts.cpus)
        text += RolesPage::tr(", %n CPU(s)", nullptr, *facts.cpus);
    if (facts.hasGpu())
        text += RolesPage::tr(", %n GPU(s) %1", nullptr, *facts.gpus).arg(facts.gpuModel);
    return text;
}

} // namespace

RolesPage::RolesPage(QWidget *parent)
    : QWizardPage(parent)
    , m_name(new QLineEdit(this))
    , m_release(new QComboBox(this))
    , m_model(new QStandardItemModel(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("rolesPage"));
    setTitle(tr("Roles"));
    setSubTitle(tr("SlurmDeck logged in to each host and looked at it (nothing was changed). These are the "
                   "default roles: the first Linux host with an NVIDIA GPU, else the first Linux host, runs "
                   "the controller, accounting database and monitoring; every host computes."));
    m_name->setObjectName(QStringLiteral("clusterName"));
    m_name->setText(QStringLiteral("cluster"));
    m_release->setObjectName(QStringLiteral("slurmRelease"));
    for (const SlurmRelease &release : SlurmRelease::offered())
        m_release->addItem(release.describe(), release.version);
    m_release->setCurrentIndex(m_release->findData(SlurmRelease::defaultVersion()));
    m_release->setToolTip(tr("Every host runs this Slurm. Slurm 24.11 is newer; a cluster moves from one "
                             "release to another only along Slurm's upgrade path, so choose now."));
    m_model->setHorizontalHeaderLabels({tr("Host"), tr("Address"), tr("Machine"), tr("Controller"),
                                        tr("Database"), tr("Compute"), tr("Monitoring")});
    m_table->setObjectName(QStringLiteral("roles"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_status->setObjectName(QStringLiteral("rolesStatus"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Cluster &name:"), m_name);
    form->addRow(tr("&Slurm release:"), m_release);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    const auto changed = [this] {
        if (!m_running && !m_cluster.hosts.isEmpty())
            m_status->setText(problem());
        emit completeChanged();
    };
    connect(m_name, &QLineEdit::textChanged, this, changed);
    connect(m_model, &QStandardItemModel::itemChanged, this, changed);
}

FirstRunWizard *RolesPage::owner() const
{
    return qobject_cast<FirstRunWizard *>(wizard());
}

void RolesPage::initializePage()
{
    FirstRunWizard *wizard = owner();
    const QString key =
        wizard->pickedTargets.join(u'\n') + u'\n' + wizard->login.user + u'\n' + wizard->login.identityFile;
    if (key == m_fingerprinted && (m_running || !m_cluster.hosts.isEmpty()))
        return; // Back and Next again: keep the roles as edited
    m_fingerprinted = key;
    m_cluster = {};
    m_model->removeRows(0, m_model->rowCount());
    m_running = true;
    m_status->setText(tr("Logging in to %n host(s) to see what they are…", nullptr,
                         static_cast<int>(wizard->pickedTargets.size())));
    emit completeChanged();

    DiscoveryRequest request;
    request.hosts = wizard->pickedTargets;
    request.login = wizard->sshDefaults();
    if (!wizard->login.user.isEmpty())
        request.login.user = wizard->login.user;
    if (!wizard->login.identityFile.isEmpty())
        request.login.identityFile = wizard->login.identityFile;
    wizard->backend().fingerprint(request, wizard->trustedKeys, wizard->credentialPrompt(), this,
                                  [this, key](const QList<DiscoveredHost> &hosts) {
                                      if (key != m_fingerprinted)
                                          return; // an older request
                                      fingerprinted(hosts);
                                  });
}

void RolesPage::fingerprinted(const QList<DiscoveredHost> &hosts)
{
    m_running = false;
    QList<DiscoveredHost> ok;
    QStringList problems;
    for (const DiscoveredHost &host : hosts) {
        if (host.ok())
            ok << host;
        else
            problems << tr("%1: %2").arg(host.target, host.message);
    }
    if (!problems.isEmpty()) {
        m_status->setText(tr("Could not look at every host. Go Back to fix the login or untick them:\n%1")
                              .arg(problems.join(u'\n')));
        emit completeChanged();
        return;
    }
    m_cluster = clusterFromDiscovery(m_name->text().trimmed(), ok, owner()->login);
    showHosts();
    m_status->setText(problem());
    emit completeChanged();
}

void RolesPage::showHosts()
{
    // Not blocked: the view has to see the rows arrive (itemChanged only re-checks the roles).
    m_model->removeRows(0, m_model->rowCount());
    const QList<HostRole> roles = allHostRoles();
    for (const Host &host : std::as_const(m_cluster.hosts)) {
        QList<QStandardItem *> row{new QStandardItem(host.name), new QStandardItem(host.address),
                                   new QStandardItem(machineText(host))};
        for (HostRole role : roles) {
            auto *item = new QStandardItem;
            item->setCheckable(true);
            item->setCheckState(host.hasRole(role) ? Qt::Checked : Qt::Unchecked);
            row << item;
        }
        for (QStandardItem *item : std::as_const(row))
            item->setEditable(false);
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
}

Cluster RolesPage::cluster() const
{
    Cluster cluster = m_cluster;
    cluster.name = m_name->text().trimmed();
    cluster.settings.slurmRelease = m_release->currentData().toString();
    const QList<HostRole> roles = allHostRoles();
    QStringList compute;
    for (int row = 0; row < cluster.hosts.size() && row < m_model->rowCount(); ++row) {
        Host &host = cluster.hosts[row];
        host.roles = {};
        for (int index = 0; index < roles.size(); ++index) {
            if (m_model->item(row, firstRoleColumn + index)->checkState() == Qt::Checked)
                host.roles |= roles.at(index);
        }
        if (host.hasRole(HostRole::Compute))
            compute << host.name;
    }
    // The default partitions name only hosts that still compute.
    for (Partition &partition : cluster.partitions) {
        if (!partition.includesAllNodes())
            partition.nodes.removeIf([&compute](const QString &name) { return !compute.contains(name); });
    }
    cluster.partitions.removeIf([](const Partition &partition) { return partition.nodes.isEmpty(); });
    return cluster;
}

QString RolesPage::problem() const
{
    if (m_cluster.hosts.isEmpty())
        return tr("No host to give roles to yet.");
    const Cluster made = cluster();
    if (made.name.isEmpty())
        return tr("Give the cluster a name.");
    const auto count = [&made](HostRole role) { return made.hostsWithRole(role).size(); };
    if (count(HostRole::Controller) != 1)
        return tr("Tick Controller for exactly one host: it runs slurmctld.");
    if (count(HostRole::Compute) == 0)
        return tr("Tick Compute for at least one host: without one, no job can run.");
    if (count(HostRole::Database) > 1)
        return tr("Tick Database for at most one host.");
    if (count(HostRole::Monitoring) > 1)
        return tr("Tick Monitoring for at most one host.");
    const QList<Diagnostic> diagnostics =
        ClusterFile::validate(QString::fromUtf8(ClusterFile::toYaml(made)), tr("the new cluster"));
    if (!diagnostics.isEmpty())
        return diagnostics.first().message;
    return {};
}

bool RolesPage::isComplete() const
{
    return !m_running && problem().isEmpty();
}

bool RolesPage::validatePage()
{
    if (!isComplete())
        return false;
    owner()->plannedCluster = cluster();
    return true;
}

} // namespace SlurmDeck::Ui
