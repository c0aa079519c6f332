"""The timeline (pandas): mentions merged into events within and across documents."""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import pandas as pd

from timeline.records import Document, Mention
from timeline.schema import MENTION_COLUMNS, MENTION_EXTRA_COLUMNS, TIMELINE_COLUMNS, Column, names
from timeline.systems import category_of

#: a mention or event as a plain record: column name to value
Record = dict[str, Any]

#: kinds of event that carry a sale (a reaction answers one of them)
SALE_TYPES = ("approval", "plan_or_talks", "delivery")
#: which sale a reaction answers, best first
ANSWERED_TYPES = ("approval", "plan_or_talks", "delivery")
ANSWERED_RANK = {t: i for i, t in enumerate(ANSWERED_TYPES)}
#: kinds of event that answer a sale: one speaker's one statement
ANSWERING_TYPES = ("reaction", "sanction")
#: merging a sale's mention takes about this many times a statement's: it meets every sale of
#: its weeks that has no value yet
SALE_MERGE_COST = 2
#: values within this share of each other are the same money
VALUE_TOLERANCE = 0.02
#: width of a money bucket in log dollars: wider than VALUE_TOLERANCE, so close values neighbour
BUCKET_LOG_WIDTH = math.log(1 + 2 * VALUE_TOLERANCE)
#: a mention dated only by its article's publication may report what happened this many days before
RECENT_DAYS = 7
#: a reaction answers a sale reported at most this many days before it
ANSWER_WINDOW_DAYS = 120
#: nanoseconds in a day: pandas keeps dates as nanoseconds since the epoch
DAY_NS = 86_400 * 10**9
#: precision of an interval, narrowest first (for choosing an event's date)
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "approximate": 5, "": 6}


class _Event:
    """Mentions gathered into one event while merging, with what matching needs kept at hand."""

    __slots__ = ("members", "lead", "window", "docs", "value", "systems", "n")

    def __init__(self, lead: Mention, n: int) -> None:
        self.members: list[int] = []  # indices of its mentions, lead first
        self.lead = lead
        self.window = _window(lead)
        self.docs: set[str] = set()
        self.value: tuple[float, float | None] | None = None
        self.systems: set[str] = set()
        self.n = n  # order of founding: ties go to the earlier, more specific event

    def add(self, m: Mention, i: int) -> None:
        self.members.append(i)
        self.docs.add(m.doc)
        self.systems.update(m.systems)
        if self.value is None and m.value_usd is not None:
            self.value = (m.value_usd, m.value_usd_high)


Index = dict[tuple[object, ...], list[_Event]]


def assign_events(mentions: Sequence[Mention]) -> list[Mention]:
    """Return the mentions, in document order, each with the event_id of the event it reports."""
    return [_with_event_id(m, i) for m, i in zip(mentions, event_ids(mentions), strict=True)]


def event_ids(mentions: Sequence[Mention]) -> list[str]:
    """Return the event_id of the event each mention reports, in the mentions' order."""
    return ids_of_events(mentions, event_groups(mentions))


def event_groups(mentions: Sequence[Mention]) -> list[list[int]]:
    """Return the events as the indices of their mentions, lead first, in the order founded.

    Mentions of different kinds never share an event: each kind may be grouped apart, and the
    groups put back in order with founding_order.
    """
    events: list[_Event] = []
    index: Index = defaultdict(list)
    for i in sorted(range(len(mentions)), key=lambda i: _specificity(mentions[i])):
        m = mentions[i]
        window = _window(m)
        event = _best_event(m, window, index)
        if event is None:
            event = _Event(m, len(events))
            events.append(event)
            for week in _weeks(window):
                for part in _event_parts(m):
                    index[(m.event_type, week, part)].append(event)
        if m.doc not in event.docs:
            index[(m.event_type, "doc", m.doc)].append(event)
        had_value = event.value is not None
        event.add(m, i)
        if not had_value and event.value is not None and m.event_type not in ANSWERING_TYPES:
            for week in _weeks(event.window):  # it now also meets mentions of its money
                index[(m.event_type, week, _bucket(event.value[0]))].append(event)
    return [e.members for e in events]


def founding_order(mentions: Sequence[Mention], groups: list[list[int]]) -> list[list[int]]:
    """Return groups of several kinds (indices into mentions) in the order one pass founds them."""
    return sorted(groups, key=lambda g: (_specificity(mentions[g[0]]), g[0]))


