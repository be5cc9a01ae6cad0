#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real SMTP server for the email provider's tests (aiosmtpd, Debian python3-aiosmtpd).

Prints "PORT <n>" once it listens on 127.0.0.1, then writes every accepted message to OUTDIR/<n>.eml with the
envelope and the login in OUTDIR/<n>.json. Modes: starttls (STARTTLS required before AUTH and MAIL), smtps (TLS
from the first byte), plain (no TLS offered at all). --tempfail N answers 451 to the first N DATA commands,
--permfail answers 550 to every recipient.
"""
import argparse
import json
import os
import socket
import ssl
import sys
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, outdir, tempfail, permfail):
        self.outdir = outdir
        self.tempfail = tempfail
        self.permfail = permfail
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.permfail:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.tempfail > 0:
            self.tempfail -= 1
            return "451 4.3.0 try again later"
        self.count += 1
        base = os.path.join(self.outdir, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "login": login,
                       "tls": server.transport.get_extra_info("ssl_object") is not None}, f)
        return "250 Message accepted"


def main():
    warnings.simplefilter("ignore", DeprecationWarning)  # aiosmtpd 1.4 warns about its own login_data
    p = argparse.ArgumentParser()
    p.add_argument("--mode", choices=["starttls", "smtps", "plain"], default="starttls")
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--user", default="")
    p.add_argument("--password", default="")
    p.add_argument("--tempfail", type=int, default=0)
    p.add_argument("--permfail", action="store_true")
    p.add_argument("outdir")
    a = p.parse_args()

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == a.user
              and auth_data.password.decode() == a.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    context = None
    if a.mode != "plain":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(a.cert, a.key)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    kwargs = dict(hostname="127.0.0.1", port=port, server_hostname="opsdeck-test")
    if a.user:
        kwargs.update(authenticator=authenticate, auth_require_tls=a.mode != "plain")
    else:
        kwargs.update(auth_required=False)
    if a.mode == "starttls":
        kwargs.update(tls_context=context, require_starttls=True)
    elif a.mode == "smtps":
        kwargs.update(ssl_context=context)
    controller = Controller(Handler(a.outdir, a.tempfail, a.permfail), **kwargs)
    controller.start()
    print("PORT", port, flush=True)
    try:
        sys.stdin.read()  # the test closes our stdin (or kills us) to stop
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
