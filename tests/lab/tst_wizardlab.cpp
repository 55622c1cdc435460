// SPDX-License-Identifier: GPL-3.0-or-later
// The first-run wizard walked on the lab: the lab's host addresses typed in, all picked,
// their (new) host keys shown and trusted, root with the lab's key, the seed's default
// roles, the plan reviewed, the images transferred from here (the lab's hosts are offline)
// and deployed until every check passes; Finish saves the cluster file. Removes its
// cluster at the end.
#include "Confirmation.h"
#include "LabManifest.h"
#include "ResultTesting.h"
#include "Screenshot.h"
#include "deploy/DeployRunner.h"
#include "deploy/DeploySession.h"
#include "inventory/ClusterDocument.h"
#include "inventory/ClusterFile.h"
#include "models/PlanTreeModel.h"
#include "models/VerificationChecksModel.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "ssh/CredentialPrompt.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"
#include "views/DeployView.h"
#include "wizard/FirstRunWizard.h"
#include "wizard/WizardPages.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

// Answers "no" to every question (keep the wizard open), and remembers them.
class KeepOpen final : public Confirmation
{
public:
    void ask(QWidget *, const Question &question, std::function<void(bool)> answer) override
    {
        asked << question.text;
        QTimer::singleShot(0, qApp, [answer = std::move(answer)] { answer(false); });
    }
    QStringList asked;
};

// The lab's key has no passphrase: nothing is to be asked.
class NoSecrets final : public CredentialPrompt
{
public:
    void askForSecret(const CredentialRequest &, std::function<void(std::optional<QString>)> answer) override
    {
        answer(std::nullopt);
    }
};

} // namespace

class TestWizardLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_temp;
    std::optional<ClusterPlan> m_plan;

    SshTarget sshDefaults() const
    {
        SshTarget ssh;
        ssh.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        // Empty: every host key is new to this run and has to be trusted in the wizard.
        ssh.userKnownHostsFile = m_temp.filePath(QStringLiteral("empty_known_hosts"));
        ssh.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        return ssh;
    }

    void tearDownCluster(const QString &project, const QHash<QString, QString> &directories)
    {
        for (const Lab::Host &host : std::as_const(m_lab.hosts)) {
            SshTarget target = sshDefaults();
            target.host = host.address;
            target.user = QStringLiteral("root");
            target.identityFile = m_lab.clientKey();
            target.userKnownHostsFile = m_lab.knownHosts();
            FixedHostKeyPolicy reject(HostKeyDecision::Reject);
            SshConnection connection(target, &reject);
            if (!connection.connect())
                continue;
            const QString docker = Shell::quote(host.docker);
            const Result<ExecResult> down = connection.exec(
                QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                               "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; rm -rf %3")
                    .arg(docker, Shell::quote(project),
                         Shell::quote(directories.value(host.name, QStringLiteral("/nonexistent")))));
            Q_UNUSED(down);
        }
    }

    static bool nextEnabled(FirstRunWizard &wizard)
    {
        for (QWizard::WizardButton which :
             {QWizard::NextButton, QWizard::CommitButton, QWizard::FinishButton}) {
            QAbstractButton *button = wizard.button(which);
            if (button->isVisible() && button->isEnabled())
                return true;
        }
        return false;
    }

    static bool goNext(FirstRunWizard &wizard, int timeoutMs = 60000)
    {
        if (!QTest::qWaitFor([&wizard] { return nextEnabled(wizard); }, timeoutMs))
            return false;
        wizard.next();
        return true;
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY2(m_lab.hosts.size() >= 4,
                 "the wizard test needs four lab hosts: a primary and three workers");
        for (const char *name : {"empty_ssh_config", "empty_known_hosts"}) {
            QFile file(m_temp.filePath(QString::fromLatin1(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
    }

    void cleanupTestCase()
    {
        if (!m_plan)
            return;
        QHash<QString, QString> directories;
        for (const HostPlan &host : std::as_const(m_plan->hosts))
            directories.insert(host.hostName, host.directory);
        tearDownCluster(m_plan->projectName, directories);
    }

    void wizardToADeployedCluster()
    {
        const QString clusterPath = m_temp.filePath(QStringLiteral("clusters/wizardlab.yaml"));
        FirstRunWizard wizard(clusterPath);
        wizard.setSshDefaults(sshDefaults());
        wizard.setCredentialPrompt(std::make_shared<NoSecrets>());
        DeployView *view = wizard.deployView();
        const QByteArray databasePassword = ClusterSecrets::generatePassword();
        view->session()->setSecrets(ClusterSecrets::generateMungeKey(), databasePassword);
        DeployOptions options;
        options.images = ImageSource::TransferFromHere; // the lab's hosts are offline
        options.localDocker = QStringLiteral("/usr/bin/docker");
        view->setDeployOptions(options);
        wizard.resize(1400, 900);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QSignalSpy saved(&wizard, &FirstRunWizard::clusterSaved);

        // Use my machines → discover: the lab's addresses.
        QVERIFY(goNext(wizard));
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::DiscoverPageId));
        QStringList addresses;
        for (const Lab::Host &host : std::as_const(m_lab.hosts))
            addresses << host.address;
        wizard.findChild<QPlainTextEdit *>(QStringLiteral("hostList"))->setPlainText(addresses.join(u'\n'));
        wizard.findChild<QAbstractButton *>(QStringLiteral("findMachines"))->click();
        QVERIFY(goNext(wizard));

        // Pick: all of them.
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::PickPageId));
        auto *pick = qobject_cast<PickPage *>(wizard.currentPage());
        for (const QString &address : std::as_const(addresses))
            pick->setPicked(address, true);
        QVERIFY(goNext(wizard));

        // Host keys: read from the handshake, shown as SHA256 fingerprints, trusted.
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::HostKeysPageId));
        auto *keysPage = qobject_cast<HostKeysPage *>(wizard.currentPage());
        QVERIFY(QTest::qWaitFor([keysPage] { return keysPage->keys().size() == 4; }, 60000));
        for (const WizardHostKey &key : keysPage->keys()) {
            QVERIFY2(key.state == WizardHostKey::State::New, qPrintable(key.target + u": " + key.message));
            QVERIFY2(key.key.fingerprint.startsWith(u"SHA256:"), qPrintable(key.key.fingerprint));
        }
        QVERIFY2(!nextEnabled(wizard), "new keys must be trusted first");
        wizard.findChild<QCheckBox *>(QStringLiteral("trustHostKeys"))->setChecked(true);
        QVERIFY(goNext(wizard));

        // Credentials: root with the lab's key.
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::CredentialsPageId));
        wizard.findChild<QLineEdit *>(QStringLiteral("loginUser"))->setText(QStringLiteral("root"));
        wizard.findChild<QLineEdit *>(QStringLiteral("loginIdentity"))->setText(m_lab.clientKey());
        QVERIFY(goNext(wizard));

        // Roles: the seed's defaults as they come.
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::RolesPageId));
        auto *roles = qobject_cast<RolesPage *>(wizard.currentPage());
        QVERIFY2(QTest::qWaitFor([&wizard] { return nextEnabled(wizard); }, 120000),
                 qPrintable(wizard.findChild<QLabel *>(QStringLiteral("rolesStatus"))->text()));
        QCOMPARE(roles->model()->rowCount(), 4);
        int controllers = 0;
        for (int row = 0; row < 4; ++row) {
            controllers += roles->model()->item(row, 3)->checkState() == Qt::Checked ? 1 : 0;
            QCOMPARE(roles->model()->item(row, 5)->checkState(), Qt::Checked); // every host computes
        }
        QCOMPARE(controllers, 1);
        QCOMPARE(roles->model()->item(0, 3)->checkState(), Qt::Checked); // the primary
        wizard.findChild<QLineEdit *>(QStringLiteral("clusterName"))->setText(QStringLiteral("wizardlab"));
        QVERIFY(goNext(wizard));

        // Review: the plan, nothing on the hosts yet.
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::ReviewPageId));
        QVERIFY2(QTest::qWaitFor([view] { return view->hasPlan(); }, 60000), qPrintable(view->notice()));
        QCOMPARE(view->planModel()->rowCount(), 4);
        QVERIFY(!QFile::exists(clusterPath));
        QVERIFY(view->deployOptions().images == ImageSource::TransferFromHere);

        // What to tear down, also when the deploy fails half way.
        DeploySession session(wizard.document()->cluster(), sshDefaults());
        const Result<DeploySession::Prepared> prepared =
            session.prepareWith(ClusterSecrets::generateMungeKey(), ClusterSecrets::generatePassword());
        SLURMDECK_VERIFY_OK(prepared);
        m_plan = prepared->plan;
        cleanupTestCase(); // leftovers of a killed run

        // Deploy, to the end.
        QSignalSpy finished(view, &DeployView::deployFinished);
        QVERIFY(goNext(wizard));
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::DeployPageId));
        QVERIFY(finished.wait(540000));
        const DeployReport report = finished.first().first().value<DeployReport>();
        qInfo("summary: %s", qPrintable(view->summary()));
        QVERIFY2(report.ok(), qPrintable(view->summary() + u'\n' + view->logText().right(3000)));
        QVERIFY(view->checksModel()->rowCount() >= 5);
        for (const auto &check : report.checks)
            QVERIFY2(check.passed, qPrintable(check.name));

        QCoreApplication::processEvents();
        const QString shot = QCoreApplication::applicationDirPath() + QStringLiteral("/wizard-deployed.png");
        SLURMDECK_VERIFY_OK(saveScreenshot(wizard, shot));
        qInfo("screenshot: %s", qPrintable(shot));

        // Cancel now would lose the only record of the deployed cluster: it asks, and "no"
        // keeps the wizard open with nothing saved yet.
        auto keep = std::make_shared<KeepOpen>();
        wizard.setConfirmation(keep);
        wizard.button(QWizard::CancelButton)->click();
        QVERIFY(QTest::qWaitFor([&keep] { return keep->asked.size() == 1; }, 2000));
        QTest::qWait(50);
        QVERIFY(wizard.isVisible());
        QVERIFY(keep->asked.first().contains(clusterPath));
        QVERIFY(!QFile::exists(clusterPath));

        // Finish: the cluster file is saved and names what was deployed.
        QVERIFY(wizard.currentPage()->isFinalPage());
        QVERIFY(
            QTest::qWaitFor([&wizard] { return wizard.button(QWizard::FinishButton)->isEnabled(); }, 5000));
        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().first().toString(), clusterPath);
        QVERIFY(QFile::exists(clusterPath));
        const Result<Cluster> loaded = ClusterFile::load(clusterPath);
        SLURMDECK_VERIFY_OK(loaded);
        QCOMPARE(loaded->name, QStringLiteral("wizardlab"));
        QCOMPARE(loaded->hosts.size(), 4);
        QCOMPARE(loaded->hosts.first().identity, m_lab.clientKey());
        QFile file(clusterPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(databasePassword), "secrets never go into the cluster file");
    }
};

QTEST_MAIN(TestWizardLab)
#include "tst_wizardlab.moc"
