// SPDX-License-Identifier: GPL-3.0-or-later
// File → Back Up Cluster… and Restore Cluster… (the GUI's front on ClusterBackupRun; the lab's
// tst_clihostslab runs a real backup and restore through the same core): a host that cannot
// be reached writes no backup and says which host and why; a file that is not a backup, or a
// backup of another cluster, changes nothing and is never asked about; without an open cluster
// there is nothing to back up. Services → Upgrade… asks first and names a host it cannot reach.
// File → Adopt Cluster… (ClusterAdoptionRun; tst_deployviewlab adopts a deployed cluster for
// real): its form builds the SSH target from what was typed, and a controller host it cannot
// reach writes no cluster file and asks nothing. Restore Secrets from Backup… refuses a wrong
// passphrase and a backup without secrets, and asks before the keychain changes; the
// passphrase dialog wants 8 characters, typed the same twice to seal.
#include "FakeOperations.h"
#include "MainWindow.h"
#include "ResultTesting.h"
#include "deploy/BackupArchive.h"
#include "dialogs/AdoptDialog.h"
#include "dialogs/BackupDialog.h"
#include "dialogs/PassphraseDialog.h"
#include "dialogs/UpgradeDialog.h"
#include "inventory/ClusterDocument.h"
#include "secrets/SealedSecrets.h"
#include "views/ServicesView.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;
using SlurmDeck::Testing::ScriptedConfirmation;

