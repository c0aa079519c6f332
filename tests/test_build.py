"""Merging mentions into events across articles: the same sale once, different news apart."""

from __future__ import annotations

import math
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from timeline.boilerplate import find_boilerplate
from timeline.build import BUCKET_LOG_WIDTH, assign_events
from timeline.events import extract_mentions
from timeline.records import Document, Mention


def _doc(name: str, text: str, published: date) -> Document:
    return Document(
        doc=name,
        text=text,
        published=published,
        published_source="manifest",
        boilerplate=find_boilerplate(text),
    )


def _events(*docs: Document) -> dict[str, list[tuple[str, str]]]:
    """Return event id -> [(doc, event type)] for the mentions of the documents."""
    merged = assign_events([m for d in docs for m in extract_mentions(d)])
    out: dict[str, list[tuple[str, str]]] = {}
    for m in merged:
        out.setdefault(m.event_id, []).append((m.doc, m.event_type))
    return out


F16_WIRE = (
    "The State Department has approved the possible sale to Taiwan of 66 F-16 fighter jets for an "
    "estimated $8 billion, the Defense Security Cooperation Agency said on Tuesday."
)
F16_DAILY = (
    "On Tuesday the US State Department approved an $8.1 billion sale of F-16 fighter jets to "
    "Taiwan, the biggest package in years."
)
HARPOON = (
    "On Tuesday, the Defense Security Cooperation Agency announced the sale of around 100 Harpoon "
    "Coastal Defense Systems to Taiwan, worth $2.37 billion."
)


def test_one_sale_reported_by_two_outlets_is_one_event() -> None:
    events = _events(
        _doc("wire.txt", F16_WIRE, date(2019, 8, 21)),
        _doc("daily.txt", F16_DAILY, date(2019, 8, 21)),
    )
    approvals = [v for v in events.values() if v[0][1] == "approval"]
    assert len(approvals) == 1
    assert {doc for doc, _ in approvals[0]} == {"wire.txt", "daily.txt"}


def test_two_sales_of_the_same_week_stay_apart() -> None:
    events = _events(
        _doc("wire.txt", F16_WIRE, date(2019, 8, 21)),
        _doc("harpoon.txt", HARPOON, date(2019, 8, 21)),
    )
    approvals = [v for v in events.values() if v[0][1] == "approval"]
    assert sorted(len(v) for v in approvals) == [1, 1]


def test_opposite_reactions_of_one_day_are_two_events_and_one_speaker_is_one() -> None:
    beijing = (
        "China's foreign ministry on Wednesday strongly condemned the US arms sale to Taiwan and "
        "lodged stern representations with Washington."
    )
    beijing_again = (
        "China's foreign ministry said on Wednesday it strongly condemned the arms sale to Taiwan."
    )
    taipei = "Taiwan's defence ministry said on Wednesday it welcomed the approval of the arms sale."
    events = _events(
        _doc("a.txt", beijing, date(2019, 8, 22)),
        _doc("b.txt", beijing_again, date(2019, 8, 22)),
        _doc("c.txt", taipei, date(2019, 8, 22)),
    )
    reactions = sorted(sorted(doc for doc, _ in v) for v in events.values())
    assert reactions == [["a.txt", "b.txt"], ["c.txt"]]


def _sale(doc: str, usd: float) -> Mention:
    return Mention(
        doc=doc,
        event_type="approval",
        date=date(2019, 8, 20),
        date_end=date(2019, 8, 20),
        date_precision="day",
        date_text="Tuesday",
        date_source="timex",
        actor="US State Department",
        stance="",
        value_usd=usd,
        value_usd_high=None,
        systems=("F-16V",),
        categories=("aircraft",),
        evidence="approved the sale",
        start=0,
        end=10,
        confidence=0.9,
    )


@pytest.mark.parametrize("k", [200, 500, 548, 551, 560])
def test_values_within_tolerance_merge_across_a_bucket_edge(k: int) -> None:
    # the index files money by log-width buckets: a pair straddling an edge must still meet
    edge = math.exp(k * BUCKET_LOG_WIDTH)
    low, high = edge * 0.995, edge * 1.01
    assert math.floor(math.log(low) / BUCKET_LOG_WIDTH) != math.floor(
        math.log(high) / BUCKET_LOG_WIDTH
    )
    merged = assign_events([_sale("a.txt", low), _sale("b.txt", high)])
    assert merged[0].event_id == merged[1].event_id


def test_values_apart_by_more_than_the_tolerance_stay_apart() -> None:
    merged = assign_events([_sale("a.txt", 8e9), _sale("b.txt", 8.4e9)])
    assert merged[0].event_id != merged[1].event_id


def test_a_sale_that_gets_its_value_later_meets_mentions_of_that_value() -> None:
    # the event is founded without money; a same-article mention brings it; another outlet's
    # mention of that money must find it
    undated_value = replace(_sale("a.txt", 0.0), value_usd=None, start=0)
    valued = replace(_sale("a.txt", 2.37e9), start=50, systems=())
    other = replace(_sale("b.txt", 2.37e9), start=0, systems=())
    merged = assign_events([undated_value, valued, other])
    assert len({m.event_id for m in merged}) == 1


def _article_mentions() -> list[Mention]:
    from timeline.documents import read_corpus

    data = Path(__file__).parent / "data"
    docs, _ = read_corpus([data.parent.parent / "seeds", data / "articles"])
    return [m for d in docs for m in extract_mentions(d)]


def test_kinds_merged_apart_give_the_events_of_one_pass() -> None:
    from timeline.build import (
        event_groups,
        event_ids,
        founding_order,
        ids_of_events,
        kind_halves,
    )

    found = _article_mentions()
    halves = kind_halves(found)
    assert sorted(halves[0] + halves[1]) == list(range(len(found)))
    assert halves[0] and halves[1]
    assert not {found[i].event_type for i in halves[0]} & {found[i].event_type for i in halves[1]}
    groups = [
        [half[j] for j in g] for half in halves for g in event_groups([found[i] for i in half])
    ]
    assert ids_of_events(found, founding_order(found, groups)) == event_ids(found)


def test_a_large_corpus_merges_in_two_processes_to_the_same_events() -> None:
    # in a process of its own: one with threads (a page or browser test's) never forks
    script = """
import sys
sys.path.insert(0, "tests")
from test_build import _article_mentions
from timeline import corpus
from timeline.build import event_ids
found = _article_mentions()
corpus.PARALLEL_MIN_MENTIONS = 0
assert corpus._forking()
print(corpus.merge(found) == event_ids(found), len(found))
"""
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, check=False
    )
    assert result.returncode == 0, result.stderr
    same, count = result.stdout.split()
    assert same == "True" and int(count) > 50
