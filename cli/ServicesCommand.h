// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ClusterCommand.h"

namespace SlurmDeck {

// slurmdeck-cli services [HOST] [start|stop|restart|logs [-f] [--tail N]] [SERVICE]
// Without an action: each host's planned services and whether they run. With one: acts on
// SERVICE (or all of the host's services) through Compose on HOST, or on every host that
// runs SERVICE when no HOST is named. `logs -f` polls the logs until interrupted.
class ServicesCommand final : public ClusterCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServicesCommand)

public:
    explicit ServicesCommand(QObject *parent = nullptr) : ClusterCommand(parent) {}
    void start(const CliContext &context) override;

private:
    void planReady();
    void list(const QStringList &hosts);
    void act(const QStringList &hosts);
    void follow(const QStringList &hosts);

    QString m_host;
    QString m_action;
    QString m_service;
    bool m_follow = false;
    bool m_json = false;
    int m_tail = 50;
};

} // namespace SlurmDeck
