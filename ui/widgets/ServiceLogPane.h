// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace SlurmDeck::Ui {

// The log of one service: a title saying whose log it is, how many of the last lines to
// show (the tail), buttons for the view's Show and Follow actions, and the lines, read-only
// and monospaced. Keeps at most maxLines lines; older ones scroll away.
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

    void setTitle(const QString &title);
    [[nodiscard]] QString title() const;
    void setLines(const QStringList &lines);
    void appendLines(const QStringList &lines);
    void clear();
    [[nodiscard]] QString text() const;
    [[nodiscard]] int lineCount() const;

private:
    QLabel *m_title;
    QSpinBox *m_tail;
    QPlainTextEdit *m_text;
};

} // namespace SlurmDeck::Ui