def kind_halves(mentions: Sequence[Mention]) -> tuple[list[int], list[int]]:
    """Return the indices of the mentions in two halves of about equal merging work, kinds whole."""
    kinds: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        kinds[m.event_type].append(i)
    halves: tuple[list[int], list[int]] = ([], [])
    work = [0, 0]
    for kind, found in sorted(kinds.items(), key=lambda kv: -len(kv[1]) * _merge_cost(kv[0])):
        k = work.index(min(work))
        halves[k].extend(found)
        work[k] += len(found) * _merge_cost(kind)
    return sorted(halves[0]), sorted(halves[1])


def _merge_cost(kind: str) -> int:
    """Return the relative work of merging one mention of a kind."""
    return SALE_MERGE_COST if kind in SALE_TYPES else 1


def ids_of_events(mentions: Sequence[Mention], groups: Sequence[Sequence[int]]) -> list[str]:
    """Return each mention's event id: a hash of its event's lead (groups in founding order)."""
    ids = [""] * len(mentions)
    seen: set[str] = set()
    for group in groups:
        lead = mentions[group[0]]
        digest = hashlib.sha1(
            f"{lead.doc}|{lead.start}|{lead.event_type}|{lead.value_usd}|{lead.actor}".encode()
        )
        event_id = "E" + digest.hexdigest()[:10]
        while event_id in seen:
            event_id = "E" + hashlib.sha1(event_id.encode()).hexdigest()[:10]
        seen.add(event_id)
        for i in group:
            ids[i] = event_id
    return ids


def _with_event_id(m: Mention, event_id: str) -> Mention:
    """Return a copy of a mention with its event id (dataclasses.replace, without its cost)."""
    copy = object.__new__(Mention)
    copy.__dict__.update(m.__dict__, event_id=event_id)
    return copy


def _specificity(m: Mention) -> tuple[int, str, int]:
    """Order mentions so that the most specific ones found the events: own date, value, systems."""
    score = (
        (m.date_source == "timex" and m.date_precision != "approximate") * 4
        + (m.value_usd is not None) * 2
        + bool(m.systems)
        + ("part_of_start" in m.extra) * 8
    )
    return (-score, m.doc, m.start)


def _window(m: Mention) -> tuple[date, date] | None:
    """Return the interval a mention may refer to: its own, or the days up to its publication."""
    if m.date is None or m.date_precision == "approximate":
        return None
    if m.date_source == "published":
        return m.date - timedelta(days=RECENT_DAYS), m.date
    return m.date, m.date_end or m.date


@lru_cache(maxsize=65536)
def _weeks(window: tuple[date, date] | None) -> tuple[date, ...]:
    """Return the Monday of each week a window touches (none when there is no window)."""
    if window is None:
        return ()
    day = window[0] - timedelta(days=window[0].weekday())
    weeks = []
    while day <= window[1]:
        weeks.append(day)
        day += timedelta(days=7)
    return tuple(weeks)


# The index files an event under each week of its window and under the parts of _match_score's
# tests it must pass: a reaction's speaker and stance, a sale's money. A mention looks only where
# an event it could join is filed, so a corpus of many weeks' news is not compared pairwise.


def _bucket(usd: float) -> tuple[str, int]:
    """Return the money bucket of a value: values within VALUE_TOLERANCE share or neighbour one."""
    return ("usd", math.floor(math.log(max(usd, 1.0)) / BUCKET_LOG_WIDTH))


def _event_parts(lead: Mention) -> list[object]:
    """Return the index parts an event founded by lead is filed under."""
    if lead.event_type in ANSWERING_TYPES:
        return [(_side(lead), lead.stance)]
    if lead.event_type in SALE_TYPES:
        own = _bucket(lead.value_usd) if lead.value_usd is not None else "no value"
        return ["any", own]
    return [_bucket(lead.value_usd)] if lead.value_usd is not None else []


def _mention_parts(m: Mention) -> list[object]:
    """Return the index parts where the events a mention could join are filed."""
    if m.event_type in ANSWERING_TYPES:
        return [(_side(m), m.stance)]
    if m.value_usd is None:
        return ["any"] if m.event_type in SALE_TYPES else []  # others merge on money alone
    kind, n = _bucket(m.value_usd)
    near: list[object] = [(kind, n - 1), (kind, n), (kind, n + 1)]
    return [*near, "no value"] if m.event_type in SALE_TYPES else near


