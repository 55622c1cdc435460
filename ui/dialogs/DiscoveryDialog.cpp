// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/DiscoveryDialog.h"

#include "GuiSecretAsker.h"
#include "secrets/KeychainCredentialPrompt.h"

#include "GuiHostKeyPrompt.h"
#include "models/DiscoveredHostsModel.h"
#include "models/ModelRoles.h"
#include "widgets/KeyFileRow.h"
#include "widgets/MessageStyle.h"

#include <QButtonGroup>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

QString subnetsText(const QList<Subnet> &subnets)
{
    QStringList texts;
    for (const Subnet &subnet : subnets)
        texts.append(subnet.toString());
    return texts.join(QStringLiteral(", "));
}

} // namespace

DiscoveryDialog::DiscoveryDialog(QWidget *parent)
    : QDialog(parent)
    , m_hostKeyPrompt(std::make_shared<GuiHostKeyPrompt>(this))
    , m_scanMode(new QRadioButton(tr("&Scan subnet:"), this))
    , m_hostsMode(new QRadioButton(tr("&These hosts:"), this))
    , m_subnets(new QLineEdit(this))
    , m_hosts(new QPlainTextEdit(this))
    , m_user(new QLineEdit(this))
    , m_identity(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_formProblem(new QLabel(this))
    , m_scanProgress(new QProgressBar(this))
    , m_fingerprintProgress(new QProgressBar(this))
    , m_model(new DiscoveredHostsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_add(new QPushButton(tr("&Add selected to cluster"), this))
{
    setObjectName(QStringLiteral("discoveryDialog"));
    setWindowTitle(tr("Discover machines"));
    setModal(false);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_table->setObjectName(QStringLiteral("discoveredHosts"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // arrival order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DiscoveredHostsModel::MessageColumn,
                                                      QHeaderView::Stretch);

    m_details->setObjectName(QStringLiteral("discoveryDetails"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a host to see what happened."));
    m_details->setMaximumHeight(90);

    for (QProgressBar *bar : {m_scanProgress, m_fingerprintProgress}) {
        bar->setRange(0, 1);
        bar->setValue(0);
    }
    m_scanProgress->setObjectName(QStringLiteral("scanProgress"));
    m_scanProgress->setFormat(tr("Scanned %v of %m"));
    m_fingerprintProgress->setObjectName(QStringLiteral("fingerprintProgress"));
    m_fingerprintProgress->setFormat(tr("Fingerprinted %v of %m"));
    auto *progress = new QFormLayout;
    progress->addRow(tr("Scan:"), m_scanProgress);
    progress->addRow(tr("Fingerprint:"), m_fingerprintProgress);

    m_start->setObjectName(QStringLiteral("startDiscovery"));
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_start->setToolTip(tr("Start (%1)").arg(m_start->shortcut().toString(QKeySequence::NativeText)));
    m_start->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelDiscovery"));
    m_cancel->setAutoDefault(false);
    m_add->setObjectName(QStringLiteral("addSelected"));
    m_add->setAutoDefault(false);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->setObjectName(QStringLiteral("closeButtons"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createForm());
    layout->addLayout(progress);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);

    connect(m_start, &QPushButton::clicked, this, &DiscoveryDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &DiscoveryDialog::cancel);
    connect(m_add, &QPushButton::clicked, this, &DiscoveryDialog::addSelected);
    connect(close, &QDialogButtonBox::rejected, this, &DiscoveryDialog::reject);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showDetails();
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        showDetails();
        updateButtons();
    });

    m_subnets->setText(subnetsText(localSubnets()));
    m_scanMode->setChecked(true);
    validateForm();
    updateButtons();
    resize(1100, 640);
}

void DiscoveryDialog::shareHostKeyQuestions(const GuiHostKeyPrompt &windowPrompt)
{
    m_hostKeyPrompt = GuiHostKeyPrompt::sharing(windowPrompt, this);
}

DiscoveryDialog::~DiscoveryDialog()
{
    m_hostKeyPrompt->rejectAll();
    if (m_discovery)
        m_discovery->cancel();
}

QWidget *DiscoveryDialog::createForm()
{
    auto *box = new QGroupBox(tr("What to discover"), this);
    auto *modes = new QButtonGroup(box);
    modes->addButton(m_scanMode);
    modes->addButton(m_hostsMode);
    m_scanMode->setObjectName(QStringLiteral("scanMode"));
    m_hostsMode->setObjectName(QStringLiteral("hostsMode"));

    m_subnets->setObjectName(QStringLiteral("subnets"));
    m_subnets->setPlaceholderText(tr("e.g. 192.168.1.0/24, several separated by commas"));
    m_hosts->setObjectName(QStringLiteral("hostList"));
    m_hosts->setPlaceholderText(tr("Addresses or ~/.ssh/config aliases, one a line or separated by commas"));
    m_hosts->setMaximumHeight(70);
    m_user->setObjectName(QStringLiteral("loginUser"));
    m_user->setPlaceholderText(tr("from ~/.ssh/config, else your user name"));
    m_identity->setObjectName(QStringLiteral("loginIdentity"));
    m_identity->setPlaceholderText(tr("from ~/.ssh/config, else ssh's default keys"));
    m_port->setObjectName(QStringLiteral("loginPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_formProblem->setObjectName(QStringLiteral("formProblem"));
    m_formProblem->setWordWrap(true);
    m_formProblem->setStyleSheet(MessageStyle::problem());

    QHBoxLayout *identityRow = keyFileRow(this, m_identity);

    auto *form = new QFormLayout(box);
    form->addRow(m_scanMode, m_subnets);
    form->addRow(m_hostsMode, m_hosts);
    form->addRow(tr("&User:"), m_user);
    auto *identityLabel = new QLabel(tr("&Identity file:"), this);
    identityLabel->setBuddy(m_identity);
    form->addRow(identityLabel, identityRow);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(m_formProblem);

    connect(m_scanMode, &QRadioButton::toggled, this, &DiscoveryDialog::validateForm);
    connect(m_subnets, &QLineEdit::textChanged, this, [this] {
        m_scanMode->setChecked(true);
        validateForm();
    });
    connect(m_hosts, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_hosts->toPlainText().trimmed().isEmpty())
            m_hostsMode->setChecked(true);
        validateForm();
    });
    return box;
}

void DiscoveryDialog::setRequestTemplate(const DiscoveryRequest &request)
{
    m_template = request;
    m_user->setText(request.login.user);
    m_identity->setText(request.login.identityFile);
    m_port->setValue(request.login.port);
    if (!request.hosts.isEmpty())
        setHosts(request.hosts);
    else if (!request.subnets.isEmpty())
        m_subnets->setText(subnetsText(request.subnets));
}

void DiscoveryDialog::setHosts(const QStringList &hosts)
{
    m_hosts->setPlainText(hosts.join(u'\n'));
    m_hostsMode->setChecked(true);
}

Result<DiscoveryRequest> DiscoveryDialog::request() const
{
    DiscoveryRequest request = m_template;
    if (Result<void> set =
            setDiscoveryTargets(request, m_scanMode->isChecked(), m_subnets->text(), m_hosts->toPlainText());
        !set)
        return set.error();
    request.login.user = m_user->text().trimmed();
    request.login.identityFile = m_identity->text().trimmed();
    request.login.port = m_port->value();
    return request;
}

bool DiscoveryDialog::isRunning() const
{
    return m_discovery && m_discovery->isRunning();
}

void DiscoveryDialog::validateForm()
{
    const Result<DiscoveryRequest> made = request();
    m_formProblem->setText(made ? QString() : made.error().message);
    m_formProblem->setVisible(!made);
    updateButtons();
}

void DiscoveryDialog::updateButtons()
{
    const bool running = isRunning();
    m_start->setEnabled(!running && m_formProblem->text().isEmpty());
    m_cancel->setEnabled(running);
    m_add->setEnabled(!selectedOkHosts().isEmpty());
}

void DiscoveryDialog::start()
{
    const Result<DiscoveryRequest> made = request();
    if (!made || isRunning())
        return;
    if (m_discovery) {
        // A fresh Discovery per run: late results of the old one must not mix in.
        m_discovery->disconnect(this);
        m_discovery->deleteLater();
    }
    m_model->clear();
    m_details->clear();
    m_runningLogin = made->login;
    // Passphrases and passwords: from the OS keychain, else asked in a dialog.
    auto credentials = std::make_shared<KeychainCredentialPrompt>(QStringLiteral("slurmdeck"),
                                                                  std::make_shared<GuiSecretAsker>(this));
    m_discovery = new Discovery(m_hostKeyPrompt, credentials, this);
    connect(m_discovery, &Discovery::probeProgress, this, [this](int done, int total) {
        m_scanProgress->setRange(0, std::max(total, 1));
        m_scanProgress->setValue(done);
    });
    connect(m_discovery, &Discovery::fingerprintProgress, this, [this](int done, int total) {
        m_fingerprintProgress->setRange(0, std::max(total, 1));
        m_fingerprintProgress->setValue(done);
    });
    connect(m_discovery, &Discovery::hostDiscovered, m_model, &DiscoveredHostsModel::upsert);
    connect(m_discovery, &Discovery::finished, this, &DiscoveryDialog::onFinished);

    const bool scanning = !made->subnets.isEmpty();
    m_scanProgress->setEnabled(scanning);
    m_scanProgress->setRange(0, 1);
    m_scanProgress->setValue(scanning ? 0 : 1);
    m_fingerprintProgress->setRange(0, 1);
    m_fingerprintProgress->setValue(0);
    m_discovery->start(*made);
    updateButtons();
}

void DiscoveryDialog::cancel()
{
    if (!isRunning())
        return;
    m_hostKeyPrompt->rejectAll();
    m_discovery->cancel();
    updateButtons();
}

void DiscoveryDialog::onFinished()
{
    updateButtons();
    // Results may also have arrived only in results() (e.g. cancelled ones).
    for (const DiscoveredHost &host : m_discovery->results())
        m_model->upsert(host);
    emit discoveryFinished();
}

QList<DiscoveredHost> DiscoveryDialog::selectedOkHosts() const
{
    QList<DiscoveredHost> hosts;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const DiscoveredHost &host = m_model->host(m_proxy->mapToSource(row).row());
        if (host.ok())
            hosts.append(host);
    }
    // In request order (named hosts as listed, scanned ones by address), not in the order
    // the rows were selected or arrived: the first becomes the controller by default.
    QStringList order;
    if (m_discovery) {
        for (const DiscoveredHost &result : m_discovery->results())
            order.append(result.target);
    }
    std::stable_sort(hosts.begin(), hosts.end(), [&order](const DiscoveredHost &a, const DiscoveredHost &b) {
        return order.indexOf(a.target) < order.indexOf(b.target);
    });
    return hosts;
}

void DiscoveryDialog::showDetails()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const DiscoveredHost &host = m_model->host(m_proxy->mapToSource(current).row());
    QStringList lines{tr("%1 (%2): %3").arg(host.target, host.address, statusText(host.status))};
    if (!host.message.isEmpty())
        lines.append(host.message);
    if (!host.hostKey.fingerprint.isEmpty())
        lines.append(tr("Host key: %1 %2").arg(host.hostKey.keyType, host.hostKey.fingerprint));
    if (host.fingerprint) {
        for (const QString &warning : host.fingerprint->warnings)
            lines.append(tr("Warning: %1").arg(warning));
    }
    m_details->setPlainText(lines.join(u'\n'));
}

void DiscoveryDialog::addSelected()
{
    const QList<DiscoveredHost> hosts = selectedOkHosts();
    if (!hosts.isEmpty())
        emit hostsChosen(hosts, m_runningLogin);
}

void DiscoveryDialog::closeEvent(QCloseEvent *event)
{
    cancel();
    QDialog::closeEvent(event);
}

void DiscoveryDialog::reject()
{
    cancel();
    QDialog::reject();
}

} // namespace SlurmDeck::Ui
