// SPDX-License-Identifier: GPL-3.0-or-later
// The host-key dialog (fingerprint, verify command, its buttons) and the GUI host-key prompt:
// answering worker threads without ever blocking the GUI thread, rejecting what nobody will
// answer, and prompts sharing the window's queue (one dialog at a time, each rejecting only
// its own questions).
#include "GuiHostKeyPrompt.h"
#include "dialogs/HostKeyTrustDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <future>
#include <optional>
#include <thread>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

Q_DECLARE_METATYPE(SlurmDeck::HostKeyDecision)

namespace {

HostKeyInfo someKey()
{
    return HostKeyInfo{QStringLiteral("10.0.0.5"), 2222, QStringLiteral("ssh-ed25519"),
                       QStringLiteral("SHA256:abcDEF0123456789abcDEF0123456789abcDEF01234"), QString()};
}

// Counts host-key dialogs as they appear and disappear, however briefly.
class TrustDialogCounter final : public QObject
{
public:
    int shown = 0;
    int visible = 0;
    int mostAtOnce = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!qobject_cast<HostKeyTrustDialog *>(watched))
            return false;
        if (event->type() == QEvent::Show) {
            ++shown;
            mostAtOnce = std::max(mostAtOnce, ++visible);
        } else if (event->type() == QEvent::Hide) {
            --visible;
        }
        return false;
    }
};

QList<HostKeyTrustDialog *> visibleTrustDialogs()
{
    QList<HostKeyTrustDialog *> dialogs;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<HostKeyTrustDialog *>(widget); dialog && dialog->isVisible())
            dialogs.append(dialog);
    }
    return dialogs;
}

} // namespace

