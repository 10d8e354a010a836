"""The ``dateline`` command line: one verb per job.

Each verb lives in its own module under :mod:`dateline.commands` and provides two functions::

    def add_parser(subparsers) -> argparse.ArgumentParser   # declares the verb and its flags
    def run(args: argparse.Namespace) -> int                # does the job, returns the exit code

Exit codes: 0 ok, 1 usage or bad input (one clear line on stderr), 2 internal error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from dateline import __version__
from dateline.errors import DatelineError

# verb modules, in the order ``dateline --help`` lists them
COMMANDS: tuple[str, ...] = (
    "timeline",
    "tag",
    "score",
    "evaluate",
    "tag_eval",
    "ingest",
    "search",
    "serve",
    "demo",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 1 (argparse's default is 2)
        self.exit(1, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dateline",
        description="Turn dated news articles into a dated, sourced timeline.",
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"dateline.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("dateline.commands"):
                continue  # verb not built yet
            raise
        p = module.add_parser(sub)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``dateline`` script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return 1
    try:
        return int(args._run(args) or 0)
    except DatelineError as exc:
        print(f"dateline: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `| head`); silence the flush at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # last resort: one line, not a traceback
        if os.environ.get("DATELINE_DEBUG"):
            raise
        print(f"dateline: internal error: {type(exc).__name__}: {exc} "
              "(set DATELINE_DEBUG=1 for a traceback)", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
