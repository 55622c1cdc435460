// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by tst_slurmparsers.cpp (versions, host lists, values, nodes, partitions) and
// tst_slurmparsers_jobs.cpp (jobs, history, job details, scale, fuzzing): the fixtures and
// the test class.
#include "ResultTesting.h"
#include "slurm/SlurmQueries.h"
#include "slurm/SlurmText.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::SlurmQueries;

namespace SlurmParsersTest {

inline const QString dataDir = QStringLiteral(SLURMDECK_TEST_DATA_DIR "/slurm");

inline QByteArray fixture(const QString &version, const QString &name)
{
    QFile file(dataDir + u'/' + version + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline SlurmVersion versionOf(const QString &dir)
{
    const Result<SlurmVersion> version = parseVersion(fixture(dir, QStringLiteral("version.txt")));
    return version.value_or(SlurmVersion{});
}

template<typename T, typename Key>
const T *findBy(const QList<T> &items, Key key, const QString &value)
{
    for (const T &item : items) {
        if (item.*key == value)
            return &item;
    }
    return nullptr;
}

// Slurm's times, read as UTC (the controller container's zone).
inline QDateTime at(const char *iso)
{
    QDateTime time = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    time.setTimeSpec(Qt::UTC);
    return time;
}

// What differs between the 22.05 and the 24.11 capture (same scenario, other times).
struct Capture
{
    QString dir;
    QDateTime start7; // jobs 7 and 8 started
    QDateTime start9; // jobs 9, 10 and 13_1 started
    qint64 used7 = 0; // their run times when captured
    qint64 used9 = 0;
    QString arrayReason;
    qint64 freeMem = 0; // FreeMem of the nodes (node03's in `freeMem03`)
    qint64 freeMem03 = 0;
    double load = 0;
    double load03 = 0;
    double load06 = 0;              // the node that never answered: N/A in 22.05, 0.00 in 24.11
    QDateTime drained;              // node04's and node07's reason time
    QDateTime down;                 // node05's
    bool gresUsedOnAllNodes = true; // 24.11 omits GresUsed on nodes without GRES
    QList<QDateTime> ends;          // history end times of jobs 1..6
};

inline QList<Capture> captures()
{
    const auto t = [](const char *iso) {
        QDateTime time = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
        time.setTimeSpec(Qt::UTC);
        return time;
    };
    return {
        {QStringLiteral("22.05"),
         t("2026-11-25T22:24:55"),
         t("2026-11-25T22:24:55"),
         242,
         242,
         QStringLiteral("ReqNodeNotAvail, UnavailableNodes:node07"),
         16630,
         16630,
         4.70,
         4.70,
         -1.0,
         t("2026-11-25T22:24:57"),
         t("2026-11-25T22:24:57"),
         true,
         {t("2026-11-25T22:24:49"), t("2026-11-25T22:24:52"), t("2026-11-25T22:24:55"),
          t("2026-11-25T22:24:51"), t("2026-11-25T22:24:58"), t("2026-11-25T22:26:13")}},
        {QStringLiteral("24.11"),
         t("2026-11-25T22:46:55"),
         t("2026-11-25T22:46:58"),
         82,
         79,
         QStringLiteral("ReqNodeNotAvail, May be reserved for other job"),
         13754,
         13853,
         3.92,
         3.87,
         0.0,
         t("2026-11-25T22:46:58"),
         t("2026-11-25T22:46:59"),
         false,
         {t("2026-11-25T22:46:52"), t("2026-11-25T22:46:55"), t("2026-11-25T22:46:58"),
          t("2026-11-25T22:46:52"), t("2026-11-25T22:47:01"), t("2026-11-25T22:48:16")}},
    };
}

inline QByteArray rowName(const Capture &c, const char *what)
{
    return (c.dir + u' ' + QString::fromLatin1(what)).toUtf8();
}

inline const QString unitSeparator = QString(QChar(0x1f));
inline const QString recordSeparator = QString(QChar(0x1e));

} // namespace SlurmParsersTest

using namespace SlurmParsersTest;

class TestSlurmParsers final : public QObject
{
    Q_OBJECT

private slots:
    void version_data();
    void version();
    void queriesMatchTheCapturedOnes_data();
    void queriesMatchTheCapturedOnes();
    void hostList_data();
    void hostList();
    void fuzzRegressions_data();
    void fuzzRegressions();
    void slurmValues_data();
    void slurmValues();
    void keyValuesKeepFreeText();
    void nodes_data();
    void nodes();
    void partitions_data();
    void partitions();
    void jobs_data();
    void jobs();
    void history_data();
    void history();
    void jobDetails_data();
    void jobDetails();
    void scaleSample();
    void pendingReasonsAreExplained();
    void unreadableOutputIsAnError();
    void brokenLinesAreSkippedAndCounted();
    void fuzz_data();
    void fuzz();
    void randomBytes();
};
