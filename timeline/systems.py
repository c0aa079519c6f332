"""Weapon systems the United States sells Taiwan, found in text by name or alias.

The table is ``data/systems.csv`` (name, aliases, category, description). Its rows are
specific systems ("HIMARS", "Harpoon Coastal Defense System") and generic ones, whose
names are lower case ("cruise missiles", "radars", "mines"). A generic name right after
a specific one describes it and is not reported: "AGM-84H cruise missiles" and "Harpoon
Coastal Defense Systems (anti-ship missiles)" name one system each. A modifier shared
through "and"/"or" counts for each generic it modifies: "anti-ship and cruise missiles"
names anti-ship missiles and cruise missiles. Support after a system ("AH-1W spare parts") is
reported as well: it is what was bought for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.records import Match
from timeline.vocabulary import (
    IGNORE,
    Vocabulary,
    build_vocabulary,
    find_hits,
    new_match,
    read_rows,
    table_rows,
    whole_text_once,
)

#: the categories of the systems table
SYSTEM_CATEGORIES = (
    "air defence",
    "anti-ship",
    "strike",
    "aircraft",
    "armour",
    "drones",
    "C4ISR",
    "munitions",
    "sustainment",
)

#: what may stand between a specific system and a generic name that describes it
APPOSITION = re.compile(r"\s*\(?\s*")

#: a modifier shared with the generic name after it: "anti-ship and " (cruise missiles)
SHARED_MODIFIER = re.compile(
    r"([A-Za-z][\w-]*)(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*)$"
)

#: how the text before a shared modifier's generic name ends (a cheap test before the regex)
LINKS = (",", "/", " and", " or")

#: the category of things bought for a system ("F-16 ... spare parts"), never its description
SUPPORT = "sustainment"

#: how far back a shared modifier may stand (characters)
SHARED_WINDOW = 60

TABLE = "systems.csv"


@dataclass(frozen=True)
class System:
    """A weapon system of the table."""

    name: str
    aliases: tuple[str, ...]
    category: str
    description: str


@cache
def _systems() -> tuple[System, ...]:
    """Return the rows of the systems table, ignore rows included."""
    return tuple(
        System(
            row["name"].strip(),
            tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
            row["category"].strip(),
            row["description"].strip(),
        )
        for row in table_rows(TABLE)
    )


def systems_table() -> list[System]:
    """Return the weapon systems of the table, in table order."""
    return [s for s in _systems() if s.category != IGNORE]


@cache
def _vocabulary() -> Vocabulary:
    """Return the compiled systems vocabulary."""
    return build_vocabulary(read_rows(table_rows(TABLE), "category"))


@cache
def _categories() -> dict[str, str]:
    """Return each system name's category."""
    return {s.name: s.category for s in systems_table()}


def category_of(name: str) -> str:
    """Return the category of a system name, or "" when the table does not hold it."""
    return _categories().get(name, "")


def is_generic(name: str) -> bool:
    """Return whether a system name is a generic one ("cruise missiles"), not a named system."""
    return name == name.lower()


def _matches(text: str, start: int, end: int | None) -> list[Match]:
    """Return every alias match, ignore rows included, in order."""
    return [
        new_match(
            h.start, h.end, text[h.start : h.end], h.entries[0].name, h.entries[0].category, "alias"
        )
        for h in find_hits(_vocabulary(), text, start, end)
    ]


def _describes(system: Match, after: Match) -> bool:
    """Return whether a match right after a system only describes it (or names it again)."""
    if after.name == system.name:
        return True
    return is_generic(after.name) and after.category != SUPPORT and not is_generic(system.name)


def _without_appositions(text: str, found: list[Match]) -> list[Match]:
    """Return the matches less those that directly describe the system before them."""
    kept: list[Match] = []
    for m in found:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and _describes(prev, m)
            and APPOSITION.fullmatch(text, prev.end, m.start)
        ):
            continue
        kept.append(m)
    return kept


def _shared_modifiers(text: str, start: int, m: Match, taken: list[Match]) -> list[Match]:
    """Return the generic systems a modifier before a generic match shares its head with."""
    head = m.text.split()[-1] if len(m.text.split()) > 1 else ""
    found: list[Match] = []
    left = m.start
    while head:
        if not text[max(start, left - SHARED_WINDOW) : left].rstrip().endswith(LINKS):
            break
        before = SHARED_MODIFIER.search(text, max(start, left - SHARED_WINDOW), left)
        if before is None or any(
            t.start < before.end(1) and before.start(1) < t.end for t in taken
        ):
            break
        candidate = f"{before.group(1)} {head}"
        hit = next(find_hits(_vocabulary(), candidate), None)
        if hit is None or hit.start != 0 or hit.end != len(candidate):
            break
        entry = hit.entries[0]
        if not is_generic(entry.name) or entry.category == IGNORE:
            break
        found.insert(
            0,
            Match(
                before.start(1),
                before.end(1),
                before.group(1),
                entry.name,
                entry.category,
                "shared_modifier",
            ),
        )
        left = before.start(1)
    return found


def find_systems(text: str, start: int = 0, end: int | None = None) -> list[Match]:
    """Return the weapon systems named in text[start:end] (offsets into text), in order."""
    return _systems_within(text, start, end)


def _all_systems(text: str, start: int, end: int) -> list[Match]:
    """Return the weapon systems named in text[start:end], in order."""
    found = _without_appositions(text, _matches(text, start, end))
    out: list[Match] = []
    for m in found:
        if m.category == IGNORE:
            continue
        if is_generic(m.name):
            out.extend(_shared_modifiers(text, start, m, found))
        out.append(m)
    return out


_systems_within = whole_text_once(_all_systems)
