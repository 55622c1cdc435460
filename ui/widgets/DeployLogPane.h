// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QList>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace SlurmDeck::Ui {

// A deploy's live log: "host: line" for every host, or one host's lines (the filter above
// it), and Save log… to keep what is shown. Lines arriving in bursts are shown together at
// most every 100 ms; the oldest scroll away past maxLines.
class DeployLogPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployLogPane)

public:
    explicit DeployLogPane(QWidget *parent = nullptr);
    ~DeployLogPane() override;

    // The hosts the filter offers, besides "All hosts"; the log is kept.
    void setHosts(const QStringList &hosts);
    // A line (or several, '\n'-separated) from `host`; empty host: this machine.
    void append(const QString &host, const QString &line);
    void clear();
    // Shows only `host`'s lines; empty: every host's.
    void setHostFilter(const QString &host);
    [[nodiscard]] QString hostFilter() const;

    // Every line, "host: line", whatever the filter.
    [[nodiscard]] QString text() const;
    // What the filter shows.
    [[nodiscard]] QString shownText() const;
    // Writes what is shown to `path`, replacing it whole or not at all.
    [[nodiscard]] Result<void> save(const QString &path) const;

    static constexpr int maxLines = 5000;

public slots:
    void flush();

private:
    struct Line
    {
        QString host;
        QString text;
    };
    [[nodiscard]] bool shows(const Line &line) const;
    [[nodiscard]] static QString format(const Line &line);
    void rebuild();
    void chooseFile();

    QList<Line> m_lines;   // shown or not, oldest first
    qsizetype m_shown = 0; // m_lines before this index are in the text view
    QTimer m_flush;
    QComboBox *m_filter;
    QPushButton *m_save;
    QLabel *m_status;
    QPlainTextEdit *m_view;
};

} // namespace SlurmDeck::Ui
