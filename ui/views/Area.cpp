// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/Area.h"

#include <QCoreApplication>
#include <QIcon>

namespace SlurmDeck::Ui {

QList<Area> allAreas()
{
    return {Area::Overview, Area::Hosts, Area::Deploy,  Area::Services, Area::Nodes,
            Area::Jobs,     Area::Gpus,  Area::Metrics, Area::Problems};
}

QString areaTitle(Area area)
{
    switch (area) {
    case Area::Overview:
        return QCoreApplication::translate("Area", "Overview");
    case Area::Hosts:
        return QCoreApplication::translate("Area", "Hosts");
    case Area::Deploy:
        return QCoreApplication::translate("Area", "Deploy");
    case Area::Services:
        return QCoreApplication::translate("Area", "Services");
    case Area::Nodes:
        return QCoreApplication::translate("Area", "Nodes");
    case Area::Jobs:
        return QCoreApplication::translate("Area", "Jobs");
    case Area::Gpus:
        return QCoreApplication::translate("Area", "GPUs");
    case Area::Metrics:
        return QCoreApplication::translate("Area", "Metrics");
    case Area::Problems:
        return QCoreApplication::translate("Area", "Problems");
    }
    return {};
}

QString areaId(Area area)
{
    switch (area) {
    case Area::Overview:
        return QStringLiteral("overview");
    case Area::Hosts:
        return QStringLiteral("hosts");
    case Area::Deploy:
        return QStringLiteral("deploy");
    case Area::Services:
        return QStringLiteral("services");
    case Area::Nodes:
        return QStringLiteral("nodes");
    case Area::Jobs:
        return QStringLiteral("jobs");
    case Area::Gpus:
        return QStringLiteral("gpus");
    case Area::Metrics:
        return QStringLiteral("metrics");
    case Area::Problems:
        return QStringLiteral("problems");
    }
    return {};
}

QKeySequence areaShortcut(Area area)
{
    const int index = static_cast<int>(allAreas().indexOf(area));
    return QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + index)));
}

QIcon areaIcon(Area area)
{
    // The desktop's icon theme where it has an icon that means the area; otherwise, and for
    // the overview, GPUs and jobs (no theme name means them), SlurmDeck's own (resources/icons/areas).
    QString themeName;
    switch (area) {
    case Area::Hosts:
        themeName = QStringLiteral("computer");
        break;
    case Area::Deploy:
        themeName = QStringLiteral("system-software-install");
        break;
    case Area::Services:
        themeName = QStringLiteral("system-run");
        break;
    case Area::Nodes:
        themeName = QStringLiteral("network-server");
        break;
    case Area::Metrics:
        themeName = QStringLiteral("utilities-system-monitor");
        break;
    case Area::Problems:
        themeName = QStringLiteral("dialog-warning");
        break;
    case Area::Overview: // no theme name means a dashboard
    case Area::Jobs:
    case Area::Gpus:
        break;
    }
    const QIcon bundled(QStringLiteral(":/icons/areas/%1.svg").arg(areaId(area)));
    return themeName.isEmpty() ? bundled : QIcon::fromTheme(themeName, bundled);
}

QString areaWithShortcut(Area area)
{
    return QCoreApplication::translate("Area", "%1 (%2)")
        .arg(areaTitle(area), areaShortcut(area).toString(QKeySequence::NativeText));
}

} // namespace SlurmDeck::Ui
