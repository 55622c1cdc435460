// SPDX-License-Identifier: GPL-3.0-or-later
// Shared data and users in the GUI: the dialog shows the cluster's lists, names what is wrong
// with an edited row (OK disabled), and the Hosts view's action puts the lists into the
// document, which saves them to the cluster file.
#include "ResultTesting.h"
#include "dialogs/DataAndUsersDialog.h"
#include "inventory/ClusterDocument.h"
#include "inventory/ClusterFile.h"
#include "views/HostsView.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

Cluster twoHosts()
{
    const Result<Cluster> cluster =
        ClusterFile::load(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/inventory/valid-shared-users.yaml"));
    return cluster ? *cluster : Cluster{};
}

QPushButton *okButton(QDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestDataAndUsersDialog final : public QObject
{
    Q_OBJECT

private slots:
    void showsTheClustersLists()
    {
        const Cluster cluster = twoHosts();
        QVERIFY(!cluster.hosts.isEmpty());
        DataAndUsersDialog dialog(cluster);
        QCOMPARE(dialog.sharedModel()->rowCount(), 1);
        QCOMPARE(dialog.sharedModel()->index(0, DataAndUsersDialog::SourcesColumn).data().toString(),
                 QStringLiteral("macbook=/Volumes/data"));
        QCOMPARE(dialog.usersModel()->rowCount(), 2);
        QCOMPARE(dialog.shared(), cluster.shared);
        QCOMPARE(dialog.users(), cluster.users);
        QVERIFY(dialog.problem().isEmpty());
        QVERIFY(okButton(&dialog)->isEnabled());
    }

    void namesWhatIsWrongAndDisablesOk()
    {
        DataAndUsersDialog dialog(twoHosts());
        QStandardItemModel *shared = dialog.sharedModel();
        const auto expectProblem = [&](const QString &part) {
            QVERIFY2(dialog.problem().contains(part), qPrintable(dialog.problem()));
            QVERIFY(!okButton(&dialog)->isEnabled());
            QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("dataAndUsersProblem"))->text().contains(part));
        };
        shared->setData(shared->index(0, DataAndUsersDialog::MountColumn), QStringLiteral("/etc/data"));
        expectProblem(QStringLiteral("must not be in /etc"));
        shared->setData(shared->index(0, DataAndUsersDialog::MountColumn), QStringLiteral("/data"));
        shared->setData(shared->index(0, DataAndUsersDialog::SourcesColumn), QStringLiteral("ghost=/g"));
        expectProblem(QStringLiteral("ghost is not a host of the cluster"));
        shared->setData(shared->index(0, DataAndUsersDialog::SourcesColumn), QStringLiteral("macbook"));
        expectProblem(QStringLiteral("host=/path"));
        shared->setData(shared->index(0, DataAndUsersDialog::SourcesColumn), QString());
        QVERIFY(okButton(&dialog)->isEnabled());

        QStandardItemModel *users = dialog.usersModel();
        users->setData(users->index(1, DataAndUsersDialog::NameColumn), QStringLiteral("Bob"));
        expectProblem(QStringLiteral("must be an account name"));
        users->setData(users->index(1, DataAndUsersDialog::NameColumn), QStringLiteral("alice"));
        expectProblem(QStringLiteral("given twice"));
        users->setData(users->index(1, DataAndUsersDialog::NameColumn), QStringLiteral("bob"));
        users->setData(users->index(1, DataAndUsersDialog::UidColumn), QStringLiteral("12"));
        expectProblem(QStringLiteral("a uid of at least 500"));

        // Add and Remove: an empty row is a problem until filled or removed.
        auto *add = dialog.findChild<QPushButton *>(QStringLiteral("usersTableAdd"));
        QVERIFY(add);
        users->setData(users->index(1, DataAndUsersDialog::UidColumn), QStringLiteral("1001"));
        add->click();
        QCOMPARE(users->rowCount(), 3);
        QVERIFY(!okButton(&dialog)->isEnabled());
        users->removeRow(2);
        QVERIFY2(okButton(&dialog)->isEnabled(), qPrintable(dialog.problem()));
    }

    void theHostsViewPutsThemIntoTheFile()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("c.yaml"));
        Cluster cluster = twoHosts();
        cluster.shared.clear();
        cluster.users.clear();
        SLURMDECK_VERIFY_OK(ClusterFile::save(cluster, path));
        ClusterDocument document;
        SLURMDECK_VERIFY_OK(document.load(path));
        HostsView view(&document);
        view.show();
        auto *action = view.findChild<QAction *>(QStringLiteral("dataAndUsersAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U));
        action->trigger();
        auto *dialog = view.findChild<DataAndUsersDialog *>();
        QVERIFY(dialog);
        dialog->findChild<QPushButton *>(QStringLiteral("sharedTableAdd"))->click();
        QStandardItemModel *shared = dialog->sharedModel();
        shared->setData(shared->index(0, DataAndUsersDialog::MountColumn), QStringLiteral("/data"));
        shared->setData(shared->index(0, DataAndUsersDialog::SourceColumn), QStringLiteral("/mnt/nas/data"));
        dialog->findChild<QPushButton *>(QStringLiteral("usersTableAdd"))->click();
        QStandardItemModel *users = dialog->usersModel();
        users->setData(users->index(0, DataAndUsersDialog::NameColumn), QStringLiteral("carol"));
        users->setData(users->index(0, DataAndUsersDialog::UidColumn), QStringLiteral("1005"));
        users->setData(users->index(0, DataAndUsersDialog::GidColumn), QStringLiteral("1005"));
        QVERIFY2(okButton(dialog)->isEnabled(), qPrintable(dialog->problem()));
        okButton(dialog)->click();
        QCOMPARE(document.cluster().shared.size(), 1);
        QCOMPARE(document.cluster().users, (QList<ClusterUser>{{QStringLiteral("carol"), 1005, 1005}}));
        QVERIFY(document.isModified());
        SLURMDECK_VERIFY_OK(document.save());
        const Result<Cluster> saved = ClusterFile::load(path);
        SLURMDECK_VERIFY_OK(saved);
        QCOMPARE(saved->shared.first().source, QStringLiteral("/mnt/nas/data"));
        QCOMPARE(saved->users.first().name, QStringLiteral("carol"));
    }
};

QTEST_MAIN(TestDataAndUsersDialog)
#include "tst_dataandusersdialog.moc"
