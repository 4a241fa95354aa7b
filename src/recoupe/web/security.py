"""The web view's guards: response headers, a cap on request bodies, CSRF tokens and the folders
a path given to Add may name.

Pages carry text from anywhere on the web, so the browser is told to run no script and load
nothing from elsewhere whatever slips through escaping (Content-Security-Policy); state changes
take POST only, with a token a foreign page cannot read.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Sequence
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# no script at all, styles and images from this server only, forms posted back here only
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds `HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in HEADERS if name not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ServerTiming:
    """Adds `Server-Timing: app;dur=<ms>` (wall) and `cpu;dur=<ms>` (this process's CPU time) to
    every response, as browsers' developer tools read them: with one request at a time, `cpu`
    tells what a page costs apart from the machine's other work (bench/bench_serve.py)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wall, cpu = time.perf_counter(), time.process_time()

        async def send_with_timing(message: Message) -> None:
            if message["type"] == "http.response.start":
                timing = f"app;dur={(time.perf_counter() - wall) * 1000:.1f}, cpu;dur={(time.process_time() - cpu) * 1000:.1f}"
                message["headers"] = [*message.get("headers", []), (b"server-timing", timing.encode())]
            await send(message)

        await self.app(scope, receive, send_with_timing)


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuses a request body over `max_bytes` with 413, whether or not it declares its length."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _too_large(send, self.max_bytes)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _too_large(send, self.max_bytes)


async def _too_large(send: Send, max_bytes: int) -> None:
    body = f"Request too large: the limit is {max_bytes // (1024 * 1024)} MiB.\n".encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class CsrfTokens:
    """One secret per server start; the token is an HMAC of it, sent in every form.

    A page of another site cannot read the token from our forms (same-origin policy), so a POST
    it makes the browser send carries none, and is refused.
    """

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def token(self) -> str:
        return hmac.new(self._secret, b"recoupe-form", "sha256").hexdigest()

    def check(self, token: object) -> bool:
        return isinstance(token, str) and hmac.compare_digest(token, self.token())


class PathNotAllowed(ValueError):
    """A path given to Add lies outside the folders allowed at start (or does not exist)."""


def confined_path(given: str, allowed: Sequence[Path]) -> Path:
    """The real path `given` names, when it lies inside one of the `allowed` folders.

    Symbolic links and `..` are resolved first, so neither leads outside. `allowed` holds
    resolved folders.
    """
    if not allowed:
        raise PathNotAllowed("no folder was allowed at start (recoupe serve --allow DIR)")
    if not given.strip():
        raise PathNotAllowed("no path given")
    path = Path(given.strip()).expanduser()
    # a relative path is read inside each allowed folder in turn
    candidates = [path] if path.is_absolute() else [folder / path for folder in allowed]
    names = ", ".join(str(f) for f in allowed)
    found = False
    for candidate in candidates:
        try:
            real = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            continue
        found = True
        if any(real == folder or real.is_relative_to(folder) for folder in allowed):
            return real
    if not found:
        raise PathNotAllowed(f"{given!r} does not exist in the folders allowed at start ({names})")
    raise PathNotAllowed(f"{given!r} is outside the folders allowed at start ({names})")
