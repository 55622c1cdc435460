// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

class QThreadPool;

namespace SlurmDeck {

// Every pool thread that does SlurmDeck's blocking work (SSH, file transfers) belongs to the
// process's one Executor: a few pools ("lanes") sized for their work, so that a long drain
// waits in its own lane and does not starve a deploy. (Single connections that live long
// have a WorkerThread of their own: ControllerLink, SshPrometheusTransport.)
//
// main() of the GUI and of the CLI shuts it down on exit: it waits for the work still
// running at most `grace`, and leaves what is blocked longer (ssh_connect to a host that
// drops packets) to end with the process. The pools are never destroyed, so no static
// destructor waits on them after main() returns.
class Executor final
{
public:
    enum class Lane {
        Hosts,     // one serial queue per host (HostTaskQueue), followed logs, CLI host work
        Deploy,    // DeployRunner's per-host steps
        Actions,   // Slurm actions that wait (drain, node registration)
        Discovery, // fingerprinting, as many at once as the discovery asks
        Gpu,       // nvidia-smi over SSH
    };

    [[nodiscard]] static QThreadPool *pool(Lane lane);
    // True when every lane finished its work within `grace`.
    static bool shutdown(std::chrono::milliseconds grace);
};

// Executor::shutdown(grace) when it goes out of scope: declared in main() before the
// objects whose work runs on the Executor, so it runs after they are gone.
class ExecutorShutdown final
{
public:
    explicit ExecutorShutdown(std::chrono::milliseconds grace) : m_grace(grace) {}
    ~ExecutorShutdown() { Executor::shutdown(m_grace); }
    ExecutorShutdown(const ExecutorShutdown &) = delete;
    ExecutorShutdown &operator=(const ExecutorShutdown &) = delete;

private:
    std::chrono::milliseconds m_grace;
};

} // namespace SlurmDeck
