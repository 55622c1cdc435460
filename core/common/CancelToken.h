// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <memory>

namespace SlurmDeck {

// Shared cancellation flag: copies share one flag, so the GUI thread can cancel work a
// worker thread is doing. Cheap to copy, safe from any thread.
class CancelToken final
{
public:
    CancelToken() : m_flag(std::make_shared<std::atomic<bool>>(false)) {}

    void cancel() const { m_flag->store(true); }
    [[nodiscard]] bool isCancelled() const { return m_flag->load(); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

} // namespace SlurmDeck
