// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ssh/HostKey.h"

#include <atomic>

namespace SlurmDeck {

// The CLI's answer to unknown host keys: the --accept-new-host-keys flag, fixed for the
// run. It remembers whether it refused one, so the command can say how to trust it.
class CliHostKeyPolicy final : public HostKeyPrompt
{
public:
    explicit CliHostKeyPolicy(bool acceptNew) : m_acceptNew(acceptNew) {}

    void askAboutUnknownKey(const HostKeyInfo &, std::function<void(HostKeyDecision)> answer) override
    {
        if (!m_acceptNew)
            m_refused = true;
        answer(m_acceptNew ? HostKeyDecision::AcceptAndRemember : HostKeyDecision::Reject);
    }
    [[nodiscard]] bool refusedAny() const { return m_refused; }

private:
    const bool m_acceptNew;
    std::atomic<bool> m_refused = false;
};

} // namespace SlurmDeck
