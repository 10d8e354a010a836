"""Timelines in tilse's text format (the Timeline17 / Crisis layout), and reading timeline files.

The format is a sequence of blocks, each a date line, one sentence per line, and a line of
dashes::

    2010-04-20
    An explosion aboard the Deepwater Horizon kills 11 workers .
    --------------------------------
    2010-04-22
    The rig sinks .
    --------------------------------

:func:`parse_tilse` reads it strictly enough to catch broken files (text before the first date,
an impossible date such as ``2011-04-0``, dashes with no date) and raises
:class:`~dateline.errors.MalformedTimeline` naming the file and line; blank lines are ignored and
a missing final line of dashes is tolerated. A date that occurs twice yields two entries, as
written (the metrics then follow tilse: the later block counts).

>>> from datetime import date
>>> from dateline.model import Entry, Quote, Timeline
>>> tl = Timeline((Entry(date(2010, 4, 20), (Quote("The rig explodes .", "a1"),)),))
>>> text = format_tilse(tl)
>>> print(text, end="")
2010-04-20
The rig explodes .
--------------------------------
>>> parse_tilse(text).entries[0].sentences[0].text
'The rig explodes .'
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path

from dateline.errors import MalformedTimeline
from dateline.model import Entry, Quote, Timeline

SEPARATOR = "-" * 32
_DASHES = re.compile(r"^-{3,}$")
_DATE_LIKE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]*)?$")


def format_tilse(timeline: Timeline) -> str:
    """The timeline in tilse's text format (newlines inside a sentence become spaces).

    >>> format_tilse(Timeline())
    ''
    """
    lines: list[str] = []
    for e in timeline.entries:
        lines.append(e.date.isoformat())
        for q in e.sentences:
            text = " ".join(q.text.split())
            if text:
                lines.append(text)
        lines.append(SEPARATOR)
    return "".join(line + "\n" for line in lines)


def _parse_date(text: str) -> date | None:
    m = _DATE_LIKE.match(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(f"invalid date {text!r}") from None


def parse_tilse(text: str, name: str = "<string>") -> Timeline:
    """Parse tilse's text format; ``name`` is used in error messages.

    >>> parse_tilse("2010-04-20\\nA\\n---\\n2010-04-19\\n---\\n").dates
    (datetime.date(2010, 4, 19), datetime.date(2010, 4, 20))
    >>> parse_tilse("hello\\n", "x.txt")
    Traceback (most recent call last):
    dateline.errors.MalformedTimeline: x.txt:1: text before the first date line: 'hello'
    """
    entries: list[Entry] = []
    current: date | None = None
    sentences: list[Quote] = []
    open_block = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if _DASHES.match(line):
            if not open_block:
                raise MalformedTimeline(f"{name}:{lineno}: line of dashes without a date line before it")
            entries.append(Entry(current, tuple(sentences)))  # type: ignore[arg-type]
            open_block, current, sentences = False, None, []
            continue
        try:
            d = _parse_date(line)
        except ValueError as exc:
            raise MalformedTimeline(f"{name}:{lineno}: {exc}") from None
        if d is not None:
            if open_block:
                entries.append(Entry(current, tuple(sentences)))  # type: ignore[arg-type]
            open_block, current, sentences = True, d, []
            continue
        if not open_block:
            shown = line if len(line) <= 60 else line[:57] + "..."
            raise MalformedTimeline(f"{name}:{lineno}: text before the first date line: {shown!r}")
        sentences.append(Quote(line, ""))
    if open_block:
        entries.append(Entry(current, tuple(sentences)))  # type: ignore[arg-type]
    return Timeline(tuple(entries))


# --- JSON --------------------------------------------------------------------------------------

def _json_date(value: object, where: str) -> date:
    if isinstance(value, str):
        try:
            d = _parse_date(value.strip())
        except ValueError as exc:
            raise MalformedTimeline(f"{where}: {exc}") from None
        if d is not None:
            return d
    raise MalformedTimeline(f"{where}: not a date: {value!r}")


def _json_quote(value: object, where: str) -> Quote:
    if isinstance(value, str):
        return Quote(value, "")
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        pub = value.get("published")
        published = None
        if isinstance(pub, str) and pub:
            published = _json_date(pub, where)

        def opt(key: str) -> str | None:
            v = value.get(key)
            return v if isinstance(v, str) else None

        return Quote(value["text"], str(value.get("article_id") or ""), published,
                     opt("source"), opt("url"), opt("title"))
    raise MalformedTimeline(f"{where}: a sentence must be a string or an object with 'text'")


def timeline_from_json(obj: object, name: str = "<json>") -> Timeline:
    """A timeline from dateline's JSON (``{"entries": [...]}``) or news-tls's ``[[date, [sentences]], ...]``.

    >>> timeline_from_json([["2010-04-20T00:00:00", ["The rig explodes ."]]]).dates
    (datetime.date(2010, 4, 20),)
    """
    entries: list[Entry] = []
    if isinstance(obj, dict) and isinstance(obj.get("entries"), list):
        for i, e in enumerate(obj["entries"]):
            where = f"{name}: entries[{i}]"
            if not isinstance(e, dict) or "date" not in e:
                raise MalformedTimeline(f"{where}: an entry needs 'date' and 'sentences'")
            sents = e.get("sentences", [])
            if not isinstance(sents, list):
                raise MalformedTimeline(f"{where}: 'sentences' must be a list")
            entries.append(Entry(_json_date(e["date"], where), tuple(_json_quote(s, where) for s in sents)))
        meta = obj.get("query"), obj.get("method")
        return Timeline(tuple(entries), query=meta[0] if isinstance(meta[0], str) else None,
                        method=meta[1] if isinstance(meta[1], str) else None)
    if isinstance(obj, list):
        for i, pair in enumerate(obj):
            where = f"{name}: item {i}"
            if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[1], list)):
                raise MalformedTimeline(f"{where}: expected [date, [sentences]]")
            entries.append(Entry(_json_date(pair[0], where), tuple(_json_quote(s, where) for s in pair[1])))
        return Timeline(tuple(entries))
    raise MalformedTimeline(
        f"{name}: not a timeline (expected an object with 'entries' or a list of [date, sentences])"
    )


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise MalformedTimeline(f"{path}: cannot read: {exc.strerror or exc}") from None
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise MalformedTimeline(f"{path}: broken gzip file: {exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedTimeline(f"{path}: not UTF-8 text (byte {exc.start})") from None


def read_timelines(path: str | Path) -> list[Timeline]:
    """All timelines in a file: tilse text (one), dateline JSON (one), or JSON lines (one per line).

    The format is recognised from the content: a first non-blank character ``{`` or ``[`` means
    JSON, anything else tilse text.
    """
    p = Path(path)
    text = _read_text(p)
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return [parse_tilse(text, str(p))]
    try:
        return [timeline_from_json(json.loads(text), str(p))]
    except json.JSONDecodeError:
        pass
    out: list[Timeline] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedTimeline(f"{p}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        out.append(timeline_from_json(obj, f"{p}:{lineno}"))
    return out


def read_timeline(path: str | Path) -> Timeline:
    """The one timeline in ``path`` (tilse text or dateline JSON); see :func:`read_timelines`."""
    tls = read_timelines(path)
    if len(tls) != 1:
        raise MalformedTimeline(f"{path}: holds {len(tls)} timelines, expected one")
    return tls[0]