class TestHostKeyPrompt final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { HostKeyTrustDialog::setNextDecisionForTesting(std::nullopt); }

    void trustDialogShowsFingerprintAndVerifyCommand()
    {
        HostKeyTrustDialog dialog(someKey());
        QCOMPARE(dialog.fingerprintText(), someKey().fingerprint);
        QCOMPARE(dialog.verifyCommandText(),
                 QStringLiteral("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"));
        QVERIFY(dialog.windowTitle().contains(QStringLiteral("[10.0.0.5]:2222")));
        auto *fingerprint = dialog.findChild<QLineEdit *>(QStringLiteral("hostKeyFingerprint"));
        QVERIFY(fingerprint->isReadOnly());
        QVERIFY(fingerprint->font().fixedPitch() || fingerprint->font().styleHint() == QFont::Monospace ||
                fingerprint->font().family().contains(QStringLiteral("Mono"), Qt::CaseInsensitive));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("hostKeyIntro"))
                    ->text()
                    .contains(QStringLiteral("Nothing")));
        auto *reject = dialog.findChild<QPushButton *>(QStringLiteral("rejectKey"));
        QVERIFY(reject->isDefault());
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("trustOnce")));
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("trustAndRemember")));

        dialog.findChild<QPushButton *>(QStringLiteral("copyVerifyCommand"))->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.verifyCommandText());

        QSignalSpy decided(&dialog, &HostKeyTrustDialog::decided);
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(decided.count(), 1);
        QCOMPARE(decided.first().first().value<HostKeyDecision>(), HostKeyDecision::Reject);
    }

    void trustDialogButtonsDecide_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<HostKeyDecision>("decision");
        QTest::newRow("remember") << QStringLiteral("trustAndRemember") << HostKeyDecision::AcceptAndRemember;
        QTest::newRow("once") << QStringLiteral("trustOnce") << HostKeyDecision::AcceptOnce;
        QTest::newRow("reject") << QStringLiteral("rejectKey") << HostKeyDecision::Reject;
    }
    void trustDialogButtonsDecide()
    {
        QFETCH(QString, button);
        QFETCH(HostKeyDecision, decision);
        HostKeyTrustDialog dialog(someKey());
        QSignalSpy decided(&dialog, &HostKeyTrustDialog::decided);
        dialog.open();
        dialog.findChild<QPushButton *>(button)->click();
        QCOMPARE(decided.count(), 1);
        QCOMPARE(decided.first().first().value<HostKeyDecision>(), decision);
        QCOMPARE(dialog.decision(), decision);
        QVERIFY(!dialog.isVisible());
    }

    void promptAnswersAWorkerThreadWithoutBlockingTheGuiThread()
    {
        auto prompt = std::make_shared<GuiHostKeyPrompt>(nullptr);
        HostKeyTrustDialog::setNextDecisionForTesting(HostKeyDecision::AcceptOnce, 2);

        TrustDialogCounter counter;
        qApp->installEventFilter(&counter);
        int ticks = 0;
        QTimer timer;
        timer.setInterval(1);
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start();

        // Two parallel discoveries ask at once; each worker waits for its own answer.
        std::atomic<int> answers{0};
        std::atomic<bool> allAccepted{true};
        const auto ask = [&](HostKeyInfo key) {
            std::promise<HostKeyDecision> promise;
            std::future<HostKeyDecision> future = promise.get_future();
            prompt->askAboutUnknownKey(key, [&promise](HostKeyDecision d) { promise.set_value(d); });
            if (future.get() != HostKeyDecision::AcceptOnce)
                allAccepted = false;
            ++answers;
        };
        HostKeyInfo second = someKey();
        second.host = QStringLiteral("10.0.0.6");
        std::thread first(ask, someKey());
        std::thread other(ask, second);

        const int ticksBefore = ticks;
        QTRY_COMPARE_WITH_TIMEOUT(answers.load(), 2, 10000);
        first.join();
        other.join();
        QVERIFY(allAccepted);
        QVERIFY2(ticks - ticksBefore > 2, qPrintable(QString::number(ticks - ticksBefore)));
        QCOMPARE(counter.shown, 2);
        QCOMPARE(counter.mostAtOnce, 1); // one question at a time
    }

    void droppedPromptRejectsWaitingQuestions()
    {
        auto prompt = std::make_shared<GuiHostKeyPrompt>(nullptr);
        std::promise<HostKeyDecision> promise;
        std::future<HostKeyDecision> future = promise.get_future();
        std::thread worker([prompt, &promise]() mutable {
            prompt->askAboutUnknownKey(someKey(), [&promise](HostKeyDecision d) { promise.set_value(d); });
            prompt.reset();
        });
        worker.join();
        QTRY_VERIFY(!visibleTrustDialogs().isEmpty());
        prompt->rejectAll(); // e.g. the discovery dialog closed
        QCOMPARE(future.wait_for(std::chrono::seconds(5)), std::future_status::ready);
        QCOMPARE(future.get(), HostKeyDecision::Reject);
        QTRY_VERIFY(visibleTrustDialogs().isEmpty());
    }

    // The window's prompt and the Discover dialog's share one queue: one trust dialog at a
    // time, each parented to whoever asked; closing the dialog rejects its own questions and
    // leaves the window's (asked first, still open) alone.
    void sharedPromptRejectsOnlyItsOwnQuestions()
    {
        QWidget window;
        auto windowPrompt = std::make_shared<GuiHostKeyPrompt>(&window);
        auto *dialog = new QWidget(&window, Qt::Dialog);
        auto dialogPrompt = GuiHostKeyPrompt::sharing(*windowPrompt, dialog);
        std::optional<HostKeyDecision> windowAnswer;
        std::optional<HostKeyDecision> dialogAnswer;
        windowPrompt->askAboutUnknownKey(someKey(), [&](HostKeyDecision d) { windowAnswer = d; });
        HostKeyInfo other = someKey();
        other.host = QStringLiteral("10.0.0.7");
        dialogPrompt->askAboutUnknownKey(other, [&](HostKeyDecision d) { dialogAnswer = d; });
        QTRY_COMPARE(visibleTrustDialogs().size(), 1); // one at a time
        QCOMPARE(visibleTrustDialogs().first()->parentWidget(), &window);

        dialogPrompt->rejectAll(); // the Discover dialog closes
        QTRY_VERIFY(dialogAnswer.has_value());
        QCOMPARE(*dialogAnswer, HostKeyDecision::Reject);
        QVERIFY(!windowAnswer.has_value());
        QCOMPARE(visibleTrustDialogs().size(), 1); // the window's question is still asked

        // The other way round: the dialog's question shows, parented to the dialog, once the
        // window's is answered; the window rejecting its own leaves it open.
        dialogAnswer.reset();
        dialogPrompt->askAboutUnknownKey(other, [&](HostKeyDecision d) { dialogAnswer = d; });
        QTest::qWait(50);
        windowPrompt->rejectAll();
        QTRY_VERIFY(windowAnswer.has_value());
        QCOMPARE(*windowAnswer, HostKeyDecision::Reject);
        QTRY_COMPARE(visibleTrustDialogs().size(), 1);
        QCOMPARE(visibleTrustDialogs().first()->parentWidget(), dialog);
        QVERIFY(!dialogAnswer.has_value());

        // The asking dialog goes away with its trust dialog open: rejected, nothing stuck.
        delete dialog;
        QTRY_VERIFY(dialogAnswer.has_value());
        QCOMPARE(*dialogAnswer, HostKeyDecision::Reject);
        std::optional<HostKeyDecision> later;
        windowPrompt->askAboutUnknownKey(someKey(), [&](HostKeyDecision d) { later = d; });
        QTRY_COMPARE(visibleTrustDialogs().size(), 1);
        windowPrompt->rejectAll();
        QTRY_VERIFY(later.has_value());
    }
};

QTEST_MAIN(TestHostKeyPrompt)
#include "tst_hostkeyprompt.moc"
