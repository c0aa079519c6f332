"""The evaluation gate: the seeds' events against the analyst's gold, with pinned floors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from scoring import score

from timeline.build import assign_events, mention_records, mentions_frame
from timeline.documents import read_corpus
from timeline.events import extract_mentions

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "seed_gold.csv"
FLOORS = ROOT / "tests" / "data" / "gate_floors.json"


@pytest.fixture(scope="module")
def result() -> dict[str, object]:
    docs, errors = read_corpus([ROOT / "seeds"])
    assert not errors
    mentions = assign_events([m for d in docs for m in extract_mentions(d)])
    frame = mentions_frame(mention_records(mentions, docs))
    rows = [
        {k: ("" if v is None or v != v else v) for k, v in r.items()}
        for r in frame.to_dict("records")
    ]
    gold = list(csv.DictReader(GOLD.open(encoding="utf-8")))
    return score(gold, rows)


def _floors() -> dict[str, dict[str, float]]:
    return json.loads(FLOORS.read_text())["floors"]


@pytest.mark.parametrize("metric", sorted(_floors()))
def test_seed_metric_meets_its_floor(result: dict[str, object], metric: str) -> None:
    bound = _floors()[metric]
    value = result[metric]
    detail = f"missed {result['missed']}, false {result['false']}"
    if "min" in bound:
        assert value >= bound["min"], f"{metric} {value} < {bound['min']}: {detail}"
    else:
        assert value <= bound["max"], f"{metric} {value} > {bound['max']}: {detail}"


def test_floors_only_rise() -> None:
    """A floor below its pinned bound needs a recorded reason: lowering one is an explicit step."""
    spec = json.loads(FLOORS.read_text())
    lowered = {(e["metric"], e["to"]) for e in spec["lowered"] if e.get("reason")}
    for metric, pinned in spec["pinned"].items():
        floor = spec["floors"][metric]
        if "min" in pinned and floor["min"] < pinned["min"]:
            assert (metric, floor["min"]) in lowered, (
                f"{metric} floor lowered without a recorded reason"
            )
        if "max" in pinned and floor["max"] > pinned["max"]:
            assert (metric, floor["max"]) in lowered, (
                f"{metric} ceiling raised without a recorded reason"
            )


def test_every_required_gold_row_is_found(result: dict[str, object]) -> None:
    assert result["missed"] == []
    assert result["found"] == result["required"] > 10
