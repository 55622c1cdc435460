// SPDX-License-Identifier: GPL-3.0-or-later
// Problem and success messages follow the palette: a light base gets the darker red and
// green, a dark base (dark mode) the lighter ones, so notices stay readable. The state
// colours of the small tables (verification checks, discovered hosts) do the same.
#include "models/DiscoveredHostsModel.h"
#include "models/VerificationChecksModel.h"
#include "widgets/MessageStyle.h"

#include <QApplication>
#include <QPalette>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

class TestMessageStyle final : public QObject
{
    Q_OBJECT

    static void usePalette(const QColor &base, const QColor &text)
    {
        QPalette palette = QApplication::palette();
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::Window, base);
        palette.setColor(QPalette::Text, text);
        palette.setColor(QPalette::WindowText, text);
        QApplication::setPalette(palette);
    }

private slots:
    void followsThePalette()
    {
        usePalette(Qt::white, Qt::black);
        QCOMPARE(MessageStyle::problem(), QStringLiteral("color: #c01c28;"));
        QCOMPARE(MessageStyle::success(), QStringLiteral("color: #26a269;"));
        QCOMPARE(MessageStyle::problem(true), QStringLiteral("color: #c01c28; font-weight: bold;"));
        usePalette(QColor(0x24, 0x24, 0x24), Qt::white);
        QCOMPARE(MessageStyle::problem(), QStringLiteral("color: #f66151;"));
        QCOMPARE(MessageStyle::success(), QStringLiteral("color: #8ff0a4;"));
    }

    void tableStatesFollowThePalette()
    {
        VerificationChecksModel checks;
        checks.setChecks({VerificationCheck{QStringLiteral("slurmctld answers"), true, {}, {}},
                          VerificationCheck{QStringLiteral("every node idle"), false, {}, {}}});
        DiscoveredHostsModel hosts;
        DiscoveredHost found;
        found.target = QStringLiteral("gpu-box");
        found.status = DiscoveredHost::Status::Unreachable;
        hosts.upsert(found);
        const auto colours = [&] {
            return QList<QColor>{
                checks.data(checks.index(0, VerificationChecksModel::ResultColumn), Qt::ForegroundRole)
                    .value<QColor>(),
                checks.data(checks.index(1, VerificationChecksModel::ResultColumn), Qt::ForegroundRole)
                    .value<QColor>(),
                hosts.data(hosts.index(0, DiscoveredHostsModel::StatusColumn), Qt::ForegroundRole)
                    .value<QColor>()};
        };
        usePalette(Qt::white, Qt::black);
        for (const QColor &colour : colours())
            QVERIFY2(colour.isValid() && colour.lightness() < 128, qPrintable(colour.name()));
        usePalette(QColor(0x24, 0x24, 0x24), Qt::white);
        for (const QColor &colour : colours())
            QVERIFY2(colour.isValid() && colour.lightness() >= 128, qPrintable(colour.name()));
    }
};

QTEST_MAIN(TestMessageStyle)
#include "tst_messagestyle.moc"
