// SPDX-License-Identifier: GPL-3.0-or-later
// Problem and success messages follow the palette: a light base gets the darker red and
// green, a dark base (dark mode) the lighter ones, so notices stay readable.
#include "widgets/MessageStyle.h"

#include <QApplication>
#include <QPalette>
#include <QTest>

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
};

QTEST_MAIN(TestMessageStyle)
#include "tst_messagestyle.moc"