class TestBackupDialog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;

    // A one-host cluster named `name` whose host refuses connections (port 1).
    std::unique_ptr<MainWindow> window(const QString &name)
    {
        const QString path = m_temp.filePath(name + QStringLiteral(".yaml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return nullptr;
        file.write(QStringLiteral("name: %1\nhosts:\n  - name: head\n    address: 127.0.0.1\n    user: root\n"
                                  "    port: 1\n    roles: [controller, database, compute]\n    detected:\n"
                                  "      platform: linux\n      arch: x86_64\n      cpus: 4\n"
                                  "      memory_mib: 8000\n")
                       .arg(name)
                       .toUtf8());
        file.close();
        auto main = std::make_unique<MainWindow>();
        if (Result<void> opened = main->openCluster(path); !opened)
            qWarning("%s", qPrintable(opened.error().toString()));
        SshTarget ssh;
        ssh.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        ssh.userKnownHostsFile = m_temp.filePath(QStringLiteral("known_hosts"));
        ssh.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        ssh.connectTimeout = std::chrono::seconds(3);
        main->setSshDefaults(ssh);
        return main;
    }

    static bool finished(OperationDialog *dialog, bool *ok)
    {
        QSignalSpy succeeded(dialog, &OperationDialog::succeeded);
        QSignalSpy failed(dialog, &OperationDialog::failed);
        const bool ended = QTest::qWaitFor([&] { return !succeeded.isEmpty() || !failed.isEmpty(); }, 15000);
        *ok = !succeeded.isEmpty();
        return ended;
    }

private slots:
    void initTestCase() { QVERIFY(m_temp.isValid()); }

    void unreachableHostWritesNoBackup()
    {
        auto main = window(QStringLiteral("backuptest"));
        QVERIFY(main);
        const QString file = m_temp.filePath(QStringLiteral("backuptest.tar"));
        QPointer<BackupDialog> dialog = main->backUpCluster(file);
        QVERIFY(dialog);
        bool ok = true;
        QVERIFY(finished(dialog, &ok));
        QVERIFY(!ok);
        QVERIFY2(dialog->status().contains(QStringLiteral("Nothing was written")),
                 qPrintable(dialog->status()));
        QVERIFY2(dialog->log().contains(QStringLiteral("head: ")), qPrintable(dialog->log()));
        QVERIFY(!QFile::exists(file));
        dialog->close();
        QTRY_VERIFY(!dialog); // deleted on close, with its working directory
        QVERIFY(QDir(m_temp.path())
                    .entryList({QStringLiteral(".slurmdeck-backup-*")}, QDir::Hidden | QDir::Dirs)
                    .isEmpty());
    }

    void restoreRefusesWhatIsNotThisClustersBackup_data()
    {
        QTest::addColumn<QString>("cluster"); // in the archive; empty: not an archive
        QTest::addColumn<QString>("release"); // its cluster file's slurm_release; empty: no cluster file
        QTest::addColumn<QString>("reason");
        QTest::newRow("not a backup")
            << QString() << QString() << QStringLiteral("Nothing was changed: Not a SlurmDeck backup");
        QTest::newRow("another cluster")
            << QStringLiteral("other") << QString()
            << QStringLiteral("is a backup of the cluster 'other', not of 'restoretest'");
        // The cluster runs 22.05: the state and database of 24.11 cannot go back to it.
        QTest::newRow("a newer Slurm")
            << QStringLiteral("restoretest") << QStringLiteral("24.11")
            << QStringLiteral(
                   "was made on Slurm 24.11, and restoretest runs Slurm 22.05. Slurm cannot go back "
                   "from 24.11 to 22.05");
    }
    void restoreRefusesWhatIsNotThisClustersBackup()
    {
        QFETCH(QString, cluster);
        QFETCH(QString, release);
        QFETCH(QString, reason);
        const QString file = m_temp.filePath(
            QStringLiteral("restore-%1.tar").arg(QString::fromLatin1(QTest::currentDataTag())));
        if (cluster.isEmpty()) {
            QFile text(file);
            QVERIFY(text.open(QIODevice::WriteOnly));
            text.write("not a tar archive");
        } else {
            QTemporaryDir parts;
            QFile state(parts.filePath(QStringLiteral("slurmctld-state.tar")));
            QVERIFY(state.open(QIODevice::WriteOnly));
            state.write("state");
            state.close();
            BackupManifest manifest;
            manifest.cluster = cluster;
            manifest.members = {QStringLiteral("slurmctld-state.tar")};
            if (!release.isEmpty()) {
                QFile yaml(parts.filePath(QStringLiteral("cluster.yaml")));
                QVERIFY(yaml.open(QIODevice::WriteOnly));
                yaml.write(QStringLiteral("name: %1\nsettings:\n  slurm_release: \"%2\"\n")
                               .arg(cluster, release)
                               .toUtf8());
                yaml.close();
                manifest.members << QStringLiteral("cluster.yaml");
            }
            SLURMDECK_VERIFY_OK(BackupArchive::pack(parts.path(), manifest, file));
        }
        auto main = window(QStringLiteral("restoretest"));
        QVERIFY(main);
        auto confirmation = std::make_shared<ScriptedConfirmation>(true);
        main->setConfirmation(confirmation);
        QPointer<BackupDialog> dialog = main->restoreCluster(file);
        QVERIFY(dialog);
        bool ok = true;
        QVERIFY(finished(dialog, &ok));
        QVERIFY(!ok);
        QVERIFY2(dialog->status().contains(reason), qPrintable(dialog->status()));
        QVERIFY(confirmation->asked.isEmpty());
    }

    void restoreAsksFirstAndANoChangesNothing()
    {
        QTemporaryDir parts;
        QFile state(parts.filePath(QStringLiteral("slurmctld-state.tar")));
        QVERIFY(state.open(QIODevice::WriteOnly));
        state.close();
        BackupManifest manifest;
        manifest.cluster = QStringLiteral("asktest");
        manifest.created = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
        manifest.members = {QStringLiteral("slurmctld-state.tar")};
        const QString file = m_temp.filePath(QStringLiteral("asktest.tar"));
        SLURMDECK_VERIFY_OK(BackupArchive::pack(parts.path(), manifest, file));
        auto main = window(QStringLiteral("asktest"));
        QVERIFY(main);
        auto refuse = std::make_shared<ScriptedConfirmation>(false);
        main->setConfirmation(refuse);
        QPointer<BackupDialog> dialog = main->restoreCluster(file);
        bool ok = true;
        QVERIFY(finished(dialog, &ok));
        QVERIFY(!ok);
        QCOMPARE(refuse->asked.size(), 1);
        QVERIFY2(refuse->asked.first().contains(QStringLiteral("job queue of asktest")),
                 qPrintable(refuse->asked.first()));
        QCOMPARE(dialog->status(), QStringLiteral("Nothing was changed."));
        QVERIFY(dialog->log().isEmpty()); // no host was touched
    }

    void upgradeAsksFirstThenNamesTheHostItCannotReach()
    {
        auto main = window(QStringLiteral("upgradetest"));
        QVERIFY(main);
        auto refuse = std::make_shared<ScriptedConfirmation>(false);
        main->setConfirmation(refuse);
        QPointer<UpgradeDialog> declined = main->upgradeCluster();
        QVERIFY(declined);
        bool ok = true;
        QVERIFY(finished(declined, &ok));
        QVERIFY(!ok);
        QCOMPARE(refuse->asked.size(), 1);
        QVERIFY2(refuse->asked.first().contains(
                     QStringLiteral("slurmdbd, then slurmctld, then each compute node")),
                 qPrintable(refuse->asked.first()));
        QCOMPARE(declined->status(), QStringLiteral("Nothing was changed."));
        QVERIFY(declined->log().isEmpty());

        main->setConfirmation(std::make_shared<ScriptedConfirmation>(true));
        // Services → Upgrade… (the toolbar's action) has the main window open the dialog.
        QVERIFY(main->servicesView()->findChild<QAction *>(QStringLiteral("upgradeClusterAction")));
        declined->close();
        QTRY_VERIFY(!declined);
        emit main->servicesView()->upgradeRequested();
        QPointer<UpgradeDialog> upgrading = main->findChild<UpgradeDialog *>();
        QVERIFY(upgrading);
        QVERIFY(finished(upgrading, &ok));
        QVERIFY(!ok);
        QVERIFY2(upgrading->log().contains(QStringLiteral("head: ")), qPrintable(upgrading->log()));
        QVERIFY2(upgrading->status().contains(QStringLiteral("did not complete")),
                 qPrintable(upgrading->status()));
    }

    void adoptFormBuildsTheTarget()
    {
        AdoptFormDialog form;
        auto *host = form.findChild<QLineEdit *>(QStringLiteral("adoptHost"));
        auto *user = form.findChild<QLineEdit *>(QStringLiteral("adoptUser"));
        auto *port = form.findChild<QSpinBox *>(QStringLiteral("adoptPort"));
        auto *name = form.findChild<QLineEdit *>(QStringLiteral("adoptName"));
        QPushButton *connect = form.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(host && user && port && name && connect);
        QVERIFY(!connect->isEnabled()); // no host yet
        QTest::keyClicks(host, QStringLiteral("alice@nas1"));
        QVERIFY(connect->isEnabled());
        SshTarget defaults;
        defaults.user = QStringLiteral("me");
        defaults.port = 22;
        defaults.identityFile = QStringLiteral("/keys/id");
        SshTarget target = form.target(defaults);
        QCOMPARE(target.host, QStringLiteral("nas1"));
        QCOMPARE(target.user, QStringLiteral("alice"));
        QCOMPARE(target.port, 22);
        QCOMPARE(target.identityFile, QStringLiteral("/keys/id"));
        QCOMPARE(form.clusterName(), QString());
        user->setText(QStringLiteral("bob"));
        port->setValue(2222);
        name->setText(QStringLiteral(" lab "));
        target = form.target(defaults);
        QCOMPARE(target.user, QStringLiteral("bob"));
        QCOMPARE(target.port, 2222);
        QCOMPARE(form.clusterName(), QStringLiteral("lab"));
    }

    void adoptingFromAHostItCannotReachWritesNothing()
    {
        QTemporaryDir config;
        qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
        const auto restore = qScopeGuard([] { qunsetenv("XDG_CONFIG_HOME"); });
        auto main = window(QStringLiteral("adopttest"));
        QVERIFY(main);
        const QString opened = main->clusterDocument()->path();
        auto confirmation = std::make_shared<ScriptedConfirmation>(true);
        main->setConfirmation(confirmation);
        // File → Adopt Cluster… opens the form, with or without a cluster.
        QAction *adopt = main->findChild<QAction *>(QStringLiteral("adoptAction"));
        QVERIFY(adopt && adopt->isEnabled());
        adopt->trigger();
        QPointer<AdoptFormDialog> form = main->findChild<AdoptFormDialog *>();
        QVERIFY(form && form->isVisible());
        form->reject();
        QTRY_VERIFY(!form);

        SshTarget controller;
        controller.host = QStringLiteral("127.0.0.1");
        controller.port = 1;
        controller.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        controller.userKnownHostsFile = m_temp.filePath(QStringLiteral("known_hosts"));
        controller.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        controller.connectTimeout = std::chrono::seconds(3);
        QPointer<AdoptDialog> dialog = main->adoptCluster(controller, QString());
        QVERIFY(dialog);
        bool ok = true;
        QVERIFY(finished(dialog, &ok));
        QVERIFY(!ok);
        QVERIFY2(dialog->status().contains(QStringLiteral("Cannot adopt a cluster from")) &&
                     dialog->status().contains(QStringLiteral("127.0.0.1")),
                 qPrintable(dialog->status()));
        QVERIFY(confirmation->asked.isEmpty());
        QVERIFY(dialog->clusterFile().isEmpty());
        QVERIFY(!QDir(config.filePath(QStringLiteral("SlurmDeck/clusters"))).exists());
        QCOMPARE(main->clusterDocument()->path(), opened);
    }

    void passphraseDialogWantsEightCharactersTypedTwice()
    {
        PassphraseDialog seal(PassphraseDialog::Purpose::Seal);
        auto *first = seal.findChild<QLineEdit *>(QStringLiteral("passphrase"));
        auto *again = seal.findChild<QLineEdit *>(QStringLiteral("passphraseAgain"));
        auto *hint = seal.findChild<QLabel *>(QStringLiteral("passphraseHint"));
        QPushButton *ok = seal.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(first && again && hint && ok);
        QCOMPARE(first->echoMode(), QLineEdit::Password);
        QTest::keyClicks(first, QStringLiteral("short"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(hint->text().contains(QStringLiteral("At least 8")));
        QTest::keyClicks(first, QStringLiteral(" but long"));
        QTest::keyClicks(again, QStringLiteral("short but lon"));
        QVERIFY(!ok->isEnabled());
        QCOMPARE(hint->text(), QStringLiteral("The two passphrases differ."));
        QTest::keyClicks(again, QStringLiteral("g"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(seal.passphrase(), QByteArray("short but long"));

        PassphraseDialog unseal(PassphraseDialog::Purpose::Unseal);
        QVERIFY(!unseal.findChild<QLineEdit *>(QStringLiteral("passphraseAgain")));
        QTest::keyClicks(unseal.findChild<QLineEdit *>(QStringLiteral("passphrase")),
                         QStringLiteral("12345678"));
        QVERIFY(unseal.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    }

    void restoreSecretsRefusesAWrongPassphraseAndAsksFirst()
    {
        QTemporaryDir parts;
        QFile state(parts.filePath(QStringLiteral("slurmctld-state.tar")));
        QVERIFY(state.open(QIODevice::WriteOnly));
        state.close();
        const ClusterSecrets::Values values{ClusterSecrets::generateMungeKey(),
                                            ClusterSecrets::generatePassword()};
        SLURMDECK_VERIFY_OK(SealedSecrets::seal(values, "the right passphrase",
                                                parts.filePath(QStringLiteral("secrets.enc"))));
        BackupManifest manifest;
        manifest.cluster = QStringLiteral("secretstest");
        manifest.created = QDateTime::currentDateTimeUtc();
        manifest.members = {QStringLiteral("slurmctld-state.tar"), QStringLiteral("secrets.enc")};
        const QString file = m_temp.filePath(QStringLiteral("secretstest.tar"));
        SLURMDECK_VERIFY_OK(BackupArchive::pack(parts.path(), manifest, file));
        auto main = window(QStringLiteral("secretstest"));
        QVERIFY(main);
        auto refuse = std::make_shared<ScriptedConfirmation>(false);
        main->setConfirmation(refuse);

        QPointer<BackupDialog> wrong = main->restoreSecrets(file, "not the passphrase");
        QVERIFY(wrong);
        bool ok = true;
        QVERIFY(finished(wrong, &ok));
        QVERIFY(!ok);
        QVERIFY2(wrong->status().contains(QStringLiteral("passphrase is wrong")),
                 qPrintable(wrong->status()));
        QVERIFY(refuse->asked.isEmpty());

        QPointer<BackupDialog> right = main->restoreSecrets(file, "the right passphrase");
        QVERIFY(finished(right, &ok));
        QVERIFY(!ok);
        QCOMPARE(refuse->asked.size(), 1);
        QVERIFY2(refuse->asked.first().contains(QStringLiteral("munge key and database password")),
                 qPrintable(refuse->asked.first()));
        QCOMPARE(right->status(), QStringLiteral("Nothing was changed."));

        // A backup written without secrets has none to restore.
        manifest.members = {QStringLiteral("slurmctld-state.tar")};
        const QString plain = m_temp.filePath(QStringLiteral("secretstest-plain.tar"));
        SLURMDECK_VERIFY_OK(BackupArchive::pack(parts.path(), manifest, plain));
        QPointer<BackupDialog> none = main->restoreSecrets(plain, "the right passphrase");
        QVERIFY(finished(none, &ok));
        QVERIFY(!ok);
        QVERIFY2(none->status().contains(QStringLiteral("carries no secrets")), qPrintable(none->status()));
        QCOMPARE(refuse->asked.size(), 1);
    }

    void nothingToBackUpWithoutAClusterFile()
    {
        MainWindow main;
        QVERIFY(!main.backUpCluster(m_temp.filePath(QStringLiteral("none.tar"))));
        QVERIFY(!main.restoreCluster(m_temp.filePath(QStringLiteral("none.tar"))));
        QVERIFY(!main.upgradeCluster());
        QAction *backUp = main.findChild<QAction *>(QStringLiteral("backUpAction"));
        QVERIFY(backUp);
        QCOMPARE(backUp->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    }
};

QTEST_MAIN(TestBackupDialog)
#include "tst_backupdialog.moc"
