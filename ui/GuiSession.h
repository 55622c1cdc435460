// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>

namespace SlurmDeck {
class ClusterDocument;
class ClusterSession;
} // namespace SlurmDeck

class QWidget;

namespace SlurmDeck::Ui {

// The GUI's session on `document`'s cluster (following its edits), owned by `owner`: host
// keys asked in a trust dialog over `owner`, passphrases and passwords from the OS keychain,
// else asked in a dialog. The main window makes one and gives it to every view; a view on its
// own (the first-run wizard's) makes its own.
[[nodiscard]] ClusterSession *makeGuiSession(const ClusterDocument *document, QWidget *owner);

// A view's session: its own (makeGuiSession over its document) until set() gives it the
// window's, which it does not own.
class ViewSession
{
public:
    ViewSession(const ClusterDocument *document, QWidget *owner);

    // Answers to calls made through the one replaced go to their own context (the view), not to it.
    void set(ClusterSession *session);
    [[nodiscard]] ClusterSession *get() const { return m_session; }
    ClusterSession *operator->() const { return m_session; }
    explicit operator bool() const { return m_session != nullptr; }
    // Its trust dialogs' questions are answered "no" (the view closes or cancels).
    void rejectHostKeyQuestions() const;

private:
    QPointer<ClusterSession> m_session;
    bool m_owned = true;
};

} // namespace SlurmDeck::Ui
