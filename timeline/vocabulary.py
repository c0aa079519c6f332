"""Alias tables compiled into one regex each: the matcher behind weapon systems and actors.

An alias matches as a whole word (nothing word-like or a hyphen before it: "anti-drone" holds
no "drone"), with an optional plural ending ("F-16s", "Harpoons", "torpedoes"). Spaces,
hyphens and slashes in an alias match any run of them or none ("air-defence", "F16"), a
period may be left out ("U.S"), and British and American spellings match each other.

Case follows how an alias is written: all capitals (acronyms: "TOW", "MS-110", "US") must
match exactly; a capitalised name ("Patriot", "Harpoon") needs its capital first letter and
takes any case after it; a lower-case alias ("cruise missiles") matches in any case.

Where aliases overlap, the leftmost match wins, and at one position the longest.
"""

from __future__ import annotations

import csv
import io
import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar

from timeline.records import Match

#: characters that separate the words of an alias; any run of them (or none) matches
SEPARATORS = " -\u2010\u2011\u2013\u2014/"

#: spellings that match each other wherever they occur in an alias
SPELLING_VARIANTS = (
    ("defense", "defence"),
    ("armor", "armour"),
    ("center", "centre"),
    ("program", "programme"),
    ("organization", "organisation"),
)

#: the plural endings an alias may take
PLURAL_ENDINGS = ("es", "s")

#: how many distinct matched texts a vocabulary remembers the lookup of
MAX_SEEN = 100_000

#: the category (or kind) of table rows that only stop shorter aliases inside them matching
IGNORE = "ignore"

_SEP = "\x00"
_APOS = "\x01"
_DOT = "\x02"
_UNIT_REGEX = {
    _SEP: "[\\s/-]*",  # the text's other dashes become "-" before matching
    _APOS: "['\u2019]",
    _DOT: "\\.?",
}
_DASH_CHARS = "\u2010\u2011\u2013\u2014"
_COMPACT = re.compile("[\\s\\-\u2010\u2011\u2013\u2014/.'\u2019]+")
# what may stand before an alias, in ASCII: re tests a class of ASCII characters per character
# several times faster than "[^\\w\\-]" with its Unicode category; find_hits refuses the
# non-ASCII letters and digits it lets through
_LEAD = "[^0-9A-Za-z_\\-]"
_WORDLIKE = re.compile("[\\w\\-]")
# a memo's default that is no lookup result
_UNSEEN: tuple[str, tuple[Entry, ...]] = ("", ())
_new_tuple = tuple.__new__
_new_object = object.__new__
_last_lowered = threading.local()


@dataclass(frozen=True)
class Entry:
    """One row of an alias table: a canonical name and what it is."""

    name: str
    category: str
    context: tuple[str, ...] = ()  # words one of which must stand near an alias of this row


class Hit(NamedTuple):
    """An alias found in a text, with every row it may stand for (a tuple: made by the thousand)."""

    start: int
    end: int
    alias: str
    entries: tuple[Entry, ...]


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    terminal: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """A compiled alias table."""

    regex: re.Pattern[str]
    by_key: dict[str, tuple[tuple[str, Entry], ...]]
    # matched text -> (alias, entries) or None: news repeats its names ("Taiwan", "US")
    seen: dict[str, tuple[str, tuple[Entry, ...]] | None] = field(default_factory=dict)


def spelling_variants(alias: str) -> list[str]:
    """Return the alias in every British and American spelling."""
    variants = [alias]
    for a, b in SPELLING_VARIANTS:
        for v in list(variants):
            low = v.lower()
            for old, new in ((a, b), (b, a)):
                i = low.find(old)
                if i >= 0:
                    variants.append(
                        v[:i] + _same_case(v[i : i + len(old)], new) + v[i + len(old) :]
                    )
    return list(dict.fromkeys(variants))


def _same_case(model: str, word: str) -> str:
    """Return word with the case of its first letter taken from model."""
    return word[0].upper() + word[1:] if model[:1].isupper() else word


def alias_key(text: str) -> str:
    """Return the lookup key of an alias or a matched text: lower case, no separators."""
    return _COMPACT.sub("", text).lower()


