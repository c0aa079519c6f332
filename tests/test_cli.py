"""The command line, run as users run it: columns, order, exit codes, bad input, cache."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from timeline import corpus
from timeline.cli import main
from timeline.documents import read_corpus
from timeline.schema import DATE_COLUMNS, DOC_COLUMNS, MENTION_COLUMNS, names

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_events_prints_the_contract_columns_in_document_order() -> None:
    result = _run("events", str(SEEDS), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == names(MENTION_COLUMNS)
    docs = [r["doc"] for r in rows]
    assert docs == sorted(docs)
    for doc in set(docs):
        starts = [int(r["start"]) for r in rows if r["doc"] == doc]
        assert starts == sorted(starts)
    text = (SEEDS / rows[0]["doc"]).read_text(encoding="utf-8")
    assert all(
        text[int(r["start"]) : int(r["end"])] == r["evidence"]
        for r in rows
        if r["doc"] == rows[0]["doc"]
    )


def test_events_output_is_deterministic_and_jsonl_matches_csv() -> None:
    first = _run("events", str(SEEDS), "--format", "csv", "--no-cache").stdout
    second = _run("events", str(SEEDS), "--format", "csv").stdout
    assert first == second
    lines = _run("events", str(SEEDS), "--format", "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == len(list(csv.DictReader(io.StringIO(first))))
    assert {r["event_type"] for r in records} >= {"approval", "plan_or_talks", "reaction"}


def test_one_sale_reported_by_two_outlets_shares_an_event_id() -> None:
    rows = list(csv.DictReader(io.StringIO(_run("events", str(SEEDS)).stdout)))
    talks = {
        r["event_id"]
        for r in rows
        if r["value_usd"] == "7000000000" and r["value_usd_high"] == "10000000000"
    }
    assert len(talks) == 1
    docs = {r["doc"] for r in rows if r["event_id"] in talks}
    assert docs == {"000_7b448bc0385fa330.txt", "003_d65d7ecf31aa9266.txt"}


def test_dates_resolves_against_the_given_publication_date() -> None:
    result = _run(
        "dates",
        str(SEEDS / "002_8f0cd40a663991c2.txt"),
        "--published",
        "2020-10-27",
        "--format",
        "csv",
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == names(DATE_COLUMNS)
    values = {r["text"]: r["value"] for r in rows}
    assert values["Wednesday"] == "2020-10-21"
    assert values["Last month"] == "2020-09"


def test_dates_reads_a_jsonl_collection_with_its_own_dates(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps(
            {"id": "a", "text": "On Friday the sale was approved.", "published": "2024-11-30"}
        )
        + "\n"
        + json.dumps({"id": "b", "text": "Last month it was announced.", "published": "2020-10-27"})
        + "\n",
        encoding="utf-8",
    )
    rows = [json.loads(x) for x in _run("dates", str(path)).stdout.splitlines()]
    assert [(r["doc"], r["value"]) for r in rows] == [
        ("c.jsonl#a", "2024-11-29"),
        ("c.jsonl#b", "2020-09"),
    ]


def test_docs_lists_each_seed_with_its_manifest_date() -> None:
    rows = list(csv.DictReader(io.StringIO(_run("docs", str(SEEDS)).stdout)))
    assert list(rows[0]) == names(DOC_COLUMNS)
    assert [(r["published"], r["published_source"]) for r in rows][2] == ("2020-10-27", "manifest")
    assert all(r["error"] == "" for r in rows)


def test_bad_inputs_are_named_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "On Monday, the State Department approved the sale of arms to Taiwan.", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (tmp_path / "broken.jsonl").write_text(
        '{"id": "x", "text": "Taiwan arms sale approved."}\n{oops\n', encoding="utf-8"
    )
    result = _run("events", str(tmp_path))
    assert result.returncode == 1
    assert (
        "empty.txt" in result.stderr
        and "binary.txt" in result.stderr
        and "broken.jsonl" in result.stderr
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["doc"] for r in rows} >= {"good.txt"}


def test_bad_usage_exits_2() -> None:
    assert main(["events"]) == 2
    assert main(["dates", "x.txt", "--published", "27/10/2020"]) == 2


def test_events_and_dates_do_not_import_the_page_libraries() -> None:
    code = (
        "import sys, runpy; sys.argv=['timeline','dates',%r,'--published','2020-10-27'];"
        "import timeline.cli as c; c.main(sys.argv[1:]);"
        "assert 'streamlit' not in sys.modules and 'plotly' not in sys.modules, 'page library imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code % str(SEEDS / "002_8f0cd40a663991c2.txt")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys, timeline.cli as c; c.main(['events', {str(SEEDS)!r}]);"
            "assert 'streamlit' not in sys.modules and 'plotly' not in sys.modules",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr


def test_an_unchanged_corpus_is_not_extracted_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    docs, _ = read_corpus([SEEDS])
    mentions, timeline = corpus.analyse(docs)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr(corpus, "extract_all", refuse)
    again, again_timeline = corpus.analyse(docs)
    assert again.equals(mentions) and again_timeline.equals(timeline)


def test_the_page_builds_its_timeline_from_the_mentions_the_command_line_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    docs, _ = read_corpus([SEEDS])
    mentions, timeline = corpus.analyse(docs, use_cache=False)
    kept = corpus.mentions_of(docs)
    assert kept.equals(mentions)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr(corpus, "extract_all", refuse)
    again, again_timeline = corpus.analyse(docs)
    assert again.equals(mentions)
    pd.testing.assert_frame_equal(again_timeline, timeline)


def test_a_changed_document_is_extracted_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses
    from datetime import date

    docs, _ = read_corpus([SEEDS])
    corpus.analyse(docs)
    calls: list[int] = []
    real = corpus.extract_all
    monkeypatch.setattr(corpus, "extract_all", lambda d, p=None: calls.append(len(d)) or real(d, p))
    moved = [
        dataclasses.replace(docs[0], published=date(2025, 6, 2), published_source="user"),
        *docs[1:],
    ]
    mentions, _ = corpus.analyse(moved)
    assert calls == [len(docs)]
    assert "2025-06-02" in set(mentions[mentions["doc"] == docs[0].doc]["date"])


def test_an_unchanged_folder_is_not_read_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("On Monday, the State Department approved the sale of arms to Taiwan.")
    first = corpus.read([folder])
    monkeypatch.setattr(corpus, "read_corpus", lambda *a, **k: pytest.fail("read again"))
    assert corpus.read([folder]) == first
    monkeypatch.undo()
    (folder / "b.txt").write_text("Taiwan's defence ministry welcomed the arms sale on Tuesday.")
    docs, _ = corpus.read([folder])
    assert [d.doc for d in docs] == ["a.txt", "b.txt"]


def test_editing_the_page_keeps_the_extraction_cache() -> None:
    hashed = {p.name for p in corpus.key_files()}
    assert {"events.py", "temporal.py", "documents.py", "systems.csv"} <= hashed
    assert not hashed & {"figures.py", "view.py", "cli.py"}
    assert {p.name for p in corpus.key_files(corpus.READER_MODULES)} >= {"documents.py", "boilerplate.py"}


def test_reading_and_extracting_in_one_pass_gives_what_reading_first_gives(
    tmp_path: Path,
) -> None:
    twin = tmp_path / "twin"  # a second folder with a file of the same name as a seed
    twin.mkdir()
    seed = next(iter(sorted(SEEDS.glob("*.txt"))))
    (twin / seed.name).write_text(seed.read_text(encoding="utf-8").replace("2020", "2021"))
    # in a process of its own: one with threads (a page or browser test's) never forks
    script = f"""
