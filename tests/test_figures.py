"""Tests of timeline.figures: what each chart draws, where, and how it is labelled."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from timeline_frames import SEED_LIKE, seed_like, timeline_frame

from timeline import figures

CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"
DAY_MS = 86_400_000


def traces(fig: go.Figure, kind: str, name_start: str = "") -> list:
    return [t for t in fig.data if t.type == kind and (t.name or "").startswith(name_start)]


def ids(trace: object) -> list[str]:
    return [c[0] for c in trace.customdata]  # type: ignore[attr-defined]


def bar_of(fig: go.Figure, event_id: str) -> tuple[object, int]:
    for trace in traces(fig, "bar"):
        if event_id in ids(trace):
            return trace, ids(trace).index(event_id)
    raise AssertionError(f"{event_id} not drawn")


def test_values_chart_draws_each_valued_sale_once() -> None:
    fig = figures.values_figure(seed_like())
    drawn = [e for t in traces(fig, "bar") for e in ids(t)]
    assert sorted(drawn) == ["e-1.8b", "e-320m", "e-385m", "e-harpoon", "e-talks"]


def test_values_chart_hides_plans_on_request() -> None:
    fig = figures.values_figure(seed_like(), show_plans=False)
    drawn = {e for t in traces(fig, "bar") for e in ids(t)}
    assert "e-talks" not in drawn and "e-1.8b" in drawn


def test_month_precision_is_a_span_from_the_first_to_the_last_day() -> None:
    trace, i = bar_of(figures.values_figure(seed_like()), "e-talks")
    assert pd.Timestamp(trace.x[i]) == pd.Timestamp("2025-02-01")
    assert trace.width[i] == 28 * DAY_MS and trace.offset == 0
    assert trace.marker.pattern.shape[i] == "/"


def test_day_precision_is_not_hatched() -> None:
    trace, i = bar_of(figures.values_figure(seed_like()), "e-1.8b")
    assert (
        pd.Timestamp(trace.x[i]) == pd.Timestamp("2020-10-21")
        and trace.marker.pattern.shape[i] == ""
    )


def test_a_range_is_drawn_from_its_low_to_its_high_end() -> None:
    trace, i = bar_of(figures.values_figure(seed_like()), "e-talks")
    assert trace.y[i] == pytest.approx(7.0) and trace.error_y.array[i] == pytest.approx(3.0)
    assert trace.error_y.arrayminus[i] == 0


def test_cumulative_total_counts_a_package_and_its_parts_once() -> None:
    fig = figures.values_figure(seed_like())
    line = traces(fig, "scatter", "Cumulative")[0]
    assert line.yaxis == "y2"
    assert line.y[-1] == pytest.approx(1.8 + 2.37 + 0.385)


def test_bars_stack_by_category_with_stable_colours() -> None:
    df = seed_like()
    order = figures.category_order(df)
    full = figures.values_figure(df, categories=order)
    only_artillery = figures.values_figure(df[df["category"] == "artillery"], categories=order)
    colour = {t.name: t.marker.color for t in traces(full, "bar")}
    assert full.layout.barmode == "relative"
    assert traces(only_artillery, "bar")[0].marker.color == colour["Reported plans: artillery"]


def test_reactions_sit_in_one_lane_per_actor_in_the_order_of_actors() -> None:
    fig = figures.reactions_figure(seed_like())
    # lanes read top-down in ACTOR_ORDER: Taiwan's actors before China's
    assert list(fig.layout.yaxis.categoryarray)[::-1] == ["Taiwan MND", "China MFA"]
    custom = figures.reactions_figure(seed_like(), known_actors=("China MFA",))
    assert list(custom.layout.yaxis.categoryarray)[::-1] == ["China MFA", "Taiwan MND"]


def test_lanes_leave_out_actors_with_no_dated_response() -> None:
    df = timeline_frame(
        [
            *SEED_LIKE,
            {
                "event_id": "e-pd",
                "event_type": "reaction",
                "date": None,
                "date_precision": "approximate",
                "actor": "People's Daily",
                "stance": "oppose",
                "sources": "002.txt",
                "evidence": "Weeks earlier, China's official People's "
                "Daily broadsheet accused the Trump regime",
            },
        ]
    )
    assert "People's Daily" not in list(figures.reactions_figure(df).layout.yaxis.categoryarray)


@pytest.mark.parametrize(
    ("event_id", "colour", "symbol", "size"),
    [
        (
            "e-zhao",
            figures.STANCE_COLORS["oppose"],
            "circle",
            figures.MARKER_SIZE_MIN + figures.MARKER_SIZE_PER_SOURCE,
        ),
        ("e-mnd", figures.STANCE_COLORS["support"], "circle", figures.MARKER_SIZE_MIN),
    ],
)
def test_reaction_marker_colour_is_stance_shape_is_type_size_is_sources(
    event_id: str, colour: str, symbol: str, size: int
) -> None:
    fig = figures.reactions_figure(seed_like())
    trace = next(
        t for t in traces(fig, "scatter") if t.customdata is not None and event_id in ids(t)
    )
    i = ids(trace).index(event_id)
    assert (trace.marker.color, trace.marker.symbol, trace.marker.size[i]) == (colour, symbol, size)


def test_a_sanction_has_its_own_shape() -> None:
    df = timeline_frame(
        [
            {
                "event_id": "s-1",
                "event_type": "sanction",
                "date": "2020-10-26",
                "actor": "China MOFCOM",
                "stance": "oppose",
                "sources": "a.txt",
                "evidence": "China announced sanctions on "
                "Lockheed Martin, Boeing Defense and Raytheon",
            }
        ]
    )
    trace = next(t for t in figures.reactions_figure(df).data if t.customdata is not None)
    assert trace.marker.symbol == "x"


def test_each_reaction_is_linked_to_the_sale_it_answers() -> None:
    fig = figures.reactions_figure(seed_like())
    link = traces(fig, "scatter", "Answers")[0]
    pairs = [
        (pd.Timestamp(link.x[i]), pd.Timestamp(link.x[i + 1]), link.y[i])
        for i in range(0, len(link.x), 3)
    ]
    assert (pd.Timestamp("2020-10-21"), pd.Timestamp("2020-10-22"), "China MFA") in pairs
    assert (pd.Timestamp("2024-11-29"), pd.Timestamp("2024-11-30"), "Taiwan MND") in pairs
    assert any("1 days" in text for text in link.hovertext)


def test_cause_and_response_share_one_time_axis() -> None:
    fig = figures.cause_response_figure(seed_like())
    assert fig.layout.xaxis.matches == "x2" or fig.layout.xaxis2.matches == "x"
    sale_ids = {e for t in fig.data if t.yaxis == "y" and t.customdata is not None for e in ids(t)}
    response_ids = {
        e for t in fig.data if t.yaxis == "y2" and t.customdata is not None for e in ids(t)
    }
    assert sale_ids == {"e-1.8b", "e-harpoon", "e-385m", "e-320m", "e-talks"}
    assert response_ids == {"e-zhao", "e-mnd"}


def test_an_actor_has_the_same_colour_in_every_chart() -> None:
    df = seed_like()
    values = figures.values_figure(df)
    trace, i = bar_of(values, "e-385m")
    cause = figures.cause_response_figure(df)
    sale = next(
        t for t in cause.data if t.yaxis == "y" and t.customdata is not None and "e-385m" in ids(t)
    )
    assert (
        trace.marker.line.color[i]
        == sale.marker.color[ids(sale).index("e-385m")]
        == figures.actor_color("US State Department")
    )


@pytest.mark.parametrize("actor", ["Japan MOFA", "European Parliament", "Lockheed Martin"])
def test_unknown_actors_get_a_stable_colour(actor: str) -> None:
    assert figures.actor_color(actor) == figures.actor_color(actor) in figures.FALLBACK_COLORS


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            {"date": "2020-10-21", "date_precision": "day", "value_usd": 1.8e9},
            ["21 Oct 2020 (day)", "Value: $1.8 bn"],
        ),
        (
            {
                "date": "2025-02-01",
                "date_precision": "month",
                "value_usd": 7e9,
                "value_usd_high": 1e10,
            },
            ["Feb 2025 (month)", "Value: $7–10 bn"],
        ),
        ({"date": "2024-11-29", "date_precision": "day", "value_usd": 3.85e8}, ["Value: $385 m"]),
        ({"date": "2019-01-01", "date_precision": "year"}, ["2019 (year)"]),
    ],
)
def test_hover_gives_date_precision_value_and_sources(
    row: dict[str, object], expected: list[str]
) -> None:
    df = timeline_frame(
        [
            {
                "event_id": "x",
                "event_type": "approval",
                "actor": "DSCA",
                "sources": "a.txt;b.txt",
                "outlets": "Reuters;Focus Taiwan",
                "n_sources": 2,
                **row,
            }
        ]
    )
    text = figures.hover_texts(df)[0]
    for part in expected + ["2 sources: Reuters, Focus Taiwan"]:
        assert part in text


def test_hover_escapes_hostile_article_text() -> None:
    df = seed_like()
    df.loc[0, "evidence"] = '<script>alert(1)</script> <a href="javascript:alert(2)">read</a>'
    df.loc[0, "summary"] = "<img src=x onerror=alert(3)>"
    fig = figures.values_figure(df)
    trace, i = bar_of(fig, "e-1.8b")
    hover = trace.hovertext[i]
    assert "<script>" not in hover and "<a " not in hover and "<img" not in hover
    assert "&lt;script&gt;" in hover and "&lt;img src=x onerror=alert(3)&gt;" in hover


@pytest.mark.parametrize(
    "make", [figures.values_figure, figures.reactions_figure, figures.cause_response_figure]
)
def test_figures_have_an_opaque_background_and_draw_on_an_empty_view(make) -> None:  # noqa: ANN001
    for df in (seed_like(), seed_like().iloc[0:0]):
        fig = make(df)
        assert fig.layout.paper_bgcolor == fig.layout.plot_bgcolor == figures.THEME["background"]
        fig.to_json()


def test_presenter_mode_enlarges_fonts_and_keeps_the_title() -> None:
    fig = figures.values_figure(seed_like(), title="Approvals, Oct 2020 – Nov 2024", presenter=True)
    assert fig.layout.font.size == figures.PRESENTER_FONT_SIZE > figures.FONT_SIZE
    assert fig.layout.title.text == "Approvals, Oct 2020 – Nov 2024"


def test_undated_events_are_left_off_the_axis() -> None:
    df = timeline_frame(
        [
            {
                "event_id": "u",
                "event_type": "approval",
                "actor": "DSCA",
                "value_usd": 1e8,
                "date": None,
                "date_precision": "approximate",
                "sources": "a.txt",
            }
        ]
    )
    assert traces(figures.values_figure(df), "bar") == []


def test_page_theme_matches_the_chart_palette() -> None:
    theme = tomllib.loads(CONFIG.read_text())["theme"]
    assert theme["primaryColor"] == figures.THEME["primary"]
    assert theme["backgroundColor"] == figures.THEME["background"]
    assert theme["secondaryBackgroundColor"] == figures.THEME["secondary_background"]
    assert theme["textColor"] == figures.THEME["text"]


def test_config_limits_uploads_and_turns_off_usage_statistics() -> None:
    config = tomllib.loads(CONFIG.read_text())
    assert (
        config["server"]["maxUploadSize"] == 50 and config["browser"]["gatherUsageStats"] is False
    )


@pytest.mark.parametrize(("fmt", "scale"), [("png", 3), ("svg", 3)])
def test_image_config_names_the_download(fmt: str, scale: int) -> None:
    config = figures.image_config("values-oct-2020-nov-2024", fmt)
    assert config["toImageButtonOptions"] == {
        "format": fmt,
        "scale": scale,
        "filename": "values-oct-2020-nov-2024",
    }


def test_a_crowded_view_is_drawn_with_webgl() -> None:
    rows = [
        {**SEED_LIKE[2], "event_id": f"r-{i}", "date": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 9}"}
        for i in range(figures.MAX_SVG_POINTS + 1)
    ]
    fig = figures.reactions_figure(timeline_frame([*SEED_LIKE, *rows]))
    crowded = next(t for t in fig.data if t.customdata is not None and "r-0" in ids(t))
    assert crowded.type == "scattergl" and len(crowded.x) > figures.MAX_SVG_POINTS
    small = figures.reactions_figure(seed_like())
    assert {t.type for t in small.data} == {"scatter"}


@pytest.fixture(scope="module")
def seed_timeline() -> pd.DataFrame:
    from timeline.corpus import analyse
    from timeline.documents import read_corpus

    docs, _ = read_corpus([Path(__file__).resolve().parent.parent / "seeds"])
    return analyse(docs, use_cache=False)[1]


def test_few_events_are_drawn_one_by_one(seed_timeline: pd.DataFrame) -> None:
    assert figures.summarised(seed_timeline) is seed_timeline


def test_many_events_are_drawn_per_period_and_lose_nothing(seed_timeline: pd.DataFrame) -> None:
    from timeline import view

    grouped = figures.summarised(seed_timeline, max_marks=6)
    dated = grouped[grouped["date"].notna()]
    assert set(dated["date_precision"]) <= {"month", "quarter", "year"}
    assert len(dated) < seed_timeline["date"].notna().sum()
    ids = [i for joined in dated["event_id"] for i in joined.split(";")]
    assert sorted(ids) == sorted(seed_timeline.loc[seed_timeline["date"].notna(), "event_id"])
    approvals = seed_timeline[seed_timeline["event_type"] == "approval"]["counted_usd"].sum()
    assert dated[dated["event_type"] == "approval"]["counted_usd"].sum() == approvals
    mark = dated["event_id"].iloc[0]
    assert view.selected_ids([{"customdata": [mark]}]) == mark.split(";")
    assert (dated["date_end"] >= dated["date"]).all()


def test_a_grouped_timeline_still_draws(seed_timeline: pd.DataFrame) -> None:
    grouped = figures.summarised(seed_timeline, max_marks=6)
    assert figures.values_figure(grouped).data and figures.cause_response_figure(grouped).data
