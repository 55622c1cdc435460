// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ssh/HostKey.h"

#include <functional>
#include <utility>

namespace SlurmDeck::Ui {

// Calls an answer callback exactly once; if nobody answered by the time it is destroyed
// (the question was dropped), it answers Reject so the asking worker never waits forever.
class HostKeyAnswer final
{
public:
    explicit HostKeyAnswer(std::function<void(HostKeyDecision)> answer) : m_answer(std::move(answer)) {}
    ~HostKeyAnswer() { give(HostKeyDecision::Reject); }
    HostKeyAnswer(const HostKeyAnswer &) = delete;
    HostKeyAnswer &operator=(const HostKeyAnswer &) = delete;

    void give(HostKeyDecision decision)
    {
        if (m_answer)
            std::exchange(m_answer, nullptr)(decision);
    }

private:
    std::function<void(HostKeyDecision)> m_answer;
};

} // namespace SlurmDeck::Ui
