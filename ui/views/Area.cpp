// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/Area.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyle>

namespace SlurmDeck::Ui {

QList<Area> allAreas()
{
    return {Area::Hosts, Area::Deploy, Area::Services, Area::Nodes,
            Area::Jobs,  Area::Gpus,   Area::Metrics,  Area::Problems};
}

QString areaTitle(Area area)
{
    switch (area) {
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
    const QStyle *style = QApplication::style();
    switch (area) {
    case Area::Hosts:
        return style->standardIcon(QStyle::SP_ComputerIcon);
    case Area::Deploy:
        return style->standardIcon(QStyle::SP_MediaPlay);
    case Area::Services:
        return style->standardIcon(QStyle::SP_BrowserReload);
    case Area::Nodes:
        return style->standardIcon(QStyle::SP_DriveNetIcon);
    case Area::Jobs:
        return style->standardIcon(QStyle::SP_FileDialogDetailedView);
    case Area::Gpus:
        return style->standardIcon(QStyle::SP_DriveHDIcon);
    case Area::Metrics:
        return style->standardIcon(QStyle::SP_FileDialogInfoView);
    case Area::Problems:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    return {};
}

} // namespace SlurmDeck::Ui
