// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Result.h"

#include <QTest>

#include <memory>

using namespace SlurmDeck;

class TestResult final : public QObject
{
    Q_OBJECT

private slots:
    void valueIsReturned()
    {
        const Result<int> result = 42;
        QVERIFY(result.has_value());
        QVERIFY(static_cast<bool>(result));
        QCOMPARE(*result, 42);
        QCOMPARE(result.value_or(7), 42);
    }

    void errorIsReturned()
    {
        const Result<int> result =
            makeError(Error::Code::NotFound, QStringLiteral("No such host"), QStringLiteral("nas9"));
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, Error::Code::NotFound);
        QCOMPARE(result.error().toString(), QStringLiteral("No such host (nas9)"));
        QCOMPARE(result.value_or(7), 7);
    }

    void errorWithoutDetailPrintsMessageOnly()
    {
        const Error error = makeError(Error::Code::Timeout, QStringLiteral("Timed out"));
        QCOMPARE(error.toString(), QStringLiteral("Timed out"));
    }

    void moveOnlyValuesWork()
    {
        Result<std::unique_ptr<int>> result = std::make_unique<int>(5);
        QVERIFY(result.has_value());
        std::unique_ptr<int> taken = std::move(result).value();
        QCOMPARE(*taken, 5);
    }

    void voidResult()
    {
        const Result<void> ok;
        QVERIFY(ok.has_value());
        const Result<void> failed = makeError(Error::Code::Io, QStringLiteral("disk full"));
        QVERIFY(!failed.has_value());
        QCOMPARE(failed.error().code, Error::Code::Io);
    }
};

QTEST_APPLESS_MAIN(TestResult)
#include "tst_result.moc"
