// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checklist/checklistinstance.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

// Evidence for a `verify: { endpoint: ..., state: ... }` item from that endpoint's latest probe result, as
// captured at tick time. The expected state defaults to OK; names compare without case ("ok", "WARNING").
ChecklistEvidence probeEvidence(const ChecklistVerify &verify, const ProbeResult &last);
