"""Tests of timeline.view: filters and the URL, corrections, uploads, exports, safe article text."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from timeline_frames import seed_like

from timeline import view
from timeline.documents import read_bytes
from timeline.records import Timex

HOSTILE = (
    'Beijing said <script>alert("x")</script> the sale [breaches](javascript:alert(1)) the '
    "one-China principle <img src=x onerror=alert(2)> **on Thursday**."
)

# -- filters and the URL --------------------------------------------------------------------------

ROUND_TRIPS = [
    view.Filters(),
    view.Filters(start=date(2020, 10, 1), end=date(2024, 11, 30)),
    view.Filters(actors=("China MFA", "Taiwan MND"), stances=("oppose",)),
    view.Filters(
        event_types=("approval", "plan_or_talks"), systems=("Harpoon",), categories=("missiles",)
    ),
    view.Filters(outlets=("Global Research",), min_value_musd=100.0, text="one-China principle"),
    view.Filters(plans=False, present=True),
]


@pytest.mark.parametrize("filters", ROUND_TRIPS)
def test_filters_round_trip_through_query_parameters(filters: view.Filters) -> None:
    params = view.encode_filters(filters)
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    assert view.decode_filters(as_lists) == filters


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, view.Filters()),
        ({"from": ["2020-10-01"]}, view.Filters(start=date(2020, 10, 1))),
        ({"from": ["October 2020"], "to": ["2024-13-01"]}, view.Filters()),
        (
            {"from": ["2024-11-30"], "to": ["2020-10-01"]},
            view.Filters(start=date(2020, 10, 1), end=date(2024, 11, 30)),
        ),
        ({"min": ["-5"]}, view.Filters()),
        ({"min": ["nan"]}, view.Filters()),
        ({"min": ["250"]}, view.Filters(min_value_musd=250.0)),
        ({"actor": ["China MFA", "China MFA", ""]}, view.Filters(actors=("China MFA",))),
        ({"present": ["1"], "plans": ["0"]}, view.Filters(present=True, plans=False)),
    ],
)
def test_decode_filters_tolerates_hand_edited_urls(
    params: dict[str, list[str]], expected: view.Filters
) -> None:
    assert view.decode_filters(params) == expected


def test_default_view_has_an_empty_url() -> None:
    assert view.encode_filters(view.Filters()) == {}


@pytest.mark.parametrize(
    ("filters", "kept"),
    [
        (
            view.Filters(),
            {"e-1.8b", "e-harpoon", "e-zhao", "e-talks", "e-385m", "e-320m", "e-mnd", "e-carter"},
        ),
        (view.Filters(actors=("China MFA",)), {"e-zhao"}),
        (view.Filters(event_types=("approval",)), {"e-1.8b", "e-harpoon", "e-385m", "e-320m"}),
        (view.Filters(stances=("support",)), {"e-mnd"}),
        # a month-precision event meets a range that starts inside its month
        (view.Filters(start=date(2025, 2, 15)), {"e-talks"}),
        # a year-precision event meets a range that ends inside its year
        (view.Filters(end=date(1979, 6, 1)), {"e-carter"}),
        (view.Filters(start=date(2020, 10, 22), end=date(2020, 10, 31)), {"e-zhao", "e-harpoon"}),
        (view.Filters(systems=("HIMARS",)), {"e-1.8b", "e-talks"}),
        (view.Filters(categories=("sensors",)), {"e-1.8b", "e-385m", "e-320m"}),
        (view.Filters(outlets=("Reuters",)), {"e-zhao"}),
        # a range counts by its high end: $7-10 bn passes a $9 bn minimum
        (view.Filters(min_value_musd=9000), {"e-talks"}),
        (view.Filters(min_value_musd=2000), {"e-harpoon", "e-talks"}),
        (view.Filters(text="zhao lijian"), {"e-zhao"}),
        (view.Filters(text="harpoon coastal"), {"e-harpoon"}),
        (view.Filters(actors=("China MFA",), event_types=("approval",)), set()),
    ],
)
def test_filter_timeline(filters: view.Filters, kept: set[str]) -> None:
    assert set(view.filter_timeline(seed_like(), filters)["event_id"]) == kept


@pytest.mark.parametrize(
    ("points", "ids"),
    [
        ([{"customdata": ["e-zhao"], "x": "2020-10-22"}], ["e-zhao"]),
        (
            [{"customdata": ["e-1.8b"]}, {"customdata": ["e-1.8b"]}, {"customdata": "e-mnd"}],
            ["e-1.8b", "e-mnd"],
        ),
        ([{"x": "2020-10-22", "y": "China MFA"}], []),
        ([], []),
    ],
)
def test_selected_ids_come_from_customdata(points: list[dict[str, object]], ids: list[str]) -> None:
    assert view.selected_ids(points) == ids


@pytest.mark.parametrize(
    ("filters", "words"),
    [
        (view.Filters(), "Jan 1979 – Feb 2025"),
        (
            view.Filters(start=date(2020, 10, 1), end=date(2024, 11, 30), actors=("China MFA",)),
            "Oct 2020 – Nov 2024, China MFA only",
        ),
        (
            view.Filters(event_types=("plan_or_talks",), min_value_musd=100),
            "Jan 1979 – Feb 2025, plan or talks only, at least $100 m",
        ),
    ],
)
def test_describe_filters_in_words(filters: view.Filters, words: str) -> None:
    assert view.describe_filters(filters, seed_like()) == words


def test_sources_caption_names_outlets_and_counts_articles() -> None:
    caption = view.sources_caption(seed_like())
    assert caption.startswith(
        "Sources: Caliber.Az; EconoTimes; Global Research; Observer Network; Reuters"
    )
    assert "(5 articles)" in caption


# -- exports --------------------------------------------------------------------------------------


def test_csv_export_holds_exactly_the_filtered_view() -> None:
    shown = view.filter_timeline(seed_like(), view.Filters(event_types=("approval",)))
    rows = list(csv.DictReader(io.StringIO(view.to_csv(shown).decode("utf-8"))))
    assert [r["event_id"] for r in rows] == list(shown["event_id"])
    assert rows[0]["date"] == "2020-10-21" and float(rows[0]["value_usd"]) == 1.8e9


def test_json_export_writes_nulls_and_iso_dates() -> None:
    events = json.loads(view.to_json(seed_like()))
    talks = next(e for e in events if e["event_id"] == "e-talks")
    assert (talks["date"], talks["date_end"], talks["value_usd_high"]) == (
        "2025-02-01",
        "2025-02-28",
        1e10,
    )
    assert next(e for e in events if e["event_id"] == "e-zhao")["value_usd"] is None


def test_timelinejs_export_keeps_only_known_date_parts() -> None:
    payload = json.loads(view.to_timelinejs(seed_like(), "Arms sales"))
    by_id = {e["unique_id"]: e for e in payload["events"]}
    assert by_id["e-1.8b"]["start_date"] == {"year": "2020", "month": "10", "day": "21"}
    assert by_id["e-talks"]["start_date"] == {"year": "2025", "month": "2"}
    assert by_id["e-carter"]["start_date"] == {"year": "1979"}
    assert "end_date" not in by_id["e-1.8b"]
    assert len(payload["events"]) == len(seed_like())


def test_timelinejs_export_escapes_article_text() -> None:
    df = seed_like()
    df.loc[0, "evidence"] = HOSTILE
    text = json.loads(view.to_timelinejs(df, "x"))["events"][0]["text"]["text"]
    assert "<script>" not in text and "&lt;script&gt;" in text and "<img" not in text


def test_export_name_describes_the_view() -> None:
    name = view.export_name("values", view.Filters(actors=("China MFA",)), seed_like())
    assert name.startswith("values-jan-1979-feb-2025-china-mfa-only-")


# -- corrections ----------------------------------------------------------------------------------


def correction(key: str, field: str, value: object) -> view.Correction:
    return view.Correction("event", key, field, value, "2026-01-01T00:00:00+00:00")


@pytest.mark.parametrize(
    ("field", "value", "column", "expected"),
    [
        ("date", "2020-10", "date_precision", "month"),
        ("date", "2020-10", "date_end", pd.Timestamp("2020-10-31")),
        ("date", "2021", "date_end", pd.Timestamp("2021-12-31")),
        ("date", "2020-10-23", "date", pd.Timestamp("2020-10-23")),
        ("event_type", "plan_or_talks", "event_type", "plan_or_talks"),
        ("actor", "DSCA", "actor", "DSCA"),
        ("value_usd", 2.0e9, "counted_usd", 2.0e9),
        ("excluded", True, "excluded", True),
    ],
)
def test_apply_corrections_sets_the_field(
    field: str, value: object, column: str, expected: object
) -> None:
    store = view.Store((correction("e-1.8b", field, value),))
    row = view.apply_corrections(seed_like(), store).set_index("event_id").loc["e-1.8b"]
    assert row[column] == expected
    assert row["corrected"] == field


def test_corrected_value_of_a_package_part_still_counts_once() -> None:
    store = view.Store((correction("e-320m", "value_usd", 3.3e8),))
    row = view.apply_corrections(seed_like(), store).set_index("event_id").loc["e-320m"]
    assert (row["value_usd"], row["counted_usd"]) == (3.3e8, 0.0)


def test_corrected_sale_date_moves_the_lag_of_its_reactions() -> None:
    store = view.Store((correction("e-1.8b", "date", "2020-10-12"),))
    row = view.apply_corrections(seed_like(), store).set_index("event_id").loc["e-zhao"]
    assert row["lag_days"] == 10.0


def test_excluded_events_leave_the_view() -> None:
    store = view.Store((correction("e-carter", "excluded", True),))
    shown = view.visible(view.apply_corrections(seed_like(), store))
    assert "e-carter" not in set(shown["event_id"]) and len(shown) == len(seed_like()) - 1


def test_later_corrections_win_and_undo_restores_the_earlier() -> None:
    store = view.Store(
        (correction("e-zhao", "stance", "neutral"), correction("e-zhao", "stance", "support"))
    )
    stance = (
        view.apply_corrections(seed_like(), store).set_index("event_id").loc["e-zhao", "stance"]
    )
    undone = (
        view.apply_corrections(seed_like(), view.undo(store))
        .set_index("event_id")
        .loc["e-zhao", "stance"]
    )
    assert (stance, undone) == ("support", "neutral")


def test_store_survives_a_save_and_load(tmp_path: Path) -> None:
    path = view.corrections_path(tmp_path)
    store = view.Store(
        (
            correction("e-zhao", "stance", "neutral"),
            view.Correction(
                "published", "001.txt", "published", "2020-09-17", "2026-01-01T00:00:00+00:00"
            ),
        )
    )
    view.save_store(store, path)
    assert view.load_store(path) == store
    assert view.published_overrides(view.load_store(path)) == {"001.txt": date(2020, 9, 17)}


@pytest.mark.parametrize(
    "content",
    [
        '{"corrections": [',
        '{"version": 1}',
        '{"corrections": [{"kind": "event", "key": "e-1"}]}',
        '{"corrections": [{"kind": "event", "key": "e-1", "field": "colour", '
        '"value": 1, "at": "x"}]}',
        "\x00\xff",
    ],
)
def test_corrupt_store_is_reported_and_kept(tmp_path: Path, content: str) -> None:
    path = view.corrections_path(tmp_path)
    path.write_text(content, encoding="latin-1")
    with pytest.raises(view.CorruptStore, match="corrections.json"):
        view.load_store(path)
    assert path.read_text(encoding="latin-1") == content
    moved = view.move_aside(path)
    assert not path.exists() and moved.name.startswith("corrections.json.corrupt-")
    assert moved.read_text(encoding="latin-1") == content


def test_missing_store_is_empty(tmp_path: Path) -> None:
    assert view.load_store(tmp_path / "corrections.json") == view.Store()


def test_diff_edits_finds_changed_fields_and_refuses_bad_dates() -> None:
    before = view.editor_frame(view.apply_corrections(seed_like(), view.Store()))
    after = before.copy()
    after.loc[after["event_id"] == "e-zhao", "stance"] = "neutral"
    after.loc[after["event_id"] == "e-1.8b", "value_usd"] = 1.9e9
    after.loc[after["event_id"] == "e-harpoon", "date"] = "last Monday"
    after.loc[after["event_id"] == "e-carter", "excluded"] = True
    found, problems = view.diff_edits(before, after, "t")
    assert {(c.key, c.field, c.value) for c in found} == {
        ("e-zhao", "stance", "neutral"),
        ("e-1.8b", "value_usd", 1.9e9),
        ("e-carter", "excluded", True),
    }
    assert problems == ["e-harpoon: date “last Monday” is not YYYY, YYYY-MM or YYYY-MM-DD"]


def test_editor_frame_writes_dates_to_their_precision() -> None:
    frame = view.editor_frame(view.apply_corrections(seed_like(), view.Store())).set_index(
        "event_id"
    )
    assert (
        frame.loc["e-1.8b", "date"],
        frame.loc["e-talks", "date"],
        frame.loc["e-carter", "date"],
    ) == ("2020-10-21", "2025-02", "1979")


# -- uploads --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Taiwan arms sale.txt", "Taiwan arms sale.txt"),
        ("../../etc/passwd", "passwd"),
        ("a/b.txt", "b.txt"),
        ("C:\\x.txt", "x.txt"),
        ("C:x.txt", "x.txt"),
        ("..\\..\\boot.ini", "boot.ini"),
        (".hidden.md", "hidden.md"),
        ("..", "upload"),
        ("", "upload"),
        ("<script>alert(1)</script>.html", "script_.html"),
        ("報道.TXT", "_.txt"),
        ("x" * 300 + ".jsonl", "x" * 114 + ".jsonl"),
    ],
)
def test_safe_name_stays_inside_the_folder(name: str, safe: str) -> None:
    assert view.safe_name(name) == safe


GOOD = (
    b"On Wednesday, the State Department approved the sale of sensors, missiles and artillery "
    b"to Taiwan, "
    b"a package worth around $1.8 billion."
)


def test_store_uploads_keeps_good_files_and_reports_bad_ones(tmp_path: Path) -> None:
    uploads = [
        ("approval.txt", GOOD),
        ("../../escape.txt", GOOD + b" Again."),
        ("empty.txt", b""),
        ("scan.pdf", b"%PDF-1.4"),
        ("broken.json", b'{"text": '),
        (
            "records.jsonl",
            json.dumps({"text": GOOD.decode(), "title": "Approval"}).encode() + b"\n",
        ),
    ]
    saved, errors = view.store_uploads(uploads, tmp_path / "uploads", read_bytes)
    assert sorted(p.name for p in saved) == ["approval.txt", "escape.txt", "records.jsonl"]
    assert all(p.parent == tmp_path / "uploads" for p in saved)
    assert not (tmp_path / "escape.txt").exists()
    assert [e.path for e in errors] == ["empty.txt", "scan.pdf", "broken.json"]
    assert "unsupported file type" in errors[1].message


def test_store_uploads_numbers_a_different_file_with_the_same_name(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    view.store_uploads([("a.txt", GOOD)], folder, read_bytes)
    view.store_uploads([("a.txt", GOOD)], folder, read_bytes)
    saved, _ = view.store_uploads([("a.txt", GOOD + b" Updated.")], folder, read_bytes)
    assert sorted(p.name for p in folder.iterdir()) == ["a-1.txt", "a.txt"]
    assert saved[0].read_bytes().endswith(b"Updated.")


def test_data_dir_comes_from_the_environment(tmp_path: Path) -> None:
    assert view.data_dir({view.DATA_DIR_ENV: str(tmp_path)}, Path("data")) == tmp_path
    assert view.data_dir({}, Path("data")) == Path("data")


def test_folders_are_remembered(tmp_path: Path) -> None:
    path = tmp_path / "folders.json"
    view.save_folders(["/a", "/b", "/a"], path)
    assert view.load_folders(path) == ["/a", "/b"]
    path.write_text("not json")
    assert view.load_folders(path) == []


# -- article text ---------------------------------------------------------------------------------


def test_article_html_escapes_hostile_text() -> None:
    page = view.article_html(HOSTILE, highlights=[(0, len(HOSTILE))])
    body = page.split("</style>", 1)[1]
    assert "<script" not in body and "<img" not in body and "javascript:alert" in body
    assert "&lt;script&gt;" in body and "&lt;img src=x onerror=alert(2)&gt;" in body


def test_article_html_marks_dates_with_their_values() -> None:
    text = (
        "On Wednesday, Trump's State Department approved the sale. "
        "Disclaimer: views are the author's."
    )
    timex = Timex(0, 12, "On Wednesday", "DATE", "2020-10-21", "2020-10-27", "weekday")
    page = view.article_html(text, [timex], boilerplate=[(58, len(text))], highlights=[(0, 57)])
    assert (
        '<mark class="tl-timex" title="DATE 2020-10-21 (from 2020-10-27)">On Wednesday</mark>'
        in page
    )
    assert '<span class="tl-value">2020-10-21</span>' in page
    assert '<span class="tl-boilerplate">Disclaimer: views are the author&#x27;s.</span>' in page
    assert page.count('<mark class="tl-evidence">') >= 1


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("[breaches](javascript:alert(1))", "\\[breaches\\]\\(javascript\\:alert\\(1\\)\\)"),
        ("**bold** <b>", "\\*\\*bold\\*\\* \\<b\\>"),
        ("Trump's $1.8 billion", "Trump\\'s \\$1\\.8 billion"),
        (":red[alarm] #1", "\\:red\\[alarm\\] \\#1"),
        ("Taiwan", "Taiwan"),
    ],
)
def test_markdown_escape_disarms_links_emphasis_and_maths(text: str, escaped: str) -> None:
    assert view.markdown_escape(text) == escaped


def test_excerpt_marks_the_sentence_in_its_context() -> None:
    text = (
        "Taipei, Oct 27. Beijing reacted angrily. On Wednesday, Trump's State Department approved "
        "the sale <b>worth</b> $1.8 billion. " + "Analysts expect more. " * 20
    )
    start = text.index("On Wednesday")
    end = text.index("billion.") + len("billion.")
    timex = Timex(start, start + 12, "On Wednesday", "DATE", "2020-10-21", "2020-10-27", "weekday")
    page = view.excerpt_html(text, start, end, [timex])
    body = page.split("</style>", 1)[1].strip()
    assert body.startswith('<div class="tl-article tl-excerpt">Taipei, Oct 27.')
    assert body.endswith("…</div>")
    assert "&lt;b&gt;worth&lt;/b&gt;" in body and '<span class="tl-value">2020-10-21</span>' in body
    assert body.count('<mark class="tl-evidence">') >= 1
