"""Exceptions that the CLI turns into one clear line on stderr and exit code 1."""

from __future__ import annotations


class DatelineError(Exception):
    """A user-facing error: bad input, bad usage. The message is shown as is."""


class UnsupportedInput(DatelineError):
    """An input file is in no format dateline can read."""


class MalformedTimeline(DatelineError):
    """A timeline file could not be parsed; the message names the file and line."""
