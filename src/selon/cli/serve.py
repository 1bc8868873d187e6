"""`selon serve`: the explorer in a browser, over the store opened read-only."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import typer

from selon.cli.common import DB_OPTION, stderr, stdout


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. The explorer "
                             "has no login: keep it on this machine unless you mean to share it."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
) -> None:
    """Browse the store: events (filter, sort, page), the actor graph, a timeline, and each
    article with its events' sentences highlighted and their attribution chains; the JSON API
    is under /api (schema: /api/openapi.json). The store is only read.

    Example: selon serve --db news.duckdb
    """
    # Imported here so that the other commands start without loading the web stack.
    import uvicorn

    from selon.web.app import LOOPBACK_HOSTS, create_app

    loopback = _is_loopback(host)
    app = create_app(db, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    if not loopback:
        stderr.print(f"[yellow]warning:[/yellow] listening on {host}: anyone who can reach this "
                     "address can read the whole store")
    shown = f"[{host}]" if ":" in host else host
    stdout.print(f"selon explorer: http://{shown}:{port}/ (store {db}, read-only) · Ctrl-C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning")
