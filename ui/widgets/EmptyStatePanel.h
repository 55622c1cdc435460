// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace SlurmDeck::Ui {

// What an area shows while it has nothing to show: a headline and a sentence that says
// what will appear here and what to do to get there.
class EmptyStatePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStatePanel)

public:
    explicit EmptyStatePanel(QWidget *parent = nullptr);

    void setHeadline(const QString &headline);
    void setExplanation(const QString &explanation);

    [[nodiscard]] QString headline() const;
    [[nodiscard]] QString explanation() const;

private:
    QLabel *m_headline;
    QLabel *m_explanation;
};

} // namespace SlurmDeck::Ui
