// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/PlanTreeModel.h"

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace SlurmDeck {
struct FileDiff;
}

namespace SlurmDeck::Ui {

// The right side of the plan: a host's summary (addresses, directory, compose project and
// files, services in start order) or one file's content, read-only and monospaced, with a
// second tab for the file's diff against the host's copy. A secret file is described,
// never shown: this widget only ever sees PlanTreeModel::File, whose content is empty for
// secrets, and diffs that carry no secret text. The diff is fetched by whoever owns the
// preview when it asks with diffRequested (the Diff tab is shown with a file selected).
class PlanPreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanPreview)

public:
    explicit PlanPreview(QWidget *parent = nullptr);

    void showHost(const HostPlan &host, const QList<PlanTreeModel::File> &files);
    void showFile(const QString &hostName, const PlanTreeModel::File &file);
    void clear();

    // The diff of the file shown: being fetched, fetched, or why it could not be.
    void showDiffPending(const QString &hostName, const QString &path);
    void showDiff(const QString &hostName, const QString &path, const SlurmDeck::FileDiff &diff);
    void showDiffError(const QString &hostName, const QString &path, const QString &message);
    // Brings the Diff tab to the front (asking for the diff of the file shown).
    void showDiffTab();
    // Asks for the shown file's diff again (the host's copy may have changed), when the
    // Diff tab is up; its "Compare again" button does this.
    void refreshDiff();

    [[nodiscard]] QString title() const;
    [[nodiscard]] QString text() const;
    [[nodiscard]] QString diffText() const;
    [[nodiscard]] bool isDiffTabShown() const;

signals:
    void diffRequested(const QString &hostName, const QString &path);

private:
    void requestDiffIfShown();

    QLabel *m_title;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_text;
    QPlainTextEdit *m_diff;
    QAction *m_compareAgain;
    QString m_hostName; // of the file shown; empty for a host or nothing
    QString m_path;
    bool m_diffAsked = false;     // for the file shown
    bool m_preferDiff = false;    // the user chose the Diff tab: files open on it
    bool m_switchingTabs = false; // our own tab changes are not the user's choice
};

} // namespace SlurmDeck::Ui
