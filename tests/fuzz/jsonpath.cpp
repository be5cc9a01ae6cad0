// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A [BODY] path, a wildcard index, then a JSON body it is walked through.
#include "probe/jsonpath.h"

#include "fuzzinput.h"
#include "probe/conditioncontext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    const QString text = in.string();
    QString error;
    qsizetype offset = -1;
    const std::optional<JsonPath> path = JsonPath::parse(text, &error, &offset);
    if (!path) {
        if (error.isEmpty() || offset < 0 || offset > text.size()) {
            __builtin_trap();
        }
        return 0;
    }
    const qsizetype index = qsizetype(in.byte()) - 1;
    (void)path->toString();
    (void)path->toString(index);
    ConditionInput input;
    input.body = in.rest();
    ConditionContext context(input); // the body as conditions read it: any JSON value
    QString jsonError;
    const QJsonValue *json = context.json(&jsonError);
    if (!json) {
        return 0;
    }
    const QJsonValue &root = *json;
    const JsonPath::Lookup found = path->resolve(root, index);
    (void)JsonPath::valueText(found.value);
    (void)JsonPath::typeName(found.value);
    if (path->hasWildcard()) {
        (void)path->resolveWildcardArray(root);
    }
    return 0;
}
