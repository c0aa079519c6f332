"""Articles beyond the seeds, written apart from the extractor: a regression gate with pinned floors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from scoring import score

from timeline.build import assign_events, mention_records, mentions_frame
from timeline.documents import read_corpus
from timeline.events import extract_mentions

DATA = Path(__file__).resolve().parent / "data"
FLOORS = json.loads((DATA / "gate_floors.json").read_text())["articles"]


def _result(name: str) -> dict[str, object]:
    docs, errors = read_corpus([DATA / "articles" / name])
    assert not errors, errors
    mentions = assign_events([m for d in docs for m in extract_mentions(d)])
    rows = mentions_frame(mention_records(mentions, docs)).to_dict("records")
    rows = [{k: ("" if v is None or v != v else v) for k, v in r.items()} for r in rows]
    gold = list(csv.DictReader((DATA / "articles" / f"{name}_gold.csv").open(encoding="utf-8")))
    return score(gold, rows)


@pytest.fixture(scope="module", params=sorted(FLOORS))
def result(request: pytest.FixtureRequest) -> tuple[str, dict[str, object]]:
    return request.param, _result(request.param)


def test_article_sets_meet_their_floors(result: tuple[str, dict[str, object]]) -> None:
    name, got = result
    precision = got["found"] / (got["found"] + got["false_positives"]) if got["found"] else 0.0
    got = {**got, "precision": precision}
    for metric, bound in FLOORS[name].items():
        detail = f"{name}: missed {got['missed']}, false {got['false']}"
        if "min" in bound:
            assert got[metric] >= bound["min"], f"{metric} {got[metric]:.3f} < {bound['min']}: {detail}"
        else:
            assert got[metric] <= bound["max"], f"{metric} {got[metric]:.3f} > {bound['max']}: {detail}"


def test_articles_without_arms_events_claim_nothing() -> None:
    docs, _ = read_corpus([DATA / "articles" / "set_a" / "h10_tsmc_arizona_trade.txt",
                           DATA / "articles" / "set_b" / "h10_hualien_quake_2024.txt"])
    assert len(docs) == 2
    assert [m for d in docs for m in extract_mentions(d)] == []
