#pragma once

#include "common/Result.h"
#include "views/Area.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class QActionGroup;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace SlurmDeck {
class ClusterDocument;
}

namespace SlurmDeck::Ui {

class AreaView;
class Confirmation;
class DeployView;
class HostsView;
class ServicesView;

// The shell: navigation on the left, one view per area on the right, a status bar.
// It hosts views; each view owns its widgets and models. The window owns the open
// cluster (a ClusterDocument) that the views share, and shows its name and unsaved state
// in the title; closing with unsaved changes asks first.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void showArea(Area area);
    [[nodiscard]] Area currentArea() const;
    [[nodiscard]] AreaView *view(Area area) const;
    [[nodiscard]] HostsView *hostsView() const { return m_hostsView; }
    [[nodiscard]] DeployView *deployView() const { return m_deployView; }
    [[nodiscard]] ServicesView *servicesView() const { return m_servicesView; }
    [[nodiscard]] ClusterDocument *clusterDocument() const { return m_document; }

    // Opens a cluster file; a bad file leaves the diagnostics listed in the Hosts view.
    Result<void> openCluster(const QString &path);
    // How "are you sure?" is asked, here and in the views.
    void setConfirmation(std::shared_ptr<Confirmation> confirmation);

public slots:
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void addArea(AreaView *view);
    void updateClusterState();

    QListWidget *m_navigation;
    QStackedWidget *m_views;
    QActionGroup *m_areaActions;
    QLabel *m_clusterStatus;
    QHash<Area, AreaView *> m_viewByArea;
    ClusterDocument *m_document;
    HostsView *m_hostsView = nullptr;
    DeployView *m_deployView = nullptr;
    ServicesView *m_servicesView = nullptr;
    bool m_closeConfirmed = false;
};

} // namespace SlurmDeck::Ui
