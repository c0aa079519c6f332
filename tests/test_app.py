"""Tests of the page's wiring (streamlit AppTest), on the seeds through the real pipeline."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from timeline import view
from timeline.corpus import analyse
from timeline.documents import read_corpus

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
SEEDS = ROOT / "seeds"
TIMEOUT = 180

HOSTILE_ARTICLE = """Beijing condemns sale <script>alert("x")</script>

Taipei, Oct. 27, 2020 - On Monday, the Defense Security Cooperation Agency announced the sale of 100
Harpoon Coastal Defense Systems to Taiwan for $2.37 billion [details](javascript:alert(1)).
On Tuesday, Chinese Foreign Ministry spokesman Zhao Lijian said China firmly opposes the sale
<img src=x onerror=alert(2)> and urged the United States to stop arms sales to Taiwan.
"""


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(view.DATA_DIR_ENV, str(folder))
    return folder


def seed_timeline() -> pd.DataFrame:
    docs, errors = read_corpus([SEEDS])
    assert not errors
    return analyse(docs)[1]


def open_page(
    params: dict[str, str | list[str]] | None = None, tab: str = "", drawn: bool = True
) -> AppTest:
    """Return the page after its first run, with the URL's parameters and the given tab open.

    ``drawn``: the browser has drawn the charts already (there is none here to tell the page).
    """
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if tab:
        at.session_state["main_tabs"] = tab
    if drawn:
        at.session_state["charts_drawn"] = True
    at.run()
    assert not at.exception, at.exception
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def chart_ids(at: AppTest) -> list[set[str]]:
    """Return the event ids drawn in each chart (from the figures' customdata)."""
    found = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        found.append({c[0] for trace in spec["data"] for c in trace.get("customdata") or [] if c})
    return found


class Marked(HTMLParser):
    """Collects the text inside evidence marks, without the values shown beside dates."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(dict(attrs).get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "tl-evidence" in self.stack and "tl-value" not in self.stack:
            self.text.append(data)


def marked_text(body: str) -> str:
    parser = Marked()
    parser.feed(body.split("</style>", 1)[-1])
    return "".join(parser.text)


def table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def articles(at: AppTest) -> int:
    """Return the number of articles the headline counts."""
    line = next(m.value for m in at.markdown if "** articles" in m.value)
    return int(re.search(r"\*\*(\d+)\*\* articles", line).group(1))  # type: ignore[union-attr]


def test_page_opens_on_the_seeds_with_every_chart_drawn(data_dir: Path) -> None:
    expected = seed_timeline()
    at = open_page()
    assert len(at.get("plotly_chart")) == 2
    values_ids, cause_ids = chart_ids(at)
    dated = expected[expected["date"].notna()]
    sales = dated[
        dated["event_type"].isin(["approval", "plan_or_talks"]) & dated["value_usd"].notna()
    ]
    responses = dated[dated["event_type"].isin(["reaction", "sanction"])]
    assert set(sales["event_id"]) <= values_ids
    assert set(responses["event_id"]) <= cause_ids
    assert sorted(table(at)["event_id"]) == sorted(expected["event_id"])
    assert articles(at) == 5
    assert at.query_params == {} or all(not v for v in at.query_params.values())


def test_a_filter_narrows_charts_and_table_and_goes_into_the_url(data_dir: Path) -> None:
    expected = seed_timeline()
    actor = expected[expected["event_type"] == "reaction"]["actor"].value_counts().index[0]
    at = open_page()
    at.sidebar.multiselect(key="f_actors").set_value([actor])
    rerun(at)
    assert set(table(at)["actor"]) == {actor}
    assert at.query_params["actor"] in ([actor], actor)
    assert all(
        ids <= set(expected[expected["actor"] == actor]["event_id"]) for ids in chart_ids(at)
    )


def test_text_search_and_minimum_value_filter(data_dir: Path) -> None:
    at = open_page()
    at.sidebar.number_input(key="f_min").set_value(1000.0)
    rerun(at)
    assert len(table(at)) > 0
    assert (table(at)["high_musd"].fillna(table(at)["value_musd"]) >= 1000).all()
    assert at.query_params["min"] in (["1000"], "1000")


def test_query_parameters_set_the_filters_on_first_run(data_dir: Path) -> None:
    expected = seed_timeline()
    approvals = expected[expected["event_type"] == "approval"]
    at = open_page({"type": ["approval"]})
    assert at.sidebar.multiselect(key="f_types").value == ["approval"]
    assert sorted(table(at)["event_id"]) == sorted(approvals["event_id"])


def test_malformed_query_parameters_fall_back_to_the_full_view(data_dir: Path) -> None:
    at = open_page({"from": ["yesterday"], "min": ["lots"], "actor": ["Nobody at all"]})
    assert len(table(at)) == len(seed_timeline())


def test_chart_selection_lists_only_the_selected_events(data_dir: Path) -> None:
    at = open_page()
    picked = sorted(chart_ids(at)[0])[:1]
    at.session_state["chart_values"] = {
        "selection": {
            "points": [{"customdata": picked}],
            "point_indices": [0],
            "box": [],
            "lasso": [],
        }
    }
    rerun(at)
    assert list(table(at)["event_id"]) == picked


def test_selecting_a_row_shows_its_sources_with_the_sentence_marked(data_dir: Path) -> None:
    at = open_page()
    at.session_state["events_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    rerun(at)
    evidence = " ".join(str(table(at).iloc[0]["evidence"]).split())
    marked = [" ".join(marked_text(h.proto.body).split()) for h in at.get("html")]
    assert any(evidence in text for text in marked)


def test_presenter_mode_from_the_url_hides_tables_and_titles_charts_with_the_filter(
    data_dir: Path,
) -> None:
    at = open_page({"present": "1", "actor": ["China MFA"]})
    assert len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 2
    assert any(
        "display: none" in h.proto.body and "stSidebar" in h.proto.body for h in at.get("html")
    )
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert all("China MFA only" in t for t in titles)
    assert any(c.value.startswith("Sources:") for c in at.caption)


def test_presenter_toggle_writes_the_url(data_dir: Path) -> None:
    at = open_page()
    at.toggle(key="present").set_value(True)
    rerun(at)
    assert at.query_params["present"] in (["1"], "1") and len(at.dataframe) == 0


def test_folder_input_adds_articles_and_reports_bad_files(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "harpoon.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "broken.json").write_text('{"text": ', encoding="utf-8")
    at = open_page(tab="Corpus and articles")
    at.text_input(key="folder_path").set_value(str(folder))
    at.button(key="add_folder").click()
    rerun(at)
    assert articles(at) in (5, 6)  # the hostile article may hold no event of its own
    assert any("broken.json" in w.value.replace("\\", "") for w in at.warning)
    assert "harpoon.txt" in at.selectbox(key="article_pick").options
    # the folder is remembered across a restart
    assert any(
        "harpoon.txt" in o
        for o in open_page(tab="Corpus and articles").selectbox(key="article_pick").options
    )


def test_a_missing_folder_is_reported(data_dir: Path, tmp_path: Path) -> None:
    at = open_page(tab="Corpus and articles")
    at.text_input(key="folder_path").set_value(str(tmp_path / "nowhere"))
    at.button(key="add_folder").click()
    rerun(at)
    assert any("not a folder" in e.value for e in at.error)


def test_uploaded_files_in_the_data_folder_load_after_a_restart(data_dir: Path) -> None:
    saved, errors = view.store_uploads(
        [("../hostile.html", HOSTILE_ARTICLE.encode()), ("empty.txt", b"")],
        data_dir / view.UPLOADS_DIR,
        __import__("timeline.documents", fromlist=["read_bytes"]).read_bytes,
    )
    assert [p.name for p in saved] == ["hostile.html"] and [e.path for e in errors] == ["empty.txt"]
    at = open_page(tab="Corpus and articles")
    assert "hostile.html" in at.selectbox(key="article_pick").options


def test_hostile_article_text_shows_as_text(data_dir: Path) -> None:
    (data_dir / view.UPLOADS_DIR).mkdir(parents=True)
    (data_dir / view.UPLOADS_DIR / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    at = open_page(tab="Corpus and articles")
    at.selectbox(key="article_pick").set_value("hostile.txt")
    rerun(at)
    body = next(h.proto.body for h in at.get("html") if "tl-article" in h.proto.body)
    assert "<script" not in body and "<img" not in body and "&lt;script&gt;" in body
    for chart in at.get("plotly_chart"):
        assert "<script" not in chart.proto.spec and "<img" not in chart.proto.spec
    assert all("<script" not in m.value for m in at.markdown if "alert" in m.value)


def test_a_correction_is_saved_kept_across_a_restart_and_undone(data_dir: Path) -> None:
    at = open_page(tab="Correct")
    first = view.editor_frame(view.apply_corrections(seed_timeline(), view.Store())).iloc[0]
    at.session_state["editor_0"] = {
        "edited_rows": {0: {"excluded": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    rerun(at)
    store = view.load_store(view.corrections_path(data_dir))
    assert [(c.key, c.field, c.value) for c in store.corrections] == [
        (first["event_id"], "excluded", True)
    ]
    restarted = open_page()
    assert first["event_id"] not in set(table(restarted)["event_id"])
    restarted.session_state["main_tabs"] = "Correct"
    rerun(restarted).button(key="undo").click()
    rerun(restarted)
    assert first["event_id"] in set(table(open_page())["event_id"])
    assert view.load_store(view.corrections_path(data_dir)).corrections == ()


def test_a_publication_date_set_by_the_user_moves_the_events(data_dir: Path) -> None:
    at = open_page(tab="Corpus and articles")
    name = at.selectbox(key="article_pick").value
    at.date_input(key="pub_browse").set_value(pd.Timestamp("2021-03-01").date())
    at.button(key="setpub_browse").click()
    rerun(at)
    restarted = open_page(tab="Corpus and articles")
    restarted.selectbox(key="article_pick").set_value(name)
    rerun(restarted)
    assert any(
        "published 2021-03-01 (from user)" in m.value.replace("\\", "") for m in restarted.markdown
    )


def test_a_corrupt_corrections_file_is_reported_and_never_overwritten(data_dir: Path) -> None:
    path = view.corrections_path(data_dir)
    data_dir.mkdir(parents=True)
    path.write_text('{"corrections": [{"kind": "event"', encoding="utf-8")
    at = open_page(tab="Correct")
    assert any(str(path) in e.value for e in at.error)
    assert at.button(key="undo").disabled
    assert path.read_text(encoding="utf-8") == '{"corrections": [{"kind": "event"'
    at.button(key="move_corrupt").click()
    rerun(at)
    moved = list(data_dir.glob("corrections.json.corrupt-*"))
    assert (
        len(moved) == 1
        and moved[0].read_text(encoding="utf-8") == '{"corrections": [{"kind": "event"'
    )
    assert not any(str(path) in e.value for e in at.error)


def test_a_large_timeline_is_shown_a_page_at_a_time(data_dir: Path, tmp_path: Path) -> None:
    import json
    from datetime import date, timedelta

    folder = tmp_path / "many"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    with (folder / "many.jsonl").open("w", encoding="utf-8") as f:
        for i in range(300):  # the seeds again, each on its own day: their events stay apart
            day = date(2012, 1, 2) + timedelta(days=9 * i)
            f.write(json.dumps({"id": str(i), "text": texts[i % 5], "published": day.isoformat()}) + "\n")
    at = open_page(tab="Corpus and articles")
    at.text_input(key="folder_path").set_value(str(folder))
    at.button(key="add_folder").click()
    rerun(at)
    at.session_state["main_tabs"] = "Events and sources"
    rerun(at)
    page = at.number_input(key="events_page")
    shown = at.dataframe[0].value
    assert page.max > 1 and len(shown) == 500
    page.set_value(page.max)
    rerun(at)
    assert 0 < len(at.dataframe[0].value) <= 500


def test_a_new_session_draws_the_charts_first_and_the_rest_once_they_are_drawn() -> None:
    at = open_page(drawn=False)
    assert len(at.get("plotly_chart")) == 2
    assert not at.dataframe and not at.sidebar.multiselect
    assert at.header[0].value == "Arms sales to Taiwan and the responses to them"
    at.session_state["charts_drawn"] = True  # what the browser's signal sets
    rerun(at)
    assert len(at.get("plotly_chart")) == 2
    assert len(at.dataframe) == 1 and at.sidebar.multiselect(key="f_actors").options


def test_any_second_run_draws_the_whole_page_even_without_the_signal() -> None:
    at = open_page(drawn=False)
    assert not at.dataframe
    rerun(at)  # a selection in a chart, say, before the browser said a word
    assert len(at.dataframe) == 1


def test_a_fresh_server_draws_the_charts_of_a_known_corpus_before_reading_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import streamlit as st

    from timeline import corpus

    first = open_page()
    st.cache_resource.clear()  # what a fresh server holds in memory: nothing
    monkeypatch.setattr(corpus, "read", lambda *a, **k: pytest.fail("read the documents"))
    at = open_page(drawn=False)
    assert chart_ids(at) == chart_ids(first) and all(chart_ids(at))
    monkeypatch.undo()
    at.session_state["charts_drawn"] = True
    rerun(at)
    assert len(at.dataframe) == 1
