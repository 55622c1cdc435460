// SPDX-License-Identifier: GPL-3.0-or-later
// An HTTP answer as a host's SSH channel delivers it (Prometheus behind the tunnel, or
// whatever listens there), then the Prometheus API response in its body.
#include "FuzzInput.h"
#include "metrics/HttpMessage.h"
#include "metrics/PrometheusParser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace SlurmDeck;
    const Result<HttpAnswer> answer = parseHttpAnswer(Fuzz::bytes(data, size));
    if (answer)
        (void)parsePrometheusResponse(answer->body);
    return 0;
}
