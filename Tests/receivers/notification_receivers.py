"""Receivers the notification tests deliver to: a real SMTP server (aiosmtpd) and an HTTP
endpoint that checks Colopass-Signature with Python's own hmac. Each writes one JSON line per
message or request to LOG and prints "READY <port>" once it listens.

    notification_receivers.py smtp LOG
    notification_receivers.py webhook LOG SECRET FAILURES   (answers 503 to the first FAILURES)
"""
import hashlib
import hmac
import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()


def log(path, record):
    with lock, open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def smtp(path):
    from aiosmtpd.controller import Controller
    from email import message_from_bytes
    from email.header import decode_header, make_header

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            message = message_from_bytes(envelope.original_content)
            body = message.get_payload(decode=True).decode("utf-8")
            log(path, {
                "from": envelope.mail_from, "to": envelope.rcpt_tos,
                "subject": str(make_header(decode_header(message["Subject"]))),
                "message_id": message["Message-ID"], "event": message["X-Colopass-Event"], "body": body,
            })
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"READY {port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


def webhook(path, secret, failures):
    """SECRET, or @FILE to read it from FILE at each request (a test that learns it later)."""
    remaining = [failures]

    def current_secret():
        if secret.startswith("@"):
            with open(secret[1:], encoding="utf-8") as f:
                return f.read().strip()
        return secret

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            header = self.headers.get("Colopass-Signature", "")
            parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
            expected = hmac.new(current_secret().encode(), parts.get("t", "").encode() + b"." + body, hashlib.sha256).hexdigest()
            verified = hmac.compare_digest(expected, parts.get("v1", ""))
            with lock:
                failing = remaining[0] > 0
                if failing:
                    remaining[0] -= 1
            status = 503 if failing else (200 if verified else 401)
            log(path, {
                "status": status, "verified": verified, "idempotency_key": self.headers.get("Idempotency-Key"),
                "event": self.headers.get("Colopass-Event"), "body": json.loads(body or b"{}"),
            })
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"READY {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "smtp":
        smtp(sys.argv[2])
    else:
        webhook(sys.argv[2], sys.argv[3], int(sys.argv[4]))
