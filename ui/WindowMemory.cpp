// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowMemory.h"

#include "common/AppPaths.h"

#include <QFileInfo>
#include <QSettings>

namespace SlurmDeck::Ui {

namespace {

const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
const QString recentKey = QStringLiteral("clusters/recent");
const QString widgetsGroup = QStringLiteral("widgets");

} // namespace

WindowMemory::WindowMemory(QString file) : m_file(std::move(file))
{}

QString WindowMemory::defaultFile()
{
    return AppPaths::configDirectory() + QStringLiteral("/slurmdeck-gui.ini");
}

QByteArray WindowMemory::geometry() const
{
    return QSettings(m_file, QSettings::IniFormat).value(geometryKey).toByteArray();
}

QByteArray WindowMemory::windowState() const
{
    return QSettings(m_file, QSettings::IniFormat).value(stateKey).toByteArray();
}

void WindowMemory::setLayout(const QByteArray &geometry, const QByteArray &windowState)
{
    QSettings settings(m_file, QSettings::IniFormat);
    settings.setValue(geometryKey, geometry);
    settings.setValue(stateKey, windowState);
}

QHash<QString, QByteArray> WindowMemory::widgetStates() const
{
    QSettings settings(m_file, QSettings::IniFormat);
    settings.beginGroup(widgetsGroup);
    QHash<QString, QByteArray> states;
    for (const QString &key : settings.allKeys())
        states.insert(key, settings.value(key).toByteArray());
    return states;
}

void WindowMemory::setWidgetStates(const QHash<QString, QByteArray> &states)
{
    QSettings settings(m_file, QSettings::IniFormat);
    settings.beginGroup(widgetsGroup);
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        settings.setValue(it.key(), it.value());
}

QStringList WindowMemory::recentClusters() const
{
    QStringList existing;
    for (const QString &path : QSettings(m_file, QSettings::IniFormat).value(recentKey).toStringList()) {
        if (QFileInfo(path).isFile() && !existing.contains(path))
            existing << path;
    }
    return existing.mid(0, maxRecent);
}

void WindowMemory::noteClusterOpened(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo(absolute).isFile())
        return; // a new cluster not saved yet
    QSettings settings(m_file, QSettings::IniFormat);
    QStringList recent = settings.value(recentKey).toStringList();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    settings.setValue(recentKey, recent.mid(0, maxRecent));
}

void WindowMemory::clearRecentClusters()
{
    QSettings(m_file, QSettings::IniFormat).remove(recentKey);
}

} // namespace SlurmDeck::Ui