def case_class(alias: str) -> str:
    """Return how an alias's case must match: exact, initial or any."""
    if not any(c.islower() for c in alias):
        return "exact"
    return "initial" if alias[:1].isupper() else "any"


def case_matches(alias: str, found: str) -> bool:
    """Return whether found (the matched text without its plural ending) has the alias's case."""
    rule = case_class(alias)
    if rule == "exact":
        return _COMPACT.sub("", found) == _COMPACT.sub("", alias)
    if rule == "initial":
        return found[:1] == alias[:1]
    return True


def _units(alias: str) -> list[str]:
    """Return the alias as trie units: lower-case characters and separator markers."""
    units: list[str] = []
    for c in alias.strip(SEPARATORS).lower():
        if c in SEPARATORS:
            if units[-1] != _SEP:
                units.append(_SEP)
        elif c in "'\u2019":
            units.append(_APOS)
        elif c == ".":
            units.append(_DOT)
        else:
            units.append(c)
    return units


def _trie(aliases: Iterable[str]) -> _Node:
    """Return the trie of the aliases' units."""
    root = _Node()
    for alias in aliases:
        node = root
        for unit in _units(alias):
            node = node.children.setdefault(unit, _Node())
        node.terminal = True
    return root


def _emit(node: _Node) -> str:
    """Return the regex of a trie node's continuations (the empty one too when it is terminal)."""
    # separators first: they may match nothing, so they must be tried before a literal
    order = sorted(node.children, key=lambda u: (u != _SEP, u))
    parts = [_UNIT_REGEX.get(u, re.escape(u)) + _emit(node.children[u]) for u in order]
    if not parts:
        return ""
    if node.terminal:
        # an empty last alternative, not "(?:...)?": the same tries in the same order, and
        # re runs a branch faster than a repeat
        return "(?:" + "|".join(parts) + "|)"
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def build_vocabulary(rows: Iterable[tuple[Entry, Iterable[str]]]) -> Vocabulary:
    """Return the compiled vocabulary of (entry, aliases) rows."""
    by_key: dict[str, list[tuple[str, Entry]]] = {}
    for entry, aliases in rows:
        for alias in aliases:
            for variant in spelling_variants(alias.strip()):
                by_key.setdefault(alias_key(variant), []).append((variant, entry))
    surfaces = {a for pairs in by_key.values() for a, _ in pairs}
    plural = "(?:" + "|".join(PLURAL_ENDINGS) + "|)"
    # one character that is no part of a word opens the pattern: the regex engine then skips
    # ahead to such characters in C instead of trying every position
    pattern = f"{_LEAD}({_emit(_trie(surfaces))}{plural})(?![\\w$])"
    # matched against lower-cased text: an IGNORECASE pattern this size runs twice as slow
    return Vocabulary(re.compile(pattern), {k: tuple(v) for k, v in by_key.items()})


def _lookup(vocab: Vocabulary, found: str) -> tuple[str, tuple[Entry, ...]] | None:
    """Return the alias a matched text is and the rows whose case it fits, or None."""
    if found in vocab.seen:
        return vocab.seen[found]
    key = alias_key(found)
    result = None
    for cut in (0, *(len(e) for e in PLURAL_ENDINGS)):
        if cut and not key.endswith(found[-cut:].lower()):
            continue
        stem = found[: len(found) - cut] if cut else found
        pairs = vocab.by_key.get(key[: len(key) - cut] if cut else key)
        fitting = [p for p in pairs or () if case_matches(p[0], stem)]
        if fitting:
            result = fitting[0][0], tuple(dict.fromkeys(e for _, e in fitting))
            break
    if len(vocab.seen) < MAX_SEEN:
        vocab.seen[found] = result
    return result