def _best_event(m: Mention, window: tuple[date, date] | None, index: Index) -> _Event | None:
    """Return the event a mention joins, or None when it starts a new one."""
    if "part_of_start" in m.extra:
        return None  # a part of a package is an event of its own, linked to its total
    keys = [(m.event_type, w, p) for w in _weeks(window) for p in _mention_parts(m)]
    candidates: dict[int, _Event] = {}
    for key in [*keys, (m.event_type, "doc", m.doc)]:
        for e in index.get(key, ()):
            candidates[e.n] = e
    best: tuple[float, _Event] | None = None
    for n in sorted(candidates):
        e = candidates[n]
        score = _match_score(m, window, e)
        if score is not None and (best is None or score > best[0]):
            best = (score, e)
    return best[1] if best else None


def _match_score(m: Mention, mw: tuple[date, date] | None, e: _Event) -> float | None:
    """Return how well a mention fits an event (higher is better), None for different events."""
    lead = e.lead
    if m.event_type != lead.event_type or "part_of_start" in lead.extra:
        return None
    same_doc = m.doc in e.docs
    ew = e.window
    if mw is None or ew is None:
        if not same_doc or (mw is None) == (ew is None) and mw is not None:
            return None
    elif mw[1] < ew[0] or ew[1] < mw[0]:
        return None
    score = 1.0 + same_doc
    if m.event_type in ANSWERING_TYPES:
        # one statement: same speaker, same stance, the same day (not merely overlapping windows)
        same_day = (m.date, m.date_precision, m.date_source == "published") == (
            lead.date,
            lead.date_precision,
            lead.date_source == "published",
        )
        if _side(m) != _side(lead) or m.stance != lead.stance or (same_doc and not same_day):
            return None
        if (m.event_type == "reaction" or same_doc) and m.actor != lead.actor:
            return None  # in one article, two bodies' measures are two measures
        return score + same_day
    value, ev = (m.value_usd, m.value_usd_high), e.value
    systems = e.systems
    if value[0] is not None and ev is not None:
        if not (_close(value[0], ev[0]) and _close(value[1], ev[1])):
            return None
        score += 4
    elif value[0] is not None or ev is not None:
        if m.systems and systems and not _kin(m.systems, systems):
            return None
        if not same_doc and value[0] is not None and ev is None and systems and not m.systems:
            return None
    if not same_doc and m.event_type not in SALE_TYPES and (value[0] is None or ev is None):
        return None  # across articles, budgets and background merge only on the same money
    shared = set(m.systems) & systems
    if m.systems and systems and not shared and not same_doc and not _kin(m.systems, systems):
        return None
    return score + len(shared)


def _kin(a: Iterable[str], b: Iterable[str]) -> bool:
    """Return whether two lists of systems can name the same sale: a system in both, or a model
    and its family name in one category ("F-16" and "F-16V", not "F-16" and "F-16 spare parts")."""
    return any(
        x == y or (x.startswith(y) or y.startswith(x)) and category_of(x) == category_of(y)
        for x in a
        for y in b
    )


def _side(m: Mention) -> str:
    """Return whose measure a sanction is: its actor's country ("China MFA" and "China")."""
    return m.actor.split()[0] if m.event_type == "sanction" and m.actor else m.actor


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(b), 1.0)


# --- DataFrames ---------------------------------------------------------------------


def mention_records(
    mentions: Sequence[Mention], docs: Sequence[Document], ids: Sequence[str] | None = None
) -> list[Record]:
    """Return one plain record per mention: the contract's columns and the provenance columns.

    ``ids`` gives the mentions' event ids when they do not carry them (as event_ids returns them).
    """
    by_doc = {d.doc: d for d in docs}
    records = []
    for k, m in enumerate(mentions):
        d = by_doc.get(m.doc)
        records.append(
            {
                "doc": m.doc,
                "event_id": ids[k] if ids is not None else m.event_id,
                "event_type": m.event_type,
                "date": m.date.isoformat() if m.date else "",
                "date_precision": m.date_precision,
                "date_text": m.date_text,
                "actor": m.actor,
                "stance": m.stance,
                "value_usd": m.value_usd,
                "value_usd_high": m.value_usd_high,
                "systems": ";".join(m.systems),
                "evidence": m.evidence,
                "start": m.start,
                "end": m.end,
                "confidence": m.confidence,
                "date_end": m.date_end.isoformat() if m.date_end else "",
                "date_source": m.date_source,
                "categories": ";".join(m.categories),
                "value_text": m.value_text,
                "rule": m.rule,
                "published": d.published.isoformat() if d and d.published else "",
                "outlet": d.outlet if d else "",
                "title": d.title if d else "",
                "part_of_start": m.extra.get("part_of_start", ""),
            }
        )
    return records


