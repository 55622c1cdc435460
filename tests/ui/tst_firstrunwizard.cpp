// SPDX-License-Identifier: GPL-3.0-or-later
// The first-run wizard offscreen, with a recording backend instead of machines: the page
// order, Next blocked until a page is valid (no host picked, no controller), Back keeping
// the choices, the sandbox choice ending the wizard, and nothing written to a host or to
// the cluster file up to the review page.
#include "FakeOperations.h"
#include "ResultTesting.h"
#include "inventory/ClusterDocument.h"
#include "models/PlanTreeModel.h"
#include "sandbox/SandboxSetup.h"
#include "secrets/ClusterSecrets.h"
#include "views/DeployView.h"
#include "wizard/FirstRunWizard.h"
#include "wizard/WizardPages.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

namespace {

// Answers like machines would, later (as the real one does), and records every request.
class RecordingBackend final : public WizardBackend
{
public:
    QStringList calls; // "discover", "hostKeys a,b", "fingerprint a,b", "secret KEY"
    QStringList gpuHosts;

    void discover(const DiscoveryRequest &request, QObject *context,
                  std::function<void(QList<WizardCandidate>)> done) override
    {
        calls << QStringLiteral("discover");
        QList<WizardCandidate> found;
        for (const QString &host : request.hosts)
            found.append({host, QStringLiteral("listed"), true});
        for (const Subnet &subnet : request.subnets)
            found.append({subnet.hostAddresses().first().toString(), QStringLiteral("open"), false});
        later(context, [done = std::move(done), found] { done(found); });
    }
    void readHostKeys(const QStringList &targets, const SshTarget &, QObject *context,
                      std::function<void(QList<WizardHostKey>)> done) override
    {
        calls << QStringLiteral("hostKeys ") + targets.join(u',');
        QList<WizardHostKey> keys;
        for (const QString &target : targets) {
            WizardHostKey key;
            key.target = target;
            key.state = WizardHostKey::State::New;
            key.key = {target, 22, QStringLiteral("ssh-ed25519"), QStringLiteral("SHA256:key-of-") + target,
                       QString()};
            keys << key;
        }
        later(context, [done = std::move(done), keys] { done(keys); });
    }
    void fingerprint(const DiscoveryRequest &request, const QHash<QString, QString> &trusted,
                     std::shared_ptr<CredentialPrompt>, QObject *context,
                     std::function<void(QList<DiscoveredHost>)> done) override
    {
        calls << QStringLiteral("fingerprint ") + request.hosts.join(u',');
        lastTrusted = trusted;
        lastLogin = request.login;
        QList<DiscoveredHost> hosts;
        for (const QString &target : request.hosts) {
            DiscoveredHost host;
            host.target = target;
            host.address = target;
            host.status = DiscoveredHost::Status::Fingerprinted;
            HostFingerprint facts;
            facts.platform = Platform::Linux;
            facts.hostname = QStringLiteral("node-") + QString(target).replace(u'.', u'-');
            facts.architecture = QStringLiteral("x86_64");
            facts.logicalCpus = 4;
            if (gpuHosts.contains(target))
                facts.gpus.append(GpuInfo{0, QStringLiteral("NVIDIA A2"), 15000, {}, {}});
            host.fingerprint = facts;
            hosts << host;
        }
        later(context, [done = std::move(done), hosts] { done(hosts); });
    }
    void storeSecret(const QString &key, const QByteArray &, QObject *context,
                     std::function<void(Result<void>)> done) override
    {
        calls << QStringLiteral("secret ") + key;
        later(context, [done = std::move(done)] { done(Result<void>{}); });
    }

    QHash<QString, QString> lastTrusted;
    SshTarget lastLogin;

private:
    static void later(QObject *context, std::function<void()> call)
    {
        QTimer::singleShot(5, context, std::move(call));
    }
};

} // namespace

