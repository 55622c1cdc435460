// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ssh/HostKey.h"

#include <QDialog>

#include <optional>

namespace SlurmDeck::Ui {

// Asks whether to trust a host key seen for the first time. Shows the fingerprint and the
// command that prints it on the machine itself, so the user can compare before anything
// is sent. Reject is the default and what Esc does. Open it with open(); `decided` says
// the answer once, whichever way the dialog closes.
class HostKeyTrustDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostKeyTrustDialog)

public:
    explicit HostKeyTrustDialog(const HostKeyInfo &key, QWidget *parent = nullptr);

    [[nodiscard]] HostKeyDecision decision() const { return m_decision; }
    [[nodiscard]] QString fingerprintText() const;
    [[nodiscard]] QString verifyCommandText() const;

    // Test seam (like KeePassXC's MessageBox::setNextAnswer): the next dialog shown (the
    // next `times` dialogs) answers itself with `decision` right after it appears.
    // std::nullopt clears it.
    static void setNextDecisionForTesting(std::optional<HostKeyDecision> decision, int times = 1);

signals:
    void decided(SlurmDeck::HostKeyDecision decision);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void decide(HostKeyDecision decision);

    HostKeyDecision m_decision = HostKeyDecision::Reject;
    bool m_decided = false;
    static std::optional<HostKeyDecision> s_nextDecision;
    static int s_nextDecisionTimes;
};

} // namespace SlurmDeck::Ui
