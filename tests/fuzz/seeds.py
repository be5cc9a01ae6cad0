#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes seed inputs for the fuzz targets from the examples, the test fixtures and the tests' literals.

Run from the repository root: python3 tests/fuzz/seeds.py [OUT] (default build/fuzz/seeds). The committed corpora in
tests/fuzz/corpus/ started from these, fuzzed and minimised (docs/fuzzing.md). Inputs over 64 KB are left out; the
fields of the structured targets are separated by 0x1E (see fuzzinput.h)."""
import glob
import hashlib
import os
import re
import struct
import sys

ROOT = os.getcwd()
OUT = os.path.join(ROOT, sys.argv[1] if len(sys.argv) > 1 else "build/fuzz/seeds")
SEP = b"\x1e"
LIMIT = 64 * 1024


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > LIMIT:
        return
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def literals(path):
    """The string literals of a C++ test: raw R"(...)" ones and plain ones with simple escapes."""
    text = read(path).decode()
    out = [m.group(1) for m in re.finditer(r'R"\((.*?)\)"', text, re.S)]
    for m in re.finditer(r'(?<![R\w])u?"((?:[^"\\\n]|\\.)*)"', text):
        simple = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
        out.append(re.sub(r"\\(.)", lambda e: simple.get(e.group(1), e.group(0)), m.group(1)))
    return out


def when(ms):
    """A FuzzInput::dateTime: a kind byte, then 6 bytes counted from 0001-01-01."""
    return b"\x01" + struct.pack(">Q", ms + 62135596800000)[2:]


NOW = 1795000000000  # 2026-11-18

# Workspace loader: every example and fixture, plus the inputs that must be refused cheaply.
for path in sorted(glob.glob("examples/*.yaml") + glob.glob("tests/workspace/data/*.yaml")
                   + ["resources/demo/demo-workspace.yaml", "tests/health/data/health.yaml"]):
    put("workspace_loader", read(path))
put("workspace_loader", "{a: 1},\nb: true\n")
put("workspace_loader", "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)))
put("workspace_loader", "endpoints:\n" + "[" * 200 + "]" * 200 + "\n")
put("workspace_loader", "workspace: {name: x}\n" + "a:\n" + "".join("  " * i + "- \n" for i in range(1, 120)))
put("workspace_loader", "---\nworkspace: {name: a}\n---\nworkspace: {name: b}\n")
put("workspace_loader", "workspace:\n  name: \"\\ud800\"\nsecrets: [{name: T}]\nendpoints:\n"
    "  - {name: a, url: \"http://x/${T}\", conditions: [\"[STATUS] == 200\"]}\n")

# Conditions: the tests' and the examples' texts, each against a JSON body.
conditions = set()
for lit in literals("tests/probe/tst_condition.cpp") + literals("tests/probe/tst_endpointconditions.cpp"):
    if re.search(r"\[[A-Z_]+\]", lit) and len(lit) < 200:
        conditions.add(re.sub(r" \([^)]*\)(?= )", "", lit, count=1))
for path in glob.glob("examples/*.yaml"):
    conditions.update(re.findall(r'"(\[[A-Z_]+\][^"]*)"', read(path).decode()))
body = b'{"status":"healthy","items":[{"id":7,"status":"up"},{"id":8,"status":"down"}],"performance":{"errorRate":0.002}}'
for i, c in enumerate(sorted(conditions)[:60]):
    put("condition", c.encode() + SEP + bytes([67, 5]) + b"10.0.0.1" + SEP + b"\x01" + when(NOW)
        + when(NOW + 86400000 * (i + 1)) + b"NOERROR" + SEP + body)

# JSON paths against JSON documents.
for path, doc in [(".items[0].id", body), (".items[*].status", body), ("[0]", b"[1,2,[3]]"), ("", b'"text"'),
                  (".a.b.c", b'{"a":{"b":{"c":null}}}'), (".x[1]", b'{"x":{"1":2}}'), ("[*][*]", b"[[1],[2,3]]"),
                  ('.["a.b"]', b'{"a.b":1}'), (".é", '{"é":1}'.encode())]:
    put("jsonpath", path.encode() + SEP + b"\x01" + doc)

# Prometheus text exposition: the demo service's metrics and the tests' lines.
put("exposition", read("tests/metrics/data/demo-metrics.txt"))
for lit in literals("tests/metrics/tst_exposition.cpp"):
    if re.match(r"^(#|[a-zA-Z_:])", lit) and (" " in lit or "\n" in lit):
        put("exposition", lit)

# query / query_range answers: the tests' bodies.
for lit in literals("tests/metrics/tst_promresponse.cpp") + literals("tests/metrics/tst_prometheusclient.cpp"):
    if lit.lstrip().startswith(("{", "[")):
        put("prom_response", lit)
put("prom_response", '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"api"},'
    '"values":[[1700000000,"0.25"],[1700000015.5,"NaN"],[1700000030,"+Inf"],[1700000045,"1e-3"]]}]},'
    '"warnings":["w"]}')
put("prom_response", "1700000000.123")
put("prom_response", "-12.5")

# Alertmanager API v2: alerts and silences.
alert = ('{"fingerprint":"f1","labels":{"alertname":"HighErrorRate","severity":"critical","job":"api"},'
         '"annotations":{"summary":"Errors","description":"5xx"},"startsAt":"2026-11-18T01:02:03.456Z",'
         '"endsAt":"2026-11-18T02:00:00Z","status":{"state":"%s","silencedBy":[%s],"inhibitedBy":[]},'
         '"receivers":[{"name":"web"}]}')
put("alertmanager", "[" + alert % ("active", "") + "]")
put("alertmanager", "[" + alert % ("suppressed", '"s1"') + "," + alert % ("unprocessed", "") + "]")
put("alertmanager", "[]")
put("alertmanager", '{"error":"x"}')
put("alertmanager", '[{"id":"s1","matchers":[{"name":"alertname","value":"High.*","isRegex":true,"isEqual":true}],'
    '"startsAt":"2026-11-18T01:00:00Z","endsAt":"2026-11-18T03:00:00Z","createdBy":"kim","comment":"deploy",'
    '"status":{"state":"active"}}]')

# Exporters: records with ordinary and hostile texts.
HOSTILE = ["", "plain", "line\nbreak", "cr\rreturn", "pipe | cell", "back\\| slash", "# heading", "%1 %2",
           "서울 장애", "\x01\x00\xd8", "  padded  ", "`code` **bold** <b>", "---"]


def s(i):
    return HOSTILE[i % len(HOSTILE)].encode("latin-1" if HOSTILE[i % len(HOSTILE)].startswith("\x01") else "utf-8")


for n in range(len(HOSTILE)):
    f = [s(n + k) for k in range(40)]
    incident = (f[0] + SEP + f[1] + SEP + bytes([n % 5]) + f[2] + SEP + bytes([2]) + f[3] + SEP + f[4] + SEP
                + f[5] + SEP + f[6] + SEP + bytes([7, 2]) + f[7] + SEP + f[8] + SEP + f[9] + SEP
                + when(NOW) + when(NOW + 60000) + when(NOW + 5400000)
                + SEP.join(f[10:17]) + SEP + bytes([3])
                + b"".join(bytes([k]) + f[11 + k] + SEP + when(NOW + k * 60000) + f[12 + k] + SEP + f[13 + k] + SEP
                           + f[14 + k] + SEP + f[15 + k] + SEP + bytes([0]) for k in range(3))
                + bytes([2]) + f[20] + SEP + f[21] + SEP + bytes([200, 1]) + f[22] + SEP + f[23] + SEP + bytes([10, 2])
                + bytes([n & 1, (n >> 1) & 1]))
    put("postmortem_export", incident)
    checklist = (f[0] + SEP + b"morning@2026-11-23" + SEP + f[1] + SEP + f[2] + SEP + bytes([2])
                 + b"health" + SEP + f[3] + SEP + f[4] + SEP + b"backup" + SEP + f[5] + SEP + f[6] + SEP
                 + when(NOW) + when(NOW + 3600000) + when(NOW + 86400000) + bytes([0, 3])
                 + bytes([0, 0]) + f[7] + SEP + when(NOW + 60000) + f[8] + SEP + f[9] + SEP + bytes([0, 1])
                 + b"endpoint:health" + SEP + bytes([1, 1]) + f[10] + SEP + b"ok" + SEP + f[11] + SEP
                 + when(NOW + 50000)
                 + bytes([1, 2]) + f[12] + SEP + when(NOW + 70000) + f[13] + SEP + f[14] + SEP + bytes([0, 0])
                 + bytes([0, 1]) + f[15] + SEP + when(NOW + 80000) + f[16] + SEP + f[17] + SEP + bytes([1, 0])
                 + f[18] + SEP + when(NOW + 90000) + f[19] + SEP + bytes([n & 1, (n >> 1) & 1, (n >> 2) & 1]))
    put("checklist_export", checklist)
