// SPDX-License-Identifier: GPL-3.0-or-later
// The Deploy view's log: a filter per host and Save log….
#include "ResultTesting.h"
#include "widgets/DeployLogPane.h"

#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

class TestDeployLogPane final : public QObject
{
    Q_OBJECT

private slots:
    // One host's lines, or all; Save log… keeps what is shown.
    void deployLogFiltersByHostAndSaves()
    {
        DeployLogPane pane;
        pane.setHosts({QStringLiteral("head"), QStringLiteral("node1")});
        pane.append(QStringLiteral("head"), QStringLiteral("updated compose.yml"));
        pane.append(QStringLiteral("node1"), QStringLiteral("loading slurm\nloaded slurm"));
        pane.append({}, QStringLiteral("docker save done"));
        pane.flush();
        const auto *log = pane.findChild<QPlainTextEdit *>(QStringLiteral("deployLog"));
        QCOMPARE(log->toPlainText(),
                 QStringLiteral("head: updated compose.yml\nnode1: loading slurm\nnode1: loaded "
                                "slurm\nlocal: docker save done"));

        auto *filter = pane.findChild<QComboBox *>(QStringLiteral("deployLogHost"));
        QCOMPARE(filter->count(), 3);
        filter->setCurrentIndex(filter->findText(QStringLiteral("node1")));
        QCOMPARE(pane.hostFilter(), QStringLiteral("node1"));
        QCOMPARE(log->toPlainText(), QStringLiteral("node1: loading slurm\nnode1: loaded slurm"));
        pane.append(QStringLiteral("head"), QStringLiteral("started slurmctld"));
        pane.append(QStringLiteral("node1"), QStringLiteral("started slurmd"));
        pane.flush();
        QCOMPARE(log->toPlainText(),
                 QStringLiteral("node1: loading slurm\nnode1: loaded slurm\nnode1: started slurmd"));
        QVERIFY(pane.text().contains(QStringLiteral("head: started slurmctld"))); // kept, not shown

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("node1.log"));
        SLURMDECK_VERIFY_OK(pane.save(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(),
                 QByteArray("node1: loading slurm\nnode1: loaded slurm\nnode1: started slurmd\n"));
        QVERIFY(!pane.save(dir.filePath(QStringLiteral("no/such/dir/x.log"))));

        // A new deploy's hosts keep the filter where the host is still there, else show all.
        pane.setHosts({QStringLiteral("head")});
        QCOMPARE(pane.hostFilter(), QString());
        QVERIFY(log->toPlainText().contains(QStringLiteral("head: started slurmctld")));
        QVERIFY(pane.findChild<QPushButton *>(QStringLiteral("saveDeployLog")));
    }
};

QTEST_MAIN(TestDeployLogPane)
#include "tst_deploylogpane.moc"
