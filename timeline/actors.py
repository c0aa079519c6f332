"""Actors of arms-sale news (governments, ministries, parties, media), normalised from a table.

The table is ``data/actors.csv`` (name, aliases, kind, context). A spokesperson or minister
is an alias of the body they speak for ("Mao Ning" is "China MFA"). Rows with a ``context``
hold aliases that name different bodies in different countries ("foreign ministry", "the
People's Party", "lawmakers"): such an alias counts only when one of the row's context words
stands in the same sentence or the one before it, and when rows compete the nearest word
wins; with none, the alias is not reported.

Two rules join what the text joins: an owner before an organisation gives way to it
("Taiwan's Ministry of Defence", "the Pentagon's Defense Security Cooperation Agency", "US
State Department" name the organisation), and consecutive mentions of one actor linked by a
title become one ("Chinese Foreign Ministry spokesman Zhao Lijian").

News agencies and outlets are in the table so that the events module can tell a source
("according to Reuters") from an actor: their kinds are ``SOURCE_KINDS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.records import Match
from timeline.vocabulary import (
    IGNORE,
    Entry,
    Hit,
    Vocabulary,
    build_vocabulary,
    find_hits,
    new_match,
    read_rows,
    table_rows,
    whole_text_once,
)

TABLE = "actors.csv"

#: kinds of actors that report news rather than act in it
SOURCE_KINDS = ("news agency", "news outlet")

#: canonical actor names in a stable order (United States, Taiwan, China, others, think
#: tanks, media), for chart lanes and legends that do not depend on a colour palette
ACTOR_ORDER = (
    "US President",
    "US State Department",
    "DSCA",
    "Pentagon",
    "US Congress",
    "US government",
    "AIT",
    "Taiwan President",
    "Taiwan Presidential Office",
    "Taiwan government",
    "Taiwan MND",
    "Taiwan MOFA",
    "Taiwan legislature",
    "KMT",
    "DPP",
    "TPP",
    "China",
    "China MFA",
    "China MND",
    "Taiwan Affairs Office",
    "China MOFCOM",
    "PLA",
    "CCP",
    "People's Daily",
    "Global Times",
    "Xinhua",
    "CCTV",
    "China Daily",
    "CGTN",
    "PLA Daily",
    "China state media",
    "Japan",
    "Cato Institute",
    "CSIS",
    "Heritage Foundation",
    "RAND Corporation",
    "Brookings Institution",
    "Stimson Center",
    "Hudson Institute",
    "American Enterprise Institute",
    "Council on Foreign Relations",
    "Taiwan Security Analysis Center",
    "INDSR",
    "Project 2049 Institute",
    "US-Taiwan Business Council",
    "SIPRI",
    "IISS",
    "German Marshall Fund",
    "Reuters",
    "Associated Press",
    "AFP",
    "Bloomberg",
    "CNA",
    "Kyodo",
    "Yonhap",
    "TASS",
    "Sputnik",
    "UPI",
    "South China Morning Post",
    "Taipei Times",
    "Taiwan News",
    "Liberty Times",
    "United Daily News",
    "China Times",
    "Financial Times",
    "New York Times",
    "Wall Street Journal",
    "Washington Post",
    "Defense News",
    "Breaking Defense",
    "The Diplomat",
    "Nikkei",
    "CNN",
    "BBC",
    "Fox News",
    "Politico",
    "Axios",
    "Newsweek",
    "Voice of America",
    "Radio Free Asia",
    "Observer Network",
    "Epoch Times",
)

#: the end of a sentence, for the context of an alias that needs one
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]*]*\s+|\n\s*\n")

#: how far (characters) to look back and ahead for an alias's context
CONTEXT_REACH = 600

#: how many sentences back the context reaches (1: the sentence before the alias's own)
CONTEXT_SENTENCES_BACK = 1

#: between an owner and what it owns: "Taiwan's ", "China's official ", "US "
OWNED = re.compile(r"(?P<possessive>['\u2019]s)?\s+(?:official\s+|own\s+|state-run\s+)?")

#: a dateline opening a line: "WASHINGTON (Reuters) -", "TAIPEI, Taiwan —"; the place is no actor
DATELINE = re.compile(
    r"[\s*#_]*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]*)?\s*(?:\([^)\n]{1,40}\))?\s*[-\u2013\u2014:]"
)

#: how far into a line (characters) a dateline may reach
DATELINE_REACH = 60

#: the longest gap (characters) an owner or a title may leave between two mentions
JOIN_REACH = 40

#: kinds that own what follows them even without a possessive ("US State Department")
OWNER_KINDS = ("government",)

#: between two mentions of one actor that make one: "spokesman **", ", a spokeswoman for the ", " ("
TITLED = re.compile(
    r"[\s*_,(]*(?:(?:an?|the)\s+)?(?:(?:chief|deputy|senior|press|acting)\s+)?"
    r"(?:(?:spokesperson|spokesman|spokeswoman|minister|secretary|director|official|head|chairman)"
    r"(?:\s+(?:for|of|at))?(?:\s+the)?)?"
    r"[\s*_,(]*"
)


@cache
def _rows() -> list[tuple[Entry, list[str]]]:
    """Return the rows of the actors table."""
    return read_rows(table_rows(TABLE), "kind", name_is_alias=False)


@cache
def _vocabulary() -> Vocabulary:
    """Return the compiled actors vocabulary."""
    return build_vocabulary(_rows())


@cache
def _actor_kinds() -> dict[str, str]:
    """Return each actor name's kind (cached)."""
    return {e.name: e.category for e, _ in _rows() if e.category != IGNORE}


