#pragma once

#include "views/Area.h"

#include <QHash>
#include <QMainWindow>

class QActionGroup;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace SlurmDeck::Ui {

class AreaView;

// The shell: navigation on the left, one view per area on the right, a status bar.
// It hosts views; each view owns its widgets and models.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void showArea(Area area);
    [[nodiscard]] Area currentArea() const;
    [[nodiscard]] AreaView *view(Area area) const;

public slots:
    void showAbout();

private:
    void createMenus();
    void addArea(AreaView *view);

    QListWidget *m_navigation;
    QStackedWidget *m_views;
    QActionGroup *m_areaActions;
    QLabel *m_clusterStatus;
    QHash<Area, AreaView *> m_viewByArea;
};

} // namespace SlurmDeck::Ui