def mentions_frame(records: Sequence[Record]) -> pd.DataFrame:
    """Return one row per mention record with the contract's columns and the provenance columns."""
    columns = [*names(MENTION_COLUMNS), *names(MENTION_EXTRA_COLUMNS), "part_of_start"]
    frame = pd.DataFrame(records, columns=columns)
    return _typed(frame, (*MENTION_COLUMNS, *MENTION_EXTRA_COLUMNS))


def frame_records(mentions: pd.DataFrame) -> list[Record]:
    """Return the plain records of a mentions frame, as mention_records gave them."""
    columns = []
    for name in mentions.columns:
        values = mentions[name].tolist()
        if mentions[name].hasnans:
            values = [None if pd.isna(v) else v for v in values]
        columns.append(values)
    keys = list(mentions.columns)
    return [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]


def _typed(frame: pd.DataFrame, columns: Sequence[Column]) -> pd.DataFrame:
    for c in columns:
        name, dtype = c.name, c.dtype
        if dtype == "string":
            frame[name] = frame[name].fillna("").astype("string")
        elif dtype.startswith("datetime"):
            frame[name] = pd.to_datetime(frame[name], errors="coerce")
        else:
            frame[name] = frame[name].astype(dtype)
    return frame


def timeline_frame(records: Sequence[Record]) -> pd.DataFrame:
    """Return the timeline of plain mention records (as mention_records gives them)."""
    groups: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        groups[str(r["event_id"])].append(r)
    rows = [_event_row(g) for g in groups.values()]
    _link_parts(rows, records)
    frame = _typed(pd.DataFrame(rows, columns=names(TIMELINE_COLUMNS)), TIMELINE_COLUMNS)
    frame = link_reactions(frame)
    return frame.sort_values(
        ["date", "event_type", "event_id"], na_position="last", kind="stable"
    ).reset_index(drop=True)


def _event_row(group: Sequence[Record]) -> Record:
    """Return the timeline row of one event from its mention records."""
    best = group[0] if len(group) == 1 else min(group, key=_date_rank)
    value = next((r for r in group if r["value_usd"] is not None), None)
    confidences = [float(r["confidence"] or 0) for r in group]
    confidence = max(confidences)
    categories = _joined([r["categories"] for r in group])
    docs = list(dict.fromkeys([str(r["doc"]) for r in group]))
    published = [str(r["published"]) for r in group if r["published"]]
    row: Record = {
        "event_id": best["event_id"],
        "event_type": best["event_type"],
        "date": best["date"] or None,
        "date_end": best["date_end"] or None,
        "date_precision": best["date_precision"],
        "date_text": best["date_text"],
        "actor": _most_common([r["actor"] for r in group]),
        "stance": _most_common([r["stance"] for r in group]),
        "value_usd": value["value_usd"] if value else None,
        "value_usd_high": value["value_usd_high"] if value else None,
        "counted_usd": None,
        "part_of": "",
        "systems": _joined([r["systems"] for r in group]),
        "categories": categories,
        "category": categories.split(";")[0] if categories else "unspecified",
        "n_mentions": len(group),
        "n_sources": len(docs),
        "sources": ";".join(docs),
        "outlets": ";".join(dict.fromkeys([str(r["outlet"]) for r in group if r["outlet"]])),
        "first_report": min(published) if published else None,
        "evidence": group[confidences.index(confidence)]["evidence"],
        "answers": "",
        "lag_days": None,
        "confidence": confidence,
        "corrected": "",
    }
    row["counted_usd"] = row["value_usd"] if row["event_type"] == "approval" else None
    row["summary"] = summary(row)
    return row


def _date_rank(r: Record) -> tuple[float, float]:
    """Return how well a mention dates its event (lower is better): narrow, from a date, sure."""
    return (
        PRECISION_RANK.get(str(r["date_precision"]), 6) + (r["date_source"] != "timex") * 0.5,
        -float(r["confidence"] or 0),
    )


def _joined(values: Sequence[object]) -> str:
    if len(values) == 1:  # one mention: its list as it is, less repeats
        one = values[0]
        return ";".join(dict.fromkeys(str(one).split(";"))) if one else ""
    return ";".join(dict.fromkeys(s for v in values if v for s in str(v).split(";")))


def _most_common(values: Sequence[object]) -> str:
    present = [str(v) for v in values if v]
    if not present:
        return ""
    first = present[0]
    if all(v == first for v in present):
        return first
    return Counter(present).most_common(1)[0][0]


