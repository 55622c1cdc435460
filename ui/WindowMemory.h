// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace SlurmDeck::Ui {

// What the GUI remembers between runs, in an INI file (by default
// ~/.config/SlurmDeck/slurmdeck-gui.ini): the main window's geometry and layout, its splitters'
// sizes and its tables' column layouts, and the cluster files opened last, most recent first.
// Nothing secret goes in it.
class WindowMemory final
{
public:
    static constexpr int maxRecent = 8;

    explicit WindowMemory(QString file = defaultFile());

    [[nodiscard]] static QString defaultFile();
    [[nodiscard]] QString file() const { return m_file; }

    [[nodiscard]] QByteArray geometry() const;
    [[nodiscard]] QByteArray windowState() const;
    void setLayout(const QByteArray &geometry, const QByteArray &windowState);
    // Splitter sizes and column layouts, by a key naming the widget ("splitter/deploySplitter",
    // "columns/deployHosts").
    [[nodiscard]] QHash<QString, QByteArray> widgetStates() const;
    void setWidgetStates(const QHash<QString, QByteArray> &states);

    // The cluster files opened last that still exist, most recent first.
    [[nodiscard]] QStringList recentClusters() const;
    void noteClusterOpened(const QString &path);
    void clearRecentClusters();

private:
    QString m_file;
};

} // namespace SlurmDeck::Ui
