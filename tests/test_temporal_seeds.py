"""Every dated expression in the seed gold's evidence resolves inside that row's gold interval.

An event takes the first day of its expression's interval as its date, so that day must lie in
the gold interval; the rest of a coarse interval ("earlier this year" is all of 2024) may run on.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest

from timeline.records import Timex
from timeline.temporal import tag, value_interval

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "seed_gold.csv"
SEEDS = ROOT / "seeds"
SLACK = timedelta(days=1)

#: gold rows whose evidence sentence holds a temporal expression with a date
DATED_ROWS = (
    "s000-1", "s000-3", "s000-4", "s000-8", "s001-3", "s001-4", "s001-5", "s002-1", "s002-4",
    "s002-8", "s002-9", "s002-10", "s002-11", "s003-3", "s004-7", "s004-8",
)


def gold_rows() -> dict[str, dict[str, str]]:
    with GOLD.open(encoding="utf-8") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


@cache
def published(file: str) -> date:
    with (SEEDS / "manifest.csv").open(encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["file"] == file)
    return date.fromisoformat(row["published"])


@cache
def tagged(file: str) -> tuple[str, tuple[Timex, ...]]:
    text = (SEEDS / file).read_text(encoding="utf-8")
    return text, tuple(tag(text, published(file)))


def dated_timexes(row: dict[str, str]) -> list[Timex]:
    """Return the timexes with a date inside the row's evidence sentence in its seed file."""
    text, timexes = tagged(row["file"])
    evidence = row["evidence"]
    start = text.find(evidence)
    if start < 0:
        evidence = evidence.replace("\\$", "$")
        start = text.find(evidence)
    assert start >= 0, f"evidence not found in {row['file']}: {evidence[:60]}"
    end = start + len(evidence)
    return [t for t in timexes if start <= t.start and t.end <= end and value_interval(t.value)]


def test_dated_rows_are_exactly_the_rows_with_a_dated_expression() -> None:
    rows = gold_rows()
    assert len(DATED_ROWS) >= 15
    assert sorted(i for i, row in rows.items() if dated_timexes(row)) == sorted(DATED_ROWS)


@pytest.mark.parametrize("row_id", DATED_ROWS)
def test_evidence_dates_fall_in_the_gold_interval(row_id: str) -> None:
    row = gold_rows()[row_id]
    low, high = date.fromisoformat(row["date_min"]), date.fromisoformat(row["date_max"])
    timexes = dated_timexes(row)
    assert timexes
    for t in timexes:
        interval = value_interval(t.value)
        assert interval is not None
        first, last, _ = interval
        assert low - SLACK <= first <= high + SLACK, (t.text, t.value, low, high)
        assert last >= low - SLACK, (t.text, t.value, low, high)
