"""`recoupe serve`: a local web view of a store, where every claim leads to its source passage.

Starlette routes (`recoupe.web.app`) render the Jinja templates of `templates/web/`, sharing the
story parts of the static brief; uvicorn serves them, on the loopback interface unless told
otherwise. Starlette and uvicorn are the `web` extra: imported only here, with an install hint.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from starlette.applications import Starlette

INSTALL_HINT = "recoupe serve needs the web extra: pip install 'recoupe[web]'"


def create_app(
    db: str | Path, *, allowed: Sequence[str | Path] = (), upload_limit: int | None = None
) -> Starlette:
    """The ASGI app of the web view over the store at `db` (see `recoupe.web.app.create_app`)."""
    try:
        from recoupe.web.app import DEFAULT_UPLOAD_LIMIT
        from recoupe.web.app import create_app as _create
    except ImportError as error:  # starlette or python-multipart missing
        raise ImportError(f"{INSTALL_HINT} ({error})") from error
    return _create(db, allowed=tuple(allowed), upload_limit=upload_limit or DEFAULT_UPLOAD_LIMIT)


def serve(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    allowed: Sequence[str | Path] = (),
    upload_limit: int | None = None,
) -> None:
    """Serve the web view until interrupted."""
    try:
        import uvicorn
    except ImportError as error:
        raise ImportError(f"{INSTALL_HINT} ({error})") from error
    app = create_app(db, allowed=allowed, upload_limit=upload_limit)
    uvicorn.run(app, host=host, port=port, log_level="warning")
