// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/CancelToken.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>

namespace SlurmDeck::Detail {

// Asks a front end a question and blocks the calling *worker* thread until it answers
// (from any thread, any time later) or the work is cancelled. Never used on the GUI thread.
template<typename T>
std::optional<T> waitForAnswer(const std::function<void(std::function<void(T)>)> &ask,
                               const CancelToken &cancel)
{
    auto promise = std::make_shared<std::promise<T>>();
    auto answered = std::make_shared<std::atomic<bool>>(false);
    std::future<T> future = promise->get_future();
    ask([promise, answered](T value) {
        if (!answered->exchange(true))
            promise->set_value(std::move(value));
    });
    while (future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
        if (cancel.isCancelled())
            return std::nullopt;
    }
    return future.get();
}

} // namespace SlurmDeck::Detail