class TestFirstRunWizard final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;
    std::unique_ptr<FirstRunWizard> m_wizard;
    std::shared_ptr<RecordingBackend> m_backend;

    QString clusterPath() const { return m_temp.filePath(QStringLiteral("clusters/default.yaml")); }

    bool nextEnabled() const
    {
        QAbstractButton *next = m_wizard->button(QWizard::NextButton);
        QAbstractButton *commit = m_wizard->button(QWizard::CommitButton);
        return (next->isVisible() && next->isEnabled()) || (commit->isVisible() && commit->isEnabled());
    }

    template<typename T>
    T *child(const char *name) const
    {
        return m_wizard->findChild<T *>(QString::fromLatin1(name));
    }

    // Next, once the current page lets it.
    bool goNext()
    {
        if (!QTest::qWaitFor([this] { return nextEnabled(); }, 5000))
            return false;
        m_wizard->next();
        return true;
    }

    void walkToHostKeys()
    {
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::StartPageId));
        QVERIFY(goNext());
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::DiscoverPageId));
        QVERIFY2(!nextEnabled(), "Next before anything was found");
        child<QPlainTextEdit>("hostList")->setPlainText(QStringLiteral("10.0.0.1\n10.0.0.2, 10.0.0.3"));
        QVERIFY(child<QRadioButton>("hostsMode")->isChecked());
        child<QAbstractButton>("findMachines")->click();
        QVERIFY(goNext());
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::PickPageId));
        QCOMPARE(child<QListWidget>("pickList")->count(), 3);
        QVERIFY(nextEnabled()); // a typed list is picked as is
        QVERIFY(goNext());
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::HostKeysPageId));
    }

