// SPDX-License-Identifier: GPL-3.0-or-later
// The unified diff `plan --diff` prints, checked against what GNU diff -u prints for the
// same inputs (diff -u --label a --label b).
#include "plan/UnifiedDiff.h"

#include <QTest>

using namespace SlurmDeck;

namespace {

// "1\n2\n...\nN\n" with some lines replaced.
QByteArray numbers(int count, const QHash<int, QByteArray> &replaced = {})
{
    QByteArray text;
    for (int i = 1; i <= count; ++i)
        text += replaced.value(i, QByteArray::number(i)) + '\n';
    return text;
}

} // namespace

class TestUnifiedDiff final : public QObject
{
    Q_OBJECT

private slots:
    void matchesDiffU_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QString>("expected");

        QTest::newRow("equal") << numbers(10) << numbers(10) << QString();
        QTest::newRow("changed line")
            << numbers(10) << numbers(10, {{5, "four"}})
            << QStringLiteral("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+four\n 6\n"
                              " 7\n 8\n");
        QTest::newRow("inserted first")
            << numbers(10) << QByteArray("zero\n") + numbers(10)
            << QStringLiteral("--- a\n+++ b\n@@ -1,3 +1,4 @@\n+zero\n 1\n 2\n 3\n");
        QTest::newRow("deleted last")
            << numbers(10) << numbers(8)
            << QStringLiteral("--- a\n+++ b\n@@ -6,5 +6,3 @@\n 6\n 7\n 8\n-9\n-10\n");
        QTest::newRow("newline removed")
            << QByteArray("1\n2\n3\n") << QByteArray("1\n2\n3")
            << QStringLiteral(
                   "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n 2\n-3\n+3\n\\ No newline at end of file\n");
        QTest::newRow("newline added")
            << QByteArray("1\n2\n3") << QByteArray("1\n2\n3\n")
            << QStringLiteral(
                   "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n 2\n-3\n\\ No newline at end of file\n+3\n");
        QTest::newRow("new file") << QByteArray() << QByteArray("a\nb\n")
                                  << QStringLiteral("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n");
        QTest::newRow("two hunks") << numbers(20) << numbers(20, {{2, "two"}, {19, "nineteen"}})
                                   << QStringLiteral(
                                          "--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
                                          "@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
        QTest::newRow("close changes, one hunk")
            << numbers(20) << numbers(20, {{5, "five"}, {11, "eleven"}})
            << QStringLiteral("--- a\n+++ b\n@@ -2,13 +2,13 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n"
                              "-11\n+eleven\n 12\n 13\n 14\n");
    }
    void matchesDiffU()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QString, expected);
        QCOMPARE(unifiedDiff(before, after, QStringLiteral("a"), QStringLiteral("b")), expected);
    }

    void hugeInputsStayBounded()
    {
        const QByteArray before = numbers(5000);
        const QByteArray after = numbers(5000, {{2500, "changed"}});
        const QString diff = unifiedDiff(before, after, QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY(diff.startsWith(QStringLiteral("--- a\n+++ b\n@@ -1,5000 +1,5000 @@\n")));
        QVERIFY(diff.contains(QStringLiteral("\n+changed\n")));
    }
};

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"
