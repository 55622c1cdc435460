// SPDX-License-Identifier: GPL-3.0-or-later
// The state of a cluster's services on a host, read from what `docker inspect` printed for
// the project's containers (captured from a real Docker): every planned service appears in
// plan order, absent ones included, followed by containers the plan does not have.
#include "deploy/ServiceTypes.h"

#include <QFile>
#include <QTest>

using namespace SlurmDeck;

class TestServiceStatus final : public QObject
{
    Q_OBJECT

private:
    static QByteArray fixture()
    {
        QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/services/docker-inspect.txt"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

private slots:
    void capturedInspectOutputGivesEachPlannedService()
    {
        const QByteArray output = fixture();
        QVERIFY(!output.isEmpty());
        const QStringList planned{QStringLiteral("slurmctld"), QStringLiteral("slurmd"),
                                  QStringLiteral("prometheus"), QStringLiteral("node-exporter")};
        const QList<ServiceStatus> services = parseServiceStates(output, planned);
        QCOMPARE(services.size(), 5);

        const ServiceStatus &controller = services.at(0);
        QCOMPARE(controller.service, QStringLiteral("slurmctld"));
        QVERIFY(controller.state == ServiceState::Running);
        QCOMPARE(controller.since, QDateTime(QDate(2026, 11, 25), QTime(22, 41, 40, 620), Qt::UTC));
        QCOMPARE(controller.health, QStringLiteral("healthy"));
        QVERIFY(controller.planned);

        const ServiceStatus &compute = services.at(1);
        QVERIFY(compute.state == ServiceState::Exited);
        QCOMPARE(compute.exitCode, 3);
        QCOMPARE(compute.since, QDateTime(QDate(2026, 11, 25), QTime(22, 41, 40, 955), Qt::UTC));
        QVERIFY(compute.health.isEmpty());

        QVERIFY(services.at(2).state == ServiceState::Created);
        QVERIFY(!services.at(2).since.isValid());

        QCOMPARE(services.at(3).service, QStringLiteral("node-exporter"));
        QVERIFY(services.at(3).state == ServiceState::Absent);
        QVERIFY(services.at(3).planned);

        QCOMPARE(services.at(4).service, QStringLiteral("oldservice"));
        QVERIFY(services.at(4).state == ServiceState::Running);
        QVERIFY(!services.at(4).planned);
    }

    void noContainersMeansEveryServiceAbsent()
    {
        const QList<ServiceStatus> services =
            parseServiceStates({}, {QStringLiteral("slurmd"), QStringLiteral("node-exporter")});
        QCOMPARE(services.size(), 2);
        for (const ServiceStatus &status : services)
            QVERIFY(status.state == ServiceState::Absent);
    }

    void aRunningContainerWinsOverAnOldOne()
    {
        const QByteArray output = "slurmd\texited\t2024-01-01T00:00:00Z\t2024-01-02T00:00:00Z\t137\t\n"
                                  "slurmd\trunning\t2023-12-31T00:00:00Z\t0001-01-01T00:00:00Z\t0\t\n"
                                  "garbage line\n\n";
        const QList<ServiceStatus> services = parseServiceStates(output, {QStringLiteral("slurmd")});
        QCOMPARE(services.size(), 1);
        QVERIFY(services.first().state == ServiceState::Running);
    }

    void dockerTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("nanoseconds") << QStringLiteral("2024-05-01T10:20:30.123456789Z")
                                     << QDateTime(QDate(2024, 5, 1), QTime(10, 20, 30, 123), Qt::UTC);
        QTest::newRow("one digit") << QStringLiteral("2024-05-01T10:20:30.5Z")
                                   << QDateTime(QDate(2024, 5, 1), QTime(10, 20, 30, 500), Qt::UTC);
        QTest::newRow("no fraction") << QStringLiteral("2024-05-01T10:20:30Z")
                                     << QDateTime(QDate(2024, 5, 1), QTime(10, 20, 30), Qt::UTC);
        QTest::newRow("offset") << QStringLiteral("2024-05-01T12:20:30.000000001+02:00")
                                << QDateTime(QDate(2024, 5, 1), QTime(10, 20, 30), Qt::UTC);
        QTest::newRow("zero time") << QStringLiteral("0001-01-01T00:00:00Z") << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
    }
    void dockerTimes()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(parseDockerTime(text), expected);
    }
};

QTEST_GUILESS_MAIN(TestServiceStatus)
#include "tst_servicestatus.moc"
