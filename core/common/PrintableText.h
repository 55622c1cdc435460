// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace SlurmDeck {

// Text a host sent (log lines, error messages, container names), made safe to print on a
// terminal or show in a widget: control characters but newline and tab (an escape sequence
// could move the cursor or retitle the terminal) become U+FFFD.
[[nodiscard]] inline QString printableText(QString text)
{
    for (QChar &c : text) {
        const char16_t code = c.unicode();
        if ((code < 0x20 && code != u'\n' && code != u'\t') || (code >= 0x7f && code < 0xa0))
            c = QChar(0xfffd);
    }
    return text;
}

} // namespace SlurmDeck