def actor_kinds() -> dict[str, str]:
    """Return each canonical actor name's kind (government, ministry, party, news agency, ...)."""
    return dict(_actor_kinds())


@cache
def _cue_regex(context: tuple[str, ...]) -> re.Pattern[str]:
    """Return the regex of a row's context words."""
    words = "|".join(re.escape(w) for w in sorted(context, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w])")


def context_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span of the sentence holding text[start:end] and the sentence before it."""
    lo = max(0, start - CONTEXT_REACH)
    ends = [m.end() for m in SENTENCE_END.finditer(text, lo, start)]
    left = ends[-1 - CONTEXT_SENTENCES_BACK] if len(ends) > CONTEXT_SENTENCES_BACK else lo
    after = SENTENCE_END.search(text, end, min(len(text), end + CONTEXT_REACH))
    return left, after.start() + 1 if after else min(len(text), end + CONTEXT_REACH)


def _cue_distance(text: str, hit: Hit, entry: Entry, span: tuple[int, int]) -> int | None:
    """Return how far the nearest context word of the entry stands from the hit, if any."""
    distances = [
        hit.start - m.end() if m.end() <= hit.start else m.start() - hit.end + 1
        for m in _cue_regex(entry.context).finditer(text, *span)
        if m.end() <= hit.start or m.start() >= hit.end
    ]
    return min(distances) if distances else None


def _plain(entries: tuple[Entry, ...]) -> Entry | None:
    """Return the first of the entries that needs no context, if any."""
    # a loop over the one or two entries costs less than hashing them for a memo
    for e in entries:
        if not e.context:
            return e
    return None


def _resolved(text: str, hit: Hit) -> tuple[Entry, str] | None:
    """Return the entry a hit stands for and the rule that chose it, or None."""
    plain = _plain(hit.entries)
    if plain is not None:
        return plain, "alias"
    span = context_span(text, hit.start, hit.end)
    scored = [(d, e) for e in hit.entries if (d := _cue_distance(text, hit, e, span)) is not None]
    if not scored:
        return None
    _, entry = min(scored, key=lambda de: de[0])
    return entry, "alias+context"


@dataclass(frozen=True)
class _Open:
    """An alias whose context did not decide between the bodies it may name."""

    start: int
    end: int
    names: tuple[str, ...]


def _matches(text: str, start: int, end: int | None) -> list[Match | _Open]:
    """Return the alias matches in order, ignore rows dropped, undecided ones left open."""
    out: list[Match | _Open] = []
    for hit in find_hits(_vocabulary(), text, start, end):
        resolved = _resolved(text, hit)
        if resolved is None:
            out.append(_Open(hit.start, hit.end, tuple(e.name for e in hit.entries)))
        elif resolved[0].category != IGNORE:
            entry, rule = resolved
            out.append(
                new_match(
                    hit.start, hit.end, text[hit.start : hit.end], entry.name, entry.category, rule
                )
            )
    return out


def _owner_gives_way(text: str, owner: Match | _Open, owned: Match) -> bool:
    """Return whether owner only qualifies the actor right after it ("Taiwan's ministry")."""
    if isinstance(owner, _Open):
        return False
    gap = OWNED.fullmatch(text, owner.end, owned.start)
    if gap is None or owner.name == owned.name:
        return False
    return bool(gap.group("possessive")) or owner.category in OWNER_KINDS


def _same_actor(text: str, first: Match | _Open, second: Match | _Open) -> Match | None:
    """Return the one actor two titled mentions make ("Foreign Ministry spokesperson Mao Ning")."""
    if isinstance(first, _Open) and isinstance(second, _Open):
        return None
    known = second if isinstance(second, Match) else first
    assert isinstance(known, Match)
    other = first if known is second else second
    fits = other.names if isinstance(other, _Open) else (other.name,)
    if known.name not in fits or not TITLED.fullmatch(text, first.end, second.start):
        return None
    end = second.end
    if "(" in text[first.end : second.start] and text[end : end + 1] == ")":
        end += 1  # "Defense Security Cooperation Agency (DSCA)" closes its parenthesis
    return Match(first.start, end, text[first.start : end], known.name, known.category, "joined")


def _joined(text: str, found: list[Match | _Open]) -> list[Match]:
    """Return the matches with owners dropped and titled mentions of one actor made one."""
    out: list[Match | _Open] = []
    for m in found:
        if out and m.start - out[-1].end > JOIN_REACH:
            out.append(m)
            continue
        while out and isinstance(m, Match) and _owner_gives_way(text, out[-1], m):
            out.pop()
        one = _same_actor(text, out[-1], m) if out else None
        if one is not None:
            out[-1] = one
            continue
        out.append(m)
    return [m for m in out if isinstance(m, Match)]


def _in_dateline(text: str, m: Match) -> bool:
    """Return whether a match is the place of a dateline ("WASHINGTON", "TAIPEI, Taiwan")."""
    if m.category != "government":
        return False
    line = text.rfind("\n", 0, m.start) + 1
    if m.start - line > DATELINE_REACH:
        return False
    dateline = DATELINE.match(text, line)
    return dateline is not None and dateline.end() >= m.end


def _all_actors(text: str, start: int, end: int) -> list[Match]:
    """Return the actors named in text[start:end], normalised, in order."""
    found = _joined(text, _matches(text, start, end))
    return [m for m in found if not _in_dateline(text, m)]


_actors_within = whole_text_once(_all_actors)


def find_actors(text: str, start: int = 0, end: int | None = None) -> list[Match]:
    """Return the actors named in text[start:end] (offsets into text), normalised, in order."""
    return _actors_within(text, start, end)
