"""``dateline serve``: the archive's search → timeline page and JSON API on a local web server."""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys

from dateline.errors import DatelineError

LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1", "[::1]")


def _port(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"port out of range 0-65535: {n}")
    return n


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "serve",
        help="web page over an archive: search, timeline, sources",
        description="Serve the timeline page and its JSON API for an archive made by dateline ingest.",
    )
    p.add_argument("--store", required=True, metavar="PATH", help="archive made by dateline ingest")
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="TCP port (default 8000)")
    p.add_argument("--cache", type=int, default=32, metavar="N",
                   help="keep the last N built timelines in memory (default 32; 0: off)")
    return p


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_bindable(host: str, port: int) -> None:
    """Fail with one clear line now, rather than a server log later, when the address is taken."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise DatelineError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as exc:
            raise DatelineError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError:
        raise DatelineError("the web server needs uvicorn and starlette: pip install 'dateline[web]'") from None
    from dateline.store import Archive
    from dateline.web import create_app

    with Archive(args.store, readonly=True) as archive:  # fail early, with one line, on a bad store
        n = len(archive)
    _check_bindable(args.host, args.port)
    loopback = _is_loopback(args.host)
    # bound to this machine only: also refuse other Host headers (DNS rebinding)
    if not 0 <= args.cache <= 10_000:
        raise DatelineError("--cache must be between 0 and 10000")
    app = create_app(args.store, allowed_hosts=LOOPBACK_HOSTS if loopback else None, cache_size=args.cache)
    if not loopback:
        print(f"dateline: warning: serving on {args.host}, reachable from other machines", file=sys.stderr)
    print(f"dateline: serving {n} articles from {args.store} at http://{args.host}:{args.port}/ "
          "(Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0