import pandas as pd
from timeline import corpus, documents
paths = [{str(SEEDS)!r}, {str(ROOT / "tests" / "data" / "articles")!r}, {str(twin)!r}]
docs, errors = documents.read_corpus(paths)
expected = corpus.mentions_of(docs, use_cache=False)
documents.PARALLEL_MIN_FILES = 0  # the workers' path, small as the corpus is
assert corpus._forking()
got_docs, got_errors, got = corpus.read_mentions(paths, use_cache=False)
assert got_docs == docs and got_errors == errors
assert {f"{twin.as_posix()}/{seed.name}"!r} in set(got["doc"])  # renamed, with its mentions
pd.testing.assert_frame_equal(got, expected)
print("same", len(got))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "same" and int(result.stdout.split()[1]) > 50


def test_the_command_line_reads_an_unchanged_folder_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    _, _, first = corpus.read_mentions([SEEDS])
    monkeypatch.setattr(corpus, "read_corpus_then", lambda *a, **k: pytest.fail("read again"))
    monkeypatch.setattr(corpus, "extract_all", lambda *a, **k: pytest.fail("extracted again"))
    _, _, again = corpus.read_mentions([SEEDS])
    pd.testing.assert_frame_equal(again, first)


def test_what_the_page_keeps_on_disk_is_made_once_per_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    made: list[str] = []

    def build(name: str) -> object:
        made.append(name)
        return {"figure": name}

    assert corpus.kept("figures", ("view", 1), lambda: build("a"), ("figures.py",)) == {
        "figure": "a"
    }
    assert corpus.kept("figures", ("view", 1), lambda: build("b"), ("figures.py",)) == {
        "figure": "a"
    }
    assert made == ["a"]
    corpus.kept("figures", ("view", 2), lambda: build("c"), ("figures.py",))
    assert made == ["a", "c"]
    monkeypatch.setattr(corpus, "KEPT_ENTRIES", 2)
    corpus.kept("figures", ("view", 3), lambda: build("d"), ("figures.py",))
    assert len(list(tmp_path.glob("figures-*.pkl"))) == 2