def _link_parts(rows: list[Record], mentions: Sequence[Record]) -> None:
    """Point each part of a package at its total's event, so that the package counts once."""
    at = {
        (m["doc"], str(m["start"])): m["event_id"] for m in mentions if not m.get("part_of_start")
    }
    total_of = {
        m["event_id"]: at.get((m["doc"], str(m["part_of_start"])))
        for m in mentions
        if m.get("part_of_start")
    }
    valued = {row["event_id"] for row in rows if row["value_usd"] is not None}
    for row in rows:
        total = total_of.get(row["event_id"])
        if total and total != row["event_id"]:
            row["part_of"] = total
            if total in valued:  # with no total known, the parts are what the package is counted by
                row["counted_usd"] = 0.0


def link_reactions(frame: pd.DataFrame) -> pd.DataFrame:
    """Link each reaction to the sale it answers (the latest before it), with the lag in days."""
    frame = frame.copy()
    types = frame["event_type"].tolist()
    parts = frame["part_of"].tolist()
    sources = [str(s).split(";") for s in frame["sources"].tolist()]
    known = frame["date"].notna().tolist()
    days = frame["date"].to_numpy(dtype="datetime64[ns]").astype("int64").tolist()
    sales = sorted(
        (i for i, t in enumerate(types) if t in ANSWERED_RANK and known[i] and not parts[i]),
        key=days.__getitem__,
    )
    sale_days = [days[i] for i in sales]
    by_source: dict[str, list[int]] = defaultdict(list)
    for i in sales:
        for doc in sources[i]:
            by_source[doc].append(i)
    ids = frame["event_id"].tolist()
    answers: list[str] = []
    lags: list[float | None] = []
    for i, t in enumerate(types):
        sale = None
        if t in ANSWERING_TYPES and known[i]:
            sale = _answered_sale(days[i], sources[i], sales, sale_days, by_source, days, types)
        answers.append(ids[sale] if sale is not None else "")
        lags.append(float((days[i] - days[sale]) // DAY_NS) if sale is not None else None)
    frame["answers"] = pd.array(answers, dtype="string")
    frame["lag_days"] = pd.array(lags, dtype="Float64")
    return frame


def _answered_sale(
    when: int,
    sources: Sequence[str],
    sales: Sequence[int],
    sale_days: Sequence[int],
    by_source: Mapping[str, Sequence[int]],
    days: Sequence[int],
    types: Sequence[str],
) -> int | None:
    """Return the row of the sale a reaction answers: one its sources report, else the latest.

    Days are nanoseconds since the epoch, as pandas keeps them.
    """
    earliest = when - ANSWER_WINDOW_DAYS * DAY_NS
    shared = [s for doc in sources for s in by_source.get(doc, ()) if earliest <= days[s] <= when]
    if not shared:
        shared = list(sales[bisect_left(sale_days, earliest) : bisect_right(sale_days, when)])
    if not shared:
        return None
    rank = ANSWERED_RANK
    return min(shared, key=lambda s: (rank[types[s]], -days[s]))


def summary(row: Record) -> str:
    """Return one line in words: who did what, when, for how much."""
    what = {
        "approval": "approved a sale",
        "plan_or_talks": "plan or talks",
        "delivery": "delivery",
        "budget": "defence budget",
        "reaction": "responded",
        "sanction": "sanctions",
        "other": "background",
    }.get(str(row["event_type"]), str(row["event_type"]))
    parts = [f"{row['actor'] or 'Unknown'}: {what}"]
    if row.get("stance"):
        parts.append(f"({row['stance']})")
    if row.get("value_usd") is not None and row["value_usd"] == row["value_usd"]:
        parts.append(format_usd(row["value_usd"], row.get("value_usd_high")))
    if row.get("systems"):
        parts.append("- " + str(row["systems"]).replace(";", ", "))
    return " ".join(parts)


def format_usd(low: float, high: float | None = None) -> str:
    """Return '$1.8 billion' or '$7–10 billion' for a value or a range."""

    def one(v: float) -> str:
        for unit, size in (("billion", 1e9), ("million", 1e6)):
            if abs(v) >= size:
                return f"{v / size:,.3f}".rstrip("0").rstrip(".") + f" {unit}"
        return f"{v:,.0f}"

    if high is not None and high == high and high != low:
        return f"${one(low)} to ${one(high)}"
    return f"${one(low)}"
