// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace SlurmDeck::Ui {

// The log of one service: a title saying whose log it is, how many of the last lines to
// show (the tail), buttons for the view's Show and Follow actions, a filter (only the lines
// containing its text, any case; lines that arrive while following are filtered too), and the
// lines, read-only and monospaced. Keeps at most maxLines lines; older ones scroll away.
class ServiceLogPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceLogPane)

public:
    ServiceLogPane(QAction *show, QAction *follow, QWidget *parent = nullptr);

    static constexpr int maxLines = 20000;

    [[nodiscard]] int tailLines() const;
    void setTailLines(int lines);
    [[nodiscard]] QSpinBox *tailBox() const { return m_tail; }
    void setFilter(const QString &text);
    [[nodiscard]] QString filter() const;

    void setTitle(const QString &title);
    [[nodiscard]] QString title() const;
    void setLines(const QStringList &lines);
    void appendLines(const QStringList &lines);
    void clear();
    // What is shown (the lines the filter lets through).
    [[nodiscard]] QString text() const;
    [[nodiscard]] int lineCount() const;
    // Every line kept, whatever the filter.
    [[nodiscard]] const QStringList &allLines() const { return m_lines; }

private:
    [[nodiscard]] bool passes(const QString &line) const;
    void showFiltered();

    QLabel *m_title;
    QSpinBox *m_tail;
    QLineEdit *m_filter;
    QPlainTextEdit *m_text;
    QStringList m_lines;
};

} // namespace SlurmDeck::Ui