private slots:
    void init()
    {
        m_wizard = std::make_unique<FirstRunWizard>(clusterPath());
        m_backend = std::make_shared<RecordingBackend>();
        m_backend->gpuHosts = {QStringLiteral("10.0.0.2")};
        m_wizard->setBackend(m_backend);
        m_wizard->deployView()->session()->setSecrets(ClusterSecrets::generateMungeKey(),
                                                      ClusterSecrets::generatePassword());
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    }

    void cleanup() { m_wizard.reset(); }

    void pageOrderAndNothingWrittenBeforeReview()
    {
        walkToHostKeys();
        QVERIFY(QTest::qWaitFor([this] { return child<QTableWidget>("hostKeys")->rowCount() == 3; }, 5000));
        QVERIFY2(!nextEnabled(), "new host keys must be trusted before Next");
        QCOMPARE(child<QTableWidget>("hostKeys")->item(1, 2)->text(),
                 QStringLiteral("SHA256:key-of-10.0.0.2"));
        child<QCheckBox>("trustHostKeys")->setChecked(true);
        QVERIFY(goNext());
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::CredentialsPageId));

        child<QLineEdit>("loginUser")->setText(QStringLiteral("admin"));
        child<QLineEdit>("loginIdentity")->setText(m_temp.filePath(QStringLiteral("missing_key")));
        QVERIFY2(!nextEnabled(), "a key file that does not exist");
        QFile key(m_temp.filePath(QStringLiteral("id_test")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.close();
        child<QLineEdit>("loginIdentity")->setText(key.fileName());
        child<QLineEdit>("loginSecret")->setText(QStringLiteral("s3cret"));
        QVERIFY(goNext());
        // The passphrase went to the keychain (through the backend), keyed like the prompt looks.
        QVERIFY(
            QTest::qWaitFor([this] { return m_wizard->currentId() == FirstRunWizard::RolesPageId; }, 5000));
        QVERIFY(m_backend->calls.contains(QStringLiteral("secret passphrase:") + key.fileName()));
        QCOMPARE(m_backend->lastLogin.user, QStringLiteral("admin"));
        QCOMPARE(m_backend->lastTrusted.value(QStringLiteral("10.0.0.3")),
                 QStringLiteral("SHA256:key-of-10.0.0.3"));

        // Seed defaults: the GPU host runs the controller.
        auto *roles = qobject_cast<RolesPage *>(m_wizard->currentPage());
        QVERIFY(QTest::qWaitFor([roles] { return roles->model()->rowCount() == 3; }, 5000));
        QCOMPARE(roles->model()->item(1, 0)->text(), QStringLiteral("node-10-0-0-2"));
        QCOMPARE(child<QTableView>("roles")->verticalHeader()->count(), 3); // the view shows them
        QCOMPARE(roles->model()->item(1, 3)->checkState(), Qt::Checked);
        QCOMPARE(roles->model()->item(0, 3)->checkState(), Qt::Unchecked);
        QVERIFY(nextEnabled());

        // No controller: Next blocked, with the reason shown.
        roles->model()->item(1, 3)->setCheckState(Qt::Unchecked);
        QVERIFY(!nextEnabled());
        QVERIFY(roles->problem().contains(QStringLiteral("Controller")));
        roles->model()->item(0, 3)->setCheckState(Qt::Checked);
        QVERIFY(nextEnabled());
        child<QLineEdit>("clusterName")->setText(QStringLiteral("wizardtest"));

        QVERIFY(goNext());
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::ReviewPageId));
        DeployView *view = m_wizard->deployView();
        QVERIFY2(QTest::qWaitFor([view] { return view->hasPlan(); }, 10000), qPrintable(view->notice()));
        QCOMPARE(view->planModel()->rowCount(), 3);
        QVERIFY(nextEnabled());
        QCOMPARE(m_wizard->button(QWizard::CommitButton)->text(), QStringLiteral("&Deploy"));
        // Only the wizard's Deploy starts the deploy here.
        QAction *viewDeploy = view->findChild<QAction *>(QStringLiteral("startDeployAction"));
        QVERIFY(!viewDeploy->isVisible());
        const Cluster &planned = m_wizard->document()->cluster();
        QCOMPARE(planned.name, QStringLiteral("wizardtest"));
        QVERIFY(planned.findHost(QStringLiteral("node-10-0-0-1"))->hasRole(HostRole::Controller));
        QCOMPARE(planned.hosts.first().identity, key.fileName());

        // Up to here: only reads from the machines, the secret in the keychain, no cluster file.
        for (const QString &call : std::as_const(m_backend->calls)) {
            QVERIFY2(call == u"discover" || call.startsWith(u"hostKeys ") ||
                         call.startsWith(u"fingerprint ") || call.startsWith(u"secret "),
                     qPrintable(call));
        }
        QVERIFY(!view->isDeploying());
        QVERIFY(!view->lastReport());
        QVERIFY(!QFile::exists(clusterPath()));
        QVERIFY(!QFile::exists(QFileInfo(clusterPath()).path()));

        QCOMPARE(planned.settings.slurmRelease, QStringLiteral("22.05")); // the default release

        // Back to the roles and forward again: planned anew from the changed choices, the
        // newer Slurm release included.
        m_wizard->back();
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::RolesPageId));
        child<QLineEdit>("clusterName")->setText(QStringLiteral("renamed"));
        auto *release = child<QComboBox>("slurmRelease");
        QCOMPARE(release->currentData().toString(), QStringLiteral("22.05"));
        release->setCurrentIndex(release->findData(QStringLiteral("24.11")));
        QCOMPARE(release->currentText(), QStringLiteral("Slurm 24.11.5 (Debian 13 trixie)"));
        QVERIFY(goNext());
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::ReviewPageId));
        QVERIFY(QTest::qWaitFor([this] { return nextEnabled(); }, 10000));
        QCOMPARE(m_wizard->document()->cluster().name, QStringLiteral("renamed"));
        QCOMPARE(m_wizard->document()->cluster().settings.slurmRelease, QStringLiteral("24.11"));
        QCOMPARE(view->planModel()->rowCount(), 3);
        QVERIFY(!view->isDeploying());
        QVERIFY(!QFile::exists(clusterPath()));
    }

    void validationBlocksNext()
    {
        walkToHostKeys();
        m_wizard->back();
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::PickPageId));
        auto *pick = qobject_cast<PickPage *>(m_wizard->currentPage());
        for (const char *host : {"10.0.0.1", "10.0.0.2", "10.0.0.3"})
            pick->setPicked(QString::fromLatin1(host), false);
        QVERIFY2(!nextEnabled(), "no host picked");
        m_wizard->next();
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::PickPageId));
        pick->setPicked(QStringLiteral("10.0.0.3"), true);
        QVERIFY(nextEnabled());

        // A subnet that does not parse blocks Find and Next.
        m_wizard->back();
        child<QLineEdit>("subnets")->setText(QStringLiteral("10.0.0.0/99"));
        QVERIFY(!nextEnabled());
    }

    void backKeepsChoices()
    {
        walkToHostKeys();
        QVERIFY(QTest::qWaitFor([this] { return child<QTableWidget>("hostKeys")->rowCount() == 3; }, 5000));
        child<QCheckBox>("trustHostKeys")->setChecked(true);
        QVERIFY(goNext());
        child<QLineEdit>("loginUser")->setText(QStringLiteral("root"));
        QVERIFY(goNext());
        auto *roles = qobject_cast<RolesPage *>(m_wizard->currentPage());
        QVERIFY(QTest::qWaitFor([roles] { return roles->model()->rowCount() == 3; }, 5000));
        roles->model()->item(2, 5)->setCheckState(Qt::Unchecked); // 10.0.0.3 does not compute

        // Back to the start and forward again: every choice as it was, nothing asked again.
        const int fingerprints =
            static_cast<int>(m_backend->calls.filter(QStringLiteral("fingerprint")).size());
        while (m_wizard->currentId() != FirstRunWizard::DiscoverPageId)
            m_wizard->back();
        QCOMPARE(child<QPlainTextEdit>("hostList")->toPlainText(),
                 QStringLiteral("10.0.0.1\n10.0.0.2, 10.0.0.3"));
        QVERIFY(nextEnabled());
        QVERIFY(goNext());
        auto *list = child<QListWidget>("pickList");
        QCOMPARE(list->item(2)->checkState(), Qt::Checked);
        QVERIFY(goNext());
        QVERIFY(child<QCheckBox>("trustHostKeys")->isChecked());
        QVERIFY(goNext());
        QCOMPARE(child<QLineEdit>("loginUser")->text(), QStringLiteral("root"));
        QVERIFY(goNext());
        QCOMPARE(m_wizard->currentId(), int(FirstRunWizard::RolesPageId));
        QCOMPARE(roles->model()->item(2, 5)->checkState(), Qt::Unchecked);
        QCOMPARE(m_backend->calls.filter(QStringLiteral("fingerprint")).size(), fingerprints);
        QCOMPARE(m_backend->calls.filter(QStringLiteral("hostKeys")).size(), 1);

        // Another host picked: its key is read and the hosts looked at again.
        while (m_wizard->currentId() != FirstRunWizard::PickPageId)
            m_wizard->back();
        qobject_cast<PickPage *>(m_wizard->currentPage())->setPicked(QStringLiteral("10.0.0.1"), false);
        QVERIFY(goNext());
        QVERIFY(QTest::qWaitFor([this] { return child<QTableWidget>("hostKeys")->rowCount() == 2; }, 5000));
        QVERIFY2(!child<QCheckBox>("trustHostKeys")->isChecked(), "other keys: trusted again");
        QVERIFY(!nextEnabled());
    }

    void sandboxChoiceEndsTheWizard()
    {
        QSignalSpy sandbox(m_wizard.get(), &FirstRunWizard::sandboxRequested);
        QSignalSpy saved(m_wizard.get(), &FirstRunWizard::clusterSaved);
        child<QRadioButton>("trySandbox")->setChecked(true);
        QVERIFY(m_wizard->currentPage()->isFinalPage());
        QAbstractButton *finish = m_wizard->button(QWizard::FinishButton);
        QVERIFY(finish->isVisible() && finish->isEnabled());
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled() ||
                !m_wizard->button(QWizard::NextButton)->isVisible());
        finish->click();
        QCOMPARE(sandbox.size(), 1);
        QCOMPARE(saved.size(), 0);
        QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
        QVERIFY(m_backend->calls.isEmpty());
        QVERIFY(!QFile::exists(clusterPath()));

        // Choosing again goes on to the machines.
        FirstRunWizard again(clusterPath());
        again.findChild<QRadioButton *>(QStringLiteral("useMachines"))->setChecked(true);
        QVERIFY(!again.page(FirstRunWizard::StartPageId)->isFinalPage());
        QCOMPARE(again.page(FirstRunWizard::StartPageId)->nextId(), int(FirstRunWizard::DiscoverPageId));
    }

    // Where the sandbox cannot run (not root, not Linux) it is not offered: its choice is
    // disabled and the page says why; here (root on Linux, as CI runs) it is offered.
    void sandboxIsOfferedOnlyWhereItCanRun()
    {
        auto *sandbox = child<QRadioButton>("trySandbox");
        auto *why = child<QLabel>("sandboxUnavailable");
        QCOMPARE(sandbox->isEnabled(), bool(Sandbox::checkCanRun()));
        QCOMPARE(why->isHidden(), bool(Sandbox::checkCanRun()));

        auto *start = qobject_cast<StartPage *>(m_wizard->page(FirstRunWizard::StartPageId));
        QVERIFY(start);
        sandbox->setChecked(true);
        start->setSandboxUnavailable(QStringLiteral("The sandbox needs root: run it again with sudo."));
        QVERIFY(!sandbox->isEnabled());
        QVERIFY(!start->sandboxChosen());
        QVERIFY(!start->isFinalPage());
        QCOMPARE(start->nextId(), int(FirstRunWizard::DiscoverPageId));
        QVERIFY(!why->isHidden());
        QCOMPARE(why->text(), QStringLiteral("The sandbox needs root: run it again with sudo."));
    }

    // Before the deploy nothing is on the hosts: Cancel closes without a question.
    void cancelBeforeTheDeployAsksNothing()
    {
        auto confirmation = std::make_shared<Testing::ScriptedConfirmation>(false);
        m_wizard->setConfirmation(confirmation);
        walkToHostKeys();
        m_wizard->button(QWizard::CancelButton)->click();
        QCOMPARE(m_wizard->result(), int(QDialog::Rejected));
        QVERIFY(!m_wizard->isVisible());
        QVERIFY(confirmation->asked.isEmpty());
    }

    // Once the deploy page has put the cluster on the hosts (the lab test walks the real
    // deploy), Cancel and Esc ask, naming the unsaved file; "no" keeps the wizard open,
    // "yes" closes it without writing the file.
    void cancelAfterTheDeployAsksFirst()
    {
        auto keep = std::make_shared<Testing::ScriptedConfirmation>(false);
        m_wizard->setConfirmation(keep);
        m_wizard->markDeployStarted();
        m_wizard->button(QWizard::CancelButton)->click();
        QCOMPARE(keep->asked.size(), 1);
        QTest::qWait(50); // the answer arrives from the event loop
        QTest::keyClick(m_wizard.get(), Qt::Key_Escape);
        QCOMPARE(keep->asked.size(), 2);
        QTest::qWait(50);
        QVERIFY(keep->asked.first().contains(clusterPath()));
        QVERIFY(m_wizard->isVisible()); // result() is Rejected (0) until the wizard ends

        auto close = std::make_shared<Testing::ScriptedConfirmation>(true);
        m_wizard->setConfirmation(close);
        m_wizard->button(QWizard::CancelButton)->click();
        QVERIFY(QTest::qWaitFor([this] { return !m_wizard->isVisible(); }, 2000));
        QCOMPARE(close->asked.size(), 1);
        QCOMPARE(m_wizard->result(), int(QDialog::Rejected));
        QVERIFY(!QFile::exists(clusterPath()));
    }
};

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
