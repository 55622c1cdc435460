// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/DataAndUsersDialog.h"

#include "inventory/ClusterRules.h"
#include "widgets/MessageStyle.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

QString text(const QStandardItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString().trimmed();
}

// "worker1=/Volumes/data, nas1=/share/data" <-> host -> path.
QString sourcesText(const QMap<QString, QString> &sources)
{
    QStringList pairs;
    for (auto it = sources.cbegin(); it != sources.cend(); ++it)
        pairs << it.key() + u'=' + it.value();
    return pairs.join(QStringLiteral(", "));
}

QMap<QString, QString> parseSources(const QString &text, QString *problem)
{
    QMap<QString, QString> sources;
    for (const QString &pair : text.split(u',', Qt::SkipEmptyParts)) {
        const QString host = pair.section(u'=', 0, 0).trimmed();
        const QString path = pair.section(u'=', 1).trimmed();
        if (host.isEmpty() || path.isEmpty() || !pair.contains(u'=')) {
            *problem =
                QObject::tr("Write the hosts that have it elsewhere as host=/path, separated by commas, "
                            "not '%1'.")
                    .arg(pair.trimmed());
            return {};
        }
        sources.insert(host, path);
    }
    return sources;
}

} // namespace

DataAndUsersDialog::DataAndUsersDialog(const Cluster &cluster, QWidget *parent)
    : QDialog(parent)
    , m_cluster(cluster)
    , m_shared(new QStandardItemModel(0, 3, this))
    , m_users(new QStandardItemModel(0, 3, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("dataAndUsersDialog"));
    setWindowTitle(tr("Shared data and users"));
    for (const SharedDirectory &shared : cluster.shared) {
        m_shared->appendRow({new QStandardItem(shared.mount), new QStandardItem(shared.source),
                             new QStandardItem(sourcesText(shared.sources))});
    }
    for (const ClusterUser &user : cluster.users) {
        m_users->appendRow({new QStandardItem(user.name), new QStandardItem(QString::number(user.uid)),
                            new QStandardItem(QString::number(user.gid))});
    }

    auto *layout = new QVBoxLayout(this);
    auto *sharedIntro = new QLabel(
        tr("Shared directories: a path that is one filesystem on every host (an NFS or SMB mount of a NAS "
           "share), seen by the jobs at the mount point on every node. Jobs start in the first."),
        this);
    sharedIntro->setWordWrap(true);
    layout->addWidget(sharedIntro);
    layout->addWidget(
        addTable(m_shared, QStringLiteral("sharedTable"),
                 {tr("Mount in the jobs"), tr("Path on the hosts"), tr("Elsewhere on (host=/path, ...)")}));
    Cluster withoutUsers = cluster;
    withoutUsers.users.clear();
    const QList<ClusterUser> defaults = ClusterUsers::effective(withoutUsers);
    auto *usersIntro = new QLabel(defaults.isEmpty() ? tr("Users: jobs run as these accounts (uid and gid as "
                                                          "`id` prints them on the hosts). With none, "
                                                          "jobs run as root.")
                                                     : tr("Users: jobs run as these accounts (uid and gid as "
                                                          "`id` prints them on the hosts). With none, "
                                                          "they run as %1, the controller's login.")
                                                           .arg(defaults.constFirst().name),
                                  this);
    usersIntro->setWordWrap(true);
    layout->addWidget(usersIntro);
    layout->addWidget(addTable(m_users, QStringLiteral("usersTable"), {tr("Name"), tr("UID"), tr("GID")}));

    m_problem->setObjectName(QStringLiteral("dataAndUsersProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(MessageStyle::problem());
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_shared, &QStandardItemModel::dataChanged, this, &DataAndUsersDialog::validate);
    connect(m_users, &QStandardItemModel::dataChanged, this, &DataAndUsersDialog::validate);
    connect(m_shared, &QStandardItemModel::rowsRemoved, this, &DataAndUsersDialog::validate);
    connect(m_users, &QStandardItemModel::rowsRemoved, this, &DataAndUsersDialog::validate);
    resize(760, 480);
    validate();
}

QWidget *DataAndUsersDialog::addTable(QStandardItemModel *model, const QString &objectName,
                                      const QStringList &headers)
{
    model->setHorizontalHeaderLabels(headers);
    auto *table = new QTableView(this);
    table->setObjectName(objectName);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(objectName + QStringLiteral("Add"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(objectName + QStringLiteral("Remove"));
    connect(add, &QPushButton::clicked, this, [this, model, table] {
        QList<QStandardItem *> row;
        for (int column = 0; column < model->columnCount(); ++column)
            row << new QStandardItem;
        model->appendRow(row);
        table->edit(model->index(model->rowCount() - 1, 0));
        validate();
    });
    connect(remove, &QPushButton::clicked, this, [model, table] {
        const QModelIndex current = table->currentIndex();
        if (current.isValid())
            model->removeRow(current.row());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *box = new QWidget(this);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    boxLayout->addWidget(table);
    boxLayout->addLayout(buttons);
    return box;
}

QList<SharedDirectory> DataAndUsersDialog::shared() const
{
    QList<SharedDirectory> list;
    for (int row = 0; row < m_shared->rowCount(); ++row) {
        QString ignored;
        list << SharedDirectory{text(m_shared, row, MountColumn), text(m_shared, row, SourceColumn),
                                parseSources(text(m_shared, row, SourcesColumn), &ignored)};
    }
    return list;
}

QList<ClusterUser> DataAndUsersDialog::users() const
{
    QList<ClusterUser> list;
    for (int row = 0; row < m_users->rowCount(); ++row) {
        list << ClusterUser{text(m_users, row, NameColumn), text(m_users, row, UidColumn).toInt(),
                            text(m_users, row, GidColumn).toInt()};
    }
    return list;
}

QString DataAndUsersDialog::findProblem() const
{
    QSet<QString> mounts;
    for (int row = 0; row < m_shared->rowCount(); ++row) {
        const QString mount = text(m_shared, row, MountColumn);
        if (mount.isEmpty() || text(m_shared, row, SourceColumn).isEmpty())
            return tr("Shared directory %1 needs a mount point and a path on the hosts.").arg(row + 1);
        if (mounts.contains(mount))
            return tr("The mount point %1 is given twice.").arg(mount);
        mounts << mount;
        QString problem;
        const QMap<QString, QString> sources = parseSources(text(m_shared, row, SourcesColumn), &problem);
        if (!problem.isEmpty())
            return problem;
        for (auto it = sources.cbegin(); it != sources.cend(); ++it) {
            if (!m_cluster.findHost(it.key()))
                return tr("%1 is not a host of the cluster.").arg(it.key());
        }
    }
    QSet<QString> names;
    QSet<int> uids;
    for (int row = 0; row < m_users->rowCount(); ++row) {
        const QString name = text(m_users, row, NameColumn);
        bool uidOk = false;
        bool gidOk = false;
        const int uid = text(m_users, row, UidColumn).toInt(&uidOk);
        text(m_users, row, GidColumn).toInt(&gidOk);
        if (!ClusterUser::isValidName(name))
            return tr("The user name '%1' %2.").arg(name, ClusterUser::nameRule());
        if (!uidOk || !gidOk)
            return tr("User %1 needs a uid and a gid (numbers, as `id %1` prints them on the hosts).")
                .arg(name);
        if (names.contains(name) || uids.contains(uid))
            return tr("User %1 or uid %2 is given twice.").arg(name).arg(uid);
        names << name;
        uids << uid;
    }
    Cluster candidate = m_cluster;
    candidate.shared = shared();
    candidate.users = users();
    const Result<void> checked = ClusterRules::check(candidate);
    return checked ? QString() : checked.error().message;
}

void DataAndUsersDialog::validate()
{
    m_problemText = findProblem();
    m_problem->setText(m_problemText);
    m_problem->setVisible(!m_problemText.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problemText.isEmpty());
}

} // namespace SlurmDeck::Ui
