#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""check_json_schema.py OPSDECK SCHEMA: `opsdeck check --json` on a workspace with every kind of result (an
answering http endpoint, a refused one, a connected and a refused tcp check, one impacted by the refused one
(depends-on), a dns server that is not there, an
endpoint waiting for trust, KPIs) validates against docs/check-json.schema.json, and the report agrees with the
exit code."""
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading

import jsonschema

opsdeck, schema_path = sys.argv[1], sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"status": "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
threading.Thread(target=server.serve_forever, daemon=True).start()

workspace = f"""workspace: {{ id: schema-check, title: JSON schema }}
secrets:
  - {{ name: SCHEMA_CHECK_TOKEN, description: a token that is never sent (not trusted) }}
endpoints:
  - {{ name: health, url: "http://127.0.0.1:{port}/health", conditions: ["[STATUS] == 200", "[BODY].status == ok"] }}
  - {{ name: missing-field, url: "http://127.0.0.1:{port}/health", warn-conditions: ["[BODY].nothing == 1"] }}
  - {{ name: refused, url: "http://127.0.0.1:1/health", conditions: ["[STATUS] == 200"] }}
  - {{ name: port, url: "tcp://127.0.0.1:{port}" }}
  - {{ name: closed-port, url: "tcp://127.0.0.1:1" }}
  - {{ name: behind-port, url: "http://127.0.0.1:1/app", depends-on: [closed-port], conditions: ["[STATUS] == 200"] }}
  - {{ name: resolver, url: "dns://127.0.0.1:1", dns: {{ query-name: example.org, query-type: A }}, timeout: 1s }}
  - {{ name: secret, url: "http://127.0.0.1:{port}/admin", headers: {{ Authorization: "Bearer ${{SCHEMA_CHECK_TOKEN}}" }} }}
kpis:
  - {{ id: uptime, title: Uptime, unit: "%", thresholds: {{ warn: 99.9, crit: 99, direction: below }},
      source: {{ probe: {{ endpoint: health, figure: uptime, window: 7d }} }} }}
"""
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "schema-check.yaml")
    with open(path, "w") as f:
        f.write(workspace)
    env = dict(os.environ, SCHEMA_CHECK_TOKEN="never-sent", HOME=tmp, XDG_CONFIG_HOME=os.path.join(tmp, "config"))
    run = subprocess.run([opsdeck, "check", path, "--json", "--lang", "en", "--location", "seoul"], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, env=env, timeout=60)
server.shutdown()
if run.returncode not in (0, 1, 2, 3):
    sys.exit(f"FAIL: exit {run.returncode}\n{run.stderr}")
report = json.loads(run.stdout)
with open(schema_path) as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(report), key=lambda e: list(e.path))
for e in errors:
    print(f"FAIL: {'/'.join(map(str, e.path))}: {e.message}")
by_name = {e["name"]: e for e in report["endpoints"]}
checks = [
    (report["exitCode"] == run.returncode, "exitCode equals the exit status"),
    (report["exitCode"] == 2 and report["state"] == "CRITICAL", "the refused endpoint makes the report CRITICAL"),
    (by_name["health"]["state"] == "OK" and by_name["health"]["httpStatus"] == 200, "health is OK with status 200"),
    (by_name["port"]["connected"] is True and by_name["port"]["kind"] == "tcp", "the tcp check connected"),
    (by_name["closed-port"]["connected"] is False, "the closed port did not connect"),
    ("impactedBy" not in by_name["closed-port"], "the root cause is not impacted"),
    (by_name["behind-port"].get("impactedBy") == "closed-port", "what depends on the closed port is impacted by it"),
    ("impactedBy" not in by_name["health"], "an OK endpoint is not impacted"),
    (by_name["resolver"]["kind"] == "dns" and by_name["resolver"]["state"] != "OK", "the missing resolver fails"),
    (by_name["secret"]["state"] == "UNKNOWN" and "waiting for trust" in by_name["secret"].get("error", ""),
     "the secret endpoint waits for trust"),
    ("never-sent" not in run.stdout, "the secret never shows"),
    (report["kpis"][0]["id"] == "uptime", "the KPI is reported"),
    (report.get("location") == "seoul", "--location is reported"),
]
for ok, what in checks:
    if not ok:
        print(f"FAIL: {what}")
if errors or not all(ok for ok, _ in checks):
    print(run.stdout)
    sys.exit(1)
print(f"check --json: {len(report['endpoints'])} endpoints and {len(report['kpis'])} KPI valid against the schema")
