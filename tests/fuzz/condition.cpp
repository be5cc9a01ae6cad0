// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A condition's text, then the response it is evaluated against: status, response time, IP, certificate expiry,
// DNS rcode and body (the rest of the input).
#include "probe/condition.h"

#include "fuzzinput.h"
#include "probe/conditioncontext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    const QString text = in.string();
    QString error;
    qsizetype column = 0;
    const std::optional<Condition> condition = Condition::parse(text, &error, &column);
    if (!condition) {
        if (error.isEmpty() || column < 1 || column > text.size() + 1) {
            __builtin_trap(); // a refusal always says what and where
        }
        return 0;
    }
    ConditionInput input;
    input.status = in.number(255) * 3;
    input.responseTimeMs = in.number(255) * 7.5;
    input.ip = in.string();
    input.connected = in.byte() & 1;
    input.now = in.dateTime();
    if (const QDateTime expiry = in.dateTime(); expiry.isValid()) {
        input.certificateExpiry = expiry;
    }
    input.dnsRcode = in.string();
    input.body = in.rest();
    (void)condition->readsBody();
    (void)condition->evaluate(input);
    ConditionContext context(input);
    (void)condition->evaluate(context);
    (void)condition->evaluate(context); // the body parsed once, read again
    return 0;
}