def lowered(text: str) -> str:
    """Return text in lower case with its dashes as "-", character for character."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # a pattern of plain ASCII separators compiles ten times faster than one with dashes
    if low.isascii():
        return low
    # four scans by str.replace cost less than one re.sub
    for dash in _DASH_CHARS:
        low = low.replace(dash, "-")
    return low


def _lowered_from(text: str, start: int, stop: int) -> str:
    """Return text[start - 1 : stop] lowered, or a space and text[:stop] lowered from 0."""
    # actors and then systems read each text: the second reads the first's, kept per thread
    last = getattr(_last_lowered, "last", None)
    if last is not None and last[0] is text and last[1] == start and last[2] == stop:
        return last[3]
    low = lowered(text[start - 1 : stop]) if start > 0 else " " + lowered(text[:stop])
    _last_lowered.last = (text, start, stop, low)
    return low


def find_hits(
    vocab: Vocabulary, text: str, start: int = 0, end: int | None = None
) -> Iterator[Hit]:
    """Yield the aliases in text[start:end], leftmost-longest, not overlapping, ignore rows too."""
    stop = len(text) if end is None else end
    # the character before start decides whether an alias may begin there; a space before
    # the text lets one begin at its very start
    origin = start - 1
    low = _lowered_from(text, start, stop)
    seen = vocab.seen
    pos: int | None = 0
    while pos is not None:
        resume, pos = pos, None
        for m in vocab.regex.finditer(low, resume):
            i, j = m.span(1)
            if low[i - 1] > "\x7f" and _WORDLIKE.match(low, i - 1):
                # a non-ASCII letter before it: where "[^\\w\\-]" would have looked next
                pos = i
                break
            a, b = origin + i, origin + j
            matched = text[a:b]
            # most matched texts were seen before: their memo is read here, without a call
            found = seen.get(matched, _UNSEEN)
            if found is _UNSEEN:
                found = _lookup(vocab, matched)
            if found is None:
                # the case does not fit ("us", "former president Tsai"): one starting later may
                pos = i
                break
            # Hit(...) would call the named tuple's __new__, written in Python
            yield _new_tuple(Hit, (a, b, *found))


def new_match(start: int, end: int, text: str, name: str, category: str, rule: str) -> Match:
    """Return Match(start, end, text, name, category, rule), made as cheaply as a plain object."""
    # a frozen dataclass sets each field through object.__setattr__: twice the cost of this
    m = _new_object(Match)
    m.__dict__.update(start=start, end=end, text=text, name=name, category=category, rule=rule)
    return m


def read_rows(
    lines: Iterable[dict[str, str]], category_field: str, name_is_alias: bool = True
) -> list[tuple[Entry, list[str]]]:
    """Return (entry, aliases) rows of a table: name, aliases (|-separated), category, context."""
    rows = []
    for row in lines:
        name = row["name"].strip()
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        context = tuple(w.strip() for w in (row.get("context") or "").split("|") if w.strip())
        entry = Entry(name, row[category_field].strip(), context)
        rows.append((entry, [name, *aliases] if name_is_alias else aliases))
    return rows


@cache
def table_rows(table: str) -> tuple[dict[str, str], ...]:
    """Return the rows of a CSV table shipped in timeline/data, read once."""
    text = (Path(__file__).parent / "data" / table).read_text(encoding="utf-8")
    return tuple(csv.DictReader(io.StringIO(text, newline="")))


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


def whole_text_once(
    finder: Callable[[str, int, int], list[S]],
) -> Callable[[str, int, int | None], list[S]]:
    """Return finder over text[start:end] that reads each text whole once and keeps the last.

    Callers ask sentence by sentence about one document: a call per sentence costs more in
    overhead than the search itself, so the first call reads the whole text and later calls
    about the same text object take the matches inside their span. Where a match of the whole
    text crosses the span's edge, the span alone is read, as it would have been without this.
    """
    memo = threading.local()

    def within(text: str, start: int = 0, end: int | None = None) -> list[S]:
        stop = len(text) if end is None else end
        if start <= 0 and stop >= len(text):
            return finder(text, 0, len(text))
        last = getattr(memo, "last", None)
        if last is None or last[0] is not text:
            found = finder(text, 0, len(text))
            last = (text, found, [m.start for m in found])
            memo.last = last
        found, starts = last[1], last[2]
        i = bisect_left(starts, start)
        if i > 0 and found[i - 1].end > start:
            return finder(text, start, stop)
        out = []
        for m in found[i:]:
            if m.start >= stop:
                break
            if m.end > stop:
                return finder(text, start, stop)
            out.append(m)
        return out

    return within
