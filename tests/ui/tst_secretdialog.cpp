// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiSecretAsker.h"
#include "dialogs/SecretDialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;

class TestSecretDialog final : public QObject
{
    Q_OBJECT

private slots:
    void typedSecretAndRememberChoiceAreAnswered()
    {
        SecretDialog dialog({CredentialRequest::Kind::KeyPassphrase,
                             QStringLiteral("root@primary"),
                             QStringLiteral("/home/me/.ssh/id_ed25519"),
                             {}});
        QSignalSpy answered(&dialog, &SecretDialog::answered);
        dialog.open();
        auto *secret = dialog.findChild<QLineEdit *>(QStringLiteral("secret"));
        auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("remember"));
        QVERIFY(secret && remember);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QVERIFY2(!remember->isChecked(), "keeping a secret must be the user's choice");
        QTest::keyClicks(secret, QStringLiteral("correct horse"));
        remember->setChecked(true);
        dialog.accept();
        QCOMPARE(answered.count(), 1);
        const auto answer = answered.first().first().value<std::optional<SecretAnswer>>();
        QVERIFY(answer);
        QCOMPARE(answer->secret, QStringLiteral("correct horse"));
        QVERIFY(answer->remember);
        QVERIFY2(secret->text().isEmpty(), "the field is cleared once answered");
    }

    void cancelMeansNoSecret()
    {
        SecretDialog dialog({CredentialRequest::Kind::Password, QStringLiteral("admin@nas1"), {}, {}});
        QSignalSpy answered(&dialog, &SecretDialog::answered);
        dialog.open();
        QVERIFY(dialog.windowTitle().contains(QStringLiteral("admin@nas1")));
        dialog.reject();
        QCOMPARE(answered.count(), 1);
        QVERIFY(!answered.first().first().value<std::optional<SecretAnswer>>());
    }

    void guiAskerAnswersThroughTheDialogWithoutBlocking()
    {
        QWidget parent;
        GuiSecretAsker asker(&parent);
        SecretDialog::setNextAnswerForTesting(
            std::optional<SecretAnswer>(SecretAnswer{QStringLiteral("pw"), false}));
        std::optional<std::optional<SecretAnswer>> received;
        asker.askUser({CredentialRequest::Kind::Password, QStringLiteral("a@b"), {}, {}},
                      [&received](std::optional<SecretAnswer> answer) { received = answer; });
        QVERIFY2(!received, "askUser returns at once; the dialog answers later");
        QTRY_VERIFY(received.has_value());
        QVERIFY(received->has_value());
        QCOMPARE((*received)->secret, QStringLiteral("pw"));
    }
};

QTEST_MAIN(TestSecretDialog)
#include "tst_secretdialog.moc"
