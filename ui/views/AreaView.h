// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/Area.h"

#include <QWidget>

class QVBoxLayout;
class QStackedLayout;

namespace SlurmDeck::Ui {

class EmptyStatePanel;

// Base of the six area views: a title line, then either the area's content or, while
// there is nothing to show, an empty-state panel that says what to do.
class AreaView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AreaView)

public:
    ~AreaView() override = default;

    [[nodiscard]] Area area() const { return m_area; }
    [[nodiscard]] EmptyStatePanel *emptyState() const { return m_emptyState; }

protected:
    AreaView(Area area, QWidget *parent);

    // Subclasses add their content widget here; it is shown instead of the empty state
    // once showContent() is called.
    void setContent(QWidget *content);
    void showContent(bool show);
    // A row above the content for the area's own controls (filters, ranges, actions).
    [[nodiscard]] QVBoxLayout *headerLayout() const { return m_headerLayout; }

private:
    Area m_area;
    QVBoxLayout *m_headerLayout;
    QStackedLayout *m_stack;
    EmptyStatePanel *m_emptyState;
    QWidget *m_content = nullptr;
};

} // namespace SlurmDeck::Ui
