"""Frozen records that flow down the pipeline: documents, temporal expressions, money, mentions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date

#: where a document's publication date came from, best first
PUBLISHED_SOURCES = ("manifest", "metadata", "text", "inferred", "user", "none")


@dataclass(frozen=True)
class Boilerplate:
    """A span of a document that is not the article (kept, only marked)."""

    start: int
    end: int
    kind: str  # disclaimer, prompt, bio, copyright, links, sidebar, byline, ...
    rule: str = ""


@dataclass(frozen=True)
class Document:
    """One article, its decoded text and what is known about it."""

    doc: str  # file name, or file#record for a collection
    text: str  # the text exactly as decoded: every offset indexes into it
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    published_source: str = "none"
    published_confidence: float = 0.0  # 1.0 for manifest/metadata/user
    published_evidence: str = ""  # the text or field the date came from
    boilerplate: tuple[Boilerplate, ...] = ()
    path: str = ""  # file on disk, when there is one

    def is_boilerplate(self, start: int, end: int) -> bool:
        """Return whether the span [start, end) lies mostly in boilerplate."""
        inside = sum(max(0, min(end, b.end) - max(start, b.start)) for b in self.boilerplate)
        return inside * 2 > max(1, end - start)

    @property
    def boilerplate_chars(self) -> int:
        return sum(b.end - b.start for b in self.boilerplate)


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read, and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Timex:
    """A temporal expression with its TimeML TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2020-10-21, 2020-09, P4Y, PAST_REF, XXXX-08-17, ...
    anchor: str = ""  # what a relative expression was resolved against (ISO date), or ""
    rule: str = ""  # which rule produced it


@dataclass(frozen=True)
class Money:
    """An amount of money in the text, in US dollars."""

    start: int
    end: int
    text: str
    low: float  # USD; the amount itself, or a range's low end
    high: float | None = None  # a range's high end
    currency: str = "USD"  # currency as written (USD, RMB, NTD, ...)
    usd: bool = True  # False for amounts in other currencies (never summed as dollars)
    conversion: bool = False  # True when it restates a neighbouring amount (in parentheses)
    rule: str = ""


@dataclass(frozen=True)
class Match:
    """A vocabulary entry (weapon system or actor) found in the text."""

    start: int
    end: int
    text: str
    name: str  # canonical name
    category: str = ""  # system category, or actor kind
    rule: str = ""


@dataclass(frozen=True)
class Mention:
    """One event reported in one sentence of one document."""

    doc: str
    event_type: str
    date: dt.date | None  # the field shares the type's name: dt. keeps them apart for type checkers
    date_end: dt.date | None
    date_precision: str  # day, week, month, quarter, year, approximate, ""
    date_text: str
    date_source: str  # timex, published, none
    actor: str
    stance: str
    value_usd: float | None
    value_usd_high: float | None
    systems: tuple[str, ...]
    categories: tuple[str, ...]
    evidence: str
    start: int
    end: int
    confidence: float
    rule: str = ""
    value_text: str = ""
    event_id: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
