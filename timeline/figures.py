"""Plotly figures of the timeline: pure functions of the timeline DataFrame (TIMELINE_COLUMNS)."""

from __future__ import annotations

import html
import zlib
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from timeline.actors import ACTOR_ORDER

#: page colours; .streamlit/config.toml repeats them (tests/test_figures.py checks they agree)
THEME = {
    "primary": "#2E5C8A",
    "background": "#FFFFFF",
    "secondary_background": "#F2F4F7",
    "text": "#1B1F24",
    "grid": "#E1E5EB",
    "font": "sans-serif",
}

#: one colour per actor, the same in every chart
ACTOR_COLORS: dict[str, str] = {
    # United States: blues
    "US President": "#0B2545",
    "US State Department": "#2E5C8A",
    "DSCA": "#4C9BD6",
    "Pentagon": "#6A8CAF",
    "US Congress": "#5B7DB1",
    "US government": "#1B3A5C",
    "AIT": "#8DA9C4",
    # Taiwan: greens
    "Taiwan President": "#7FB8A4",
    "Taiwan Presidential Office": "#4E9F8A",
    "Taiwan government": "#1F6F66",
    "Taiwan MND": "#2A9D8F",
    "Taiwan MOFA": "#57C4B3",
    "Taiwan legislature": "#9CCFC0",
    "KMT": "#3F51B5",
    "DPP": "#3A7D44",
    "TPP": "#9C6ADE",
    # China: reds
    "China": "#E0694F",
    "China MFA": "#C23B22",
    "China MND": "#8E2A18",
    "Taiwan Affairs Office": "#F08C6C",
    "China MOFCOM": "#A8412C",
    "PLA": "#7A1F12",
    "CCP": "#D4533B",
    "People's Daily": "#B5523B",
    "Global Times": "#C9705A",
    "Xinhua": "#D98B76",
    "CCTV": "#B24A3B",
    "China Daily": "#E5A08E",
    "CGTN": "#CC6650",
    "PLA Daily": "#94352A",
    "China state media": "#E07B67",
    "Japan": "#B8860B",
}

#: colours for actors not listed above, picked by a stable hash of the name
FALLBACK_COLORS = (
    "#8C6D31",
    "#B279A2",
    "#6B6ECF",
    "#E7BA52",
    "#637939",
    "#9E9AC8",
    "#AD494A",
    "#5E8C31",
    "#CE6DBD",
    "#3182BD",
    "#969696",
    "#D6616B",
)

STANCE_COLORS = {"oppose": "#C23B22", "support": "#2A9D8F", "neutral": "#8A939C", "": "#B0B7BF"}

#: system categories stacked in the values chart; others take a stable hash into the tail
CATEGORY_COLORS = (
    "#2E5C8A",
    "#4C9BD6",
    "#88B8DD",
    "#1F6F66",
    "#57C4B3",
    "#7A6FB0",
    "#B3A36B",
    "#5A6B7B",
    "#9DB4C8",
    "#3D7F9E",
)
UNCATEGORISED = "unspecified"

#: event types in words, for legends
EVENT_LABELS = {
    "approval": "Approval",
    "plan_or_talks": "Plans or talks",
    "delivery": "Delivery",
    "budget": "Budget",
    "reaction": "Reaction",
    "sanction": "Sanction",
    "other": "Other",
}

EVENT_SYMBOLS = {
    "approval": "square",
    "plan_or_talks": "diamond-open",
    "delivery": "triangle-up",
    "budget": "star",
    "reaction": "circle",
    "sanction": "x",
    "other": "circle-open",
}

SALE_TYPES = ("approval",)
PLAN_TYPES = ("plan_or_talks",)
RESPONSE_TYPES = ("reaction", "sanction")

#: months in each imprecise precision, for the width of a span
PRECISION_LABELS = {
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "approximate": "approximate",
}

#: a bar narrower than this share of the time axis cannot be seen or clicked
MIN_BAR_SHARE = 1 / 150
MS_PER_DAY = 86_400_000
BILLION = 1e9
#: above this many dated events a chart draws one mark per month and kind, not one per event:
#: thousands of marks are unreadable and make a page of tens of megabytes
MAX_MARKS = 3000
#: what one monthly mark stands for
SUMMARY_KEYS = ("event_type", "actor", "stance", "category", "period")
#: the periods tried in turn, finest first: (pandas period code, precision)
SUMMARY_PERIODS = (("M", "month"), ("Q", "quarter"), ("Y", "year"))
#: above this many markers a trace is drawn with WebGL: SVG slows the page down
MAX_SVG_POINTS = 2000
MARKER_SIZE_MIN = 9
MARKER_SIZE_PER_SOURCE = 4
MARKER_SIZE_MAX = 24
HOVER_EVIDENCE_CHARS = 160
FONT_SIZE = 13
PRESENTER_FONT_SIZE = 19


def actor_color(actor: str) -> str:
    """Return the colour of an actor: its own, or a stable pick from FALLBACK_COLORS."""
    if actor in ACTOR_COLORS:
        return ACTOR_COLORS[actor]
    return FALLBACK_COLORS[zlib.crc32(actor.encode("utf-8")) % len(FALLBACK_COLORS)]


def category_color(category: str, order: Sequence[str]) -> str:
    """Return the colour of a system category: by rank in the full order, so filters keep it."""
    if category in order:
        return CATEGORY_COLORS[list(order).index(category) % len(CATEGORY_COLORS)]
    return CATEGORY_COLORS[zlib.crc32(category.encode("utf-8")) % len(CATEGORY_COLORS)]


def escape(value: object) -> str:
    """Return text safe to put in a Plotly label: HTML-escaped, missing as empty."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def usd_text(low: object, high: object = None) -> str:
    """Return a dollar amount or range in words: '$1.8 bn', '$7–10 bn', '$385 m'."""
    if low is None or pd.isna(low):
        return ""
    lo = float(low)  # type: ignore[arg-type]
    hi = None if high is None or pd.isna(high) else float(high)  # type: ignore[arg-type]
    unit, scale = ("bn", 1e9) if max(lo, hi or 0) >= 1e9 else ("m", 1e6)
    if hi is not None and hi > lo:
        return f"${lo / scale:,.3g}–{hi / scale:,.3g} {unit}"
    return f"${lo / scale:,.3g} {unit}"


def date_text(start: object, precision: str) -> str:
    """Return an event's date as precise as it is known: '21 Oct 2020', 'Oct 2020', '2020'."""
    if start is None or pd.isna(start):
        return "undated"
    ts = pd.Timestamp(start)  # type: ignore[arg-type]
    if precision == "year":
        return f"{ts.year}"
    if precision == "quarter":
        return f"Q{ts.quarter} {ts.year}"
    if precision == "month":
        return ts.strftime("%b %Y")
    if precision == "week":
        return f"week of {ts.day} {ts.strftime('%b %Y')}"
    if precision == "approximate":
        return f"about {ts.strftime('%b %Y')}"
    return f"{ts.day} {ts.strftime('%b %Y')}"


def interval_end(start: pd.Timestamp, end: object, precision: str) -> pd.Timestamp:
    """Return the last day of an event's interval, from date_end or else its precision."""
    if end is not None and not pd.isna(end):
        return pd.Timestamp(end)  # type: ignore[arg-type]
    offsets = {
        "week": pd.Timedelta(days=6),
        "month": pd.offsets.MonthEnd(0),
        "quarter": pd.offsets.QuarterEnd(0),
        "year": pd.offsets.YearEnd(0),
    }
    return start + offsets[precision] if precision in offsets else start


HOVER_COLUMNS = [
    "summary", "event_type", "date", "date_precision", "actor", "stance", "value_usd",
    "value_usd_high", "systems", "lag_days", "n_sources", "outlets", "sources", "evidence",
]  # fmt: skip


def text_of(value: object) -> str:
    """Return a cell as text, missing values as empty."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def hover_text(row: Mapping[str, object]) -> str:
    """Return one event's hover text: summary, date and precision, value, sources (escaped)."""
    precision = text_of(row["date_precision"])
    lines = [
        f"<b>{escape(text_of(row['summary']) or text_of(row['event_type']))}</b>",
        f"{date_text(row['date'], precision)} ({escape(precision or 'unknown precision')})",
    ]
    actor, stance = text_of(row["actor"]), text_of(row["stance"])
    if actor:
        lines.append(escape(actor + (f", {stance}" if stance else "")))
    value = usd_text(row["value_usd"], row["value_usd_high"])
    if value:
        lines.append(f"Value: {escape(value)}")
    if text_of(row["systems"]):
        lines.append(f"Systems: {escape(text_of(row['systems']).replace(';', ', '))}")
    if text_of(row["lag_days"]):
        lines.append(f"{float(text_of(row['lag_days'])):.0f} days after the sale it answers")
    n = int(float(text_of(row["n_sources"]) or 0))
    sources = text_of(row["outlets"]) or text_of(row["sources"])
    lines.append(f"{n} source{'s' if n != 1 else ''}: {escape(sources.replace(';', ', '))}")
    evidence = text_of(row["evidence"])
    if evidence:
        short = (
            evidence
            if len(evidence) <= HOVER_EVIDENCE_CHARS
            else evidence[:HOVER_EVIDENCE_CHARS] + "…"
        )
        lines.append(f"<i>“{escape(short)}”</i>")
    return "<br>".join(lines)


def scatter_type(n: int) -> type[go.Scatter] | type[go.Scattergl]:
    """Return the scatter trace class for n markers: SVG, or WebGL for many."""
    return go.Scattergl if n > MAX_SVG_POINTS else go.Scatter


def span_bars(spans: Sequence[float], color: str) -> dict[str, object]:
    """Return the error bars that stretch a marker over its interval (widths in ms) to the right."""
    return {
        "type": "data",
        "symmetric": False,
        "array": list(spans),
        "arrayminus": [0.0] * len(spans),
        "color": color,
        "thickness": 3,
        "width": 0,
        "visible": any(s > 0 for s in spans),
    }


def hover_texts(df: pd.DataFrame) -> list[str]:
    """Return the hover text of each event."""
    return [hover_text(row) for row in df[HOVER_COLUMNS].to_dict("records")]


def placed(df: pd.DataFrame) -> pd.DataFrame:
    """Return the events that have a date, with `end` (last day) and `span_ms` (width) added."""
    out = df[df["date"].notna()].copy()
    out["end"] = [
        interval_end(pd.Timestamp(s), e, str(p))
        for s, e, p in zip(
            out["date"], out["date_end"], out["date_precision"].fillna("day"), strict=True
        )
    ]
    out["span_ms"] = [
        float(((e - s).days + 1) * MS_PER_DAY) for s, e in zip(out["date"], out["end"], strict=True)
    ]
    return out


def axis_range(df: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Return a time axis range that covers every placed event with a margin."""
    dated = placed(df)
    if dated.empty:
        return None
    lo, hi = dated["date"].min(), dated["end"].max()
    margin = max(pd.Timedelta(days=20), (hi - lo) * 0.03)
    return lo - margin, hi + margin


def min_width_ms(df: pd.DataFrame) -> float:
    """Return the narrowest bar width that stays visible on this time axis."""
    span = axis_range(df)
    if span is None:
        return float(MS_PER_DAY)
    return max(float(MS_PER_DAY), (span[1] - span[0]).total_seconds() * 1000 * MIN_BAR_SHARE)


def base_layout(fig: go.Figure, title: str, presenter: bool, height: int) -> go.Figure:
    """Return the figure with the page's theme, an opaque background and a title."""
    size = PRESENTER_FONT_SIZE if presenter else FONT_SIZE
    fig.update_layout(
        template="plotly_white",
        title={"text": escape(title), "x": 0.0, "xanchor": "left", "font": {"size": size + 4}},
        paper_bgcolor=THEME["background"],
        plot_bgcolor=THEME["background"],
        font={"family": THEME["font"], "color": THEME["text"], "size": size},
        height=height,
        margin={"l": 10, "r": 10, "t": 60 if title else 30, "b": 10},
        hoverlabel={"align": "left", "bgcolor": "#FFFFFF", "font": {"size": size - 1}},
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0.0, "xanchor": "left"},
        dragmode="select",
    )
    fig.update_annotations(font={"size": size + 1, "color": THEME["text"]})
    fig.update_xaxes(showgrid=True, gridcolor=THEME["grid"], linecolor=THEME["grid"])
    fig.update_yaxes(showgrid=True, gridcolor=THEME["grid"], zeroline=False)
    return fig


def value_traces(
    df: pd.DataFrame, categories: Sequence[str], kind: str, width_floor: float
) -> list[go.Bar]:
    """Return one stacked bar trace per system category (imprecise dates drawn as spans)."""
    valued = placed(df[df["value_usd"].notna()])
    plan = kind == "plan"
    traces = []
    for category, group in valued.groupby(
        valued["category"].fillna("").replace("", UNCATEGORISED), sort=True
    ):
        widths = [max(w, width_floor) for w in group["span_ms"]]
        imprecise = [p not in ("day", "") for p in group["date_precision"].fillna("day")]
        ranges = (
            (group["value_usd_high"].astype("Float64") - group["value_usd"]).fillna(0).clip(lower=0)
        )
        traces.append(
            go.Bar(
                x=list(group["date"]),
                y=list(group["value_usd"].astype(float) / BILLION),
                width=widths,
                offset=0,
                name=f"{'Reported plans' if plan else 'Approved'}: {category}",
                legendgroup=kind,
                marker={
                    "color": category_color(str(category), categories),
                    "opacity": 0.45 if plan else 0.95,
                    "line": {
                        "color": [actor_color(str(a)) for a in group["actor"].fillna("")],
                        "width": 1.5,
                    },
                    "pattern": {
                        "shape": ["/" if i else "" for i in imprecise],
                        "fillmode": "overlay",
                        "size": 6,
                        "solidity": 0.3,
                    },
                },
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": list(ranges.astype(float) / BILLION),
                    "arrayminus": [0.0] * len(group),
                    "color": THEME["text"],
                    "thickness": 1.5,
                    "width": 6,
                    "visible": bool((ranges > 0).any()),
                },
                customdata=[[e] for e in group["event_id"]],
                hovertext=hover_texts(group),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    return traces


def cumulative(df: pd.DataFrame) -> pd.DataFrame:
    """Return approvals in date order with the running total of counted_usd (parts once)."""
    sales = placed(df[df["event_type"].isin(SALE_TYPES) & df["counted_usd"].notna()])
    sales = sales.sort_values(["date", "event_id"])
    sales["cumulative_usd"] = sales["counted_usd"].astype(float).cumsum()
    return sales


def cumulative_trace(df: pd.DataFrame, yaxis: str = "y2") -> go.Scatter:
    """Return the step line of the cumulative approved total."""
    sales = cumulative(df)
    return go.Scatter(
        x=list(sales["date"]),
        y=list(sales["cumulative_usd"] / BILLION),
        mode="lines+markers",
        line={"shape": "hv", "color": THEME["text"], "width": 2, "dash": "dot"},
        marker={"size": 5, "color": THEME["text"]},
        name="Cumulative approved (each package once)",
        yaxis=yaxis,
        customdata=[[e] for e in sales["event_id"]],
        hovertext=[f"Cumulative: {escape(usd_text(v))}" for v in sales["cumulative_usd"]],
        hovertemplate="%{hovertext}<extra></extra>",
    )


def category_order(df: pd.DataFrame) -> list[str]:
    """Return the system categories in a fixed order (sorted), for stable colours."""
    cats = df["category"].fillna("").replace("", UNCATEGORISED)
    return sorted(set(cats))


def values_figure(
    df: pd.DataFrame,
    show_plans: bool = True,
    title: str = "Approved arms sales, US$",
    presenter: bool = False,
    categories: Sequence[str] | None = None,
) -> go.Figure:
    """Return approvals as dollar bars over time, stacked by category, with the cumulative total."""
    df = summarised(df)
    order = list(categories) if categories is not None else category_order(df)
    drawn = df[
        df["event_type"].isin(SALE_TYPES + (PLAN_TYPES if show_plans else ()))
        & df["value_usd"].notna()
    ]
    floor = min_width_ms(drawn)
    fig = go.Figure()
    for trace in value_traces(df[df["event_type"].isin(SALE_TYPES)], order, "sale", floor):
        fig.add_trace(trace)
    if show_plans:
        for trace in value_traces(df[df["event_type"].isin(PLAN_TYPES)], order, "plan", floor):
            fig.add_trace(trace)
    if not cumulative(df).empty:
        fig.add_trace(cumulative_trace(df))
    fig.update_layout(
        barmode="relative",
        yaxis={"title": "Value (US$ bn)", "tickformat": "$,.1f", "rangemode": "tozero"},
        yaxis2={
            "title": "Cumulative (US$ bn)",
            "overlaying": "y",
            "side": "right",
            "tickformat": "$,.1f",
            "rangemode": "tozero",
            "showgrid": False,
        },
        xaxis={"type": "date", "range": axis_range(drawn if not drawn.empty else df)},
    )
    return base_layout(fig, title, presenter, 460 if not presenter else 560)


def summarised(df: pd.DataFrame, max_marks: int = MAX_MARKS) -> pd.DataFrame:
    """Return the events as they are, or, when too many are dated, one row per period and kind.

    The period is the month, else the quarter or the year, whichever first keeps the marks
    under max_marks. A row sums its events' values and sources, spans its period, and carries
    all their ids (";"-joined) so that selecting it selects them.
    """
    dated = df[df["date"].notna()]
    if len(dated) <= max_marks:
        return df
    keys = dated.assign(
        category=dated["category"].fillna("").replace("", UNCATEGORISED),
        stance=dated["stance"].fillna(""),
        actor=dated["actor"].fillna(""),
    )
    precision = "year"
    for freq, name in SUMMARY_PERIODS:  # the finest period that keeps the marks few enough
        keys["period"] = dated["date"].dt.to_period(freq).dt.start_time
        grouped = keys.groupby(list(SUMMARY_KEYS), sort=True)
        precision = name
        if grouped.ngroups <= max_marks:
            break
    rows = grouped.agg(
        event_id=("event_id", ";".join),
        value_usd=("value_usd", lambda v: v.astype("Float64").sum(min_count=1)),
        counted_usd=("counted_usd", lambda v: v.astype("Float64").sum(min_count=1)),
        n_mentions=("n_mentions", "sum"),
        n_sources=("n_sources", "sum"),
        n_events=("event_id", "size"),
        first_report=("first_report", "min"),
        confidence=("confidence", "mean"),
    ).reset_index()
    rows["date"] = rows["period"]
    rows["date_end"] = [
        p + pd.tseries.frequencies.to_offset(precision_offset(precision)) - pd.Timedelta(days=1)
        for p in rows["period"]
    ]
    rows["date_precision"] = precision
    rows["categories"] = rows["category"]
    rows["summary"] = [
        f"{n} {str(k).replace('_', ' ')} events by {a or 'unknown'}"
        for n, k, a in zip(rows["n_events"], rows["event_type"], rows["actor"], strict=True)
    ]
    periodic = rows.reindex(columns=df.columns)
    for name in ("date_text", "part_of", "systems", "sources", "outlets", "evidence", "answers"):
        periodic[name] = ""
    periodic = periodic.astype(df.dtypes.to_dict())
    return pd.concat([periodic, df[df["date"].isna()]], ignore_index=True)


def precision_offset(precision: str) -> str:
    """Return the pandas offset of one period of a precision ("MS" for a month)."""
    return {"month": "MS", "quarter": "QS", "year": "YS"}[precision]


def actor_order(df: pd.DataFrame, known: Sequence[str] = ()) -> list[str]:
    """Return actors in a stable order: the known order first, then the rest alphabetically."""
    actors = set(df["actor"].dropna().astype(str)) - {""}
    first = [a for a in known if a in actors]
    return first + sorted(actors - set(first))


def response_traces(
    df: pd.DataFrame, sales: pd.DataFrame, xaxis: str = "x", yaxis: str = "y"
) -> list[go.Scatter]:
    """Return the reaction markers (colour = stance, shape = type, size = sources) and lag links."""
    responses = placed(df[df["event_type"].isin(RESPONSE_TYPES)])
    traces: list[go.Scatter] = []
    sale_dates = dict(zip(sales["event_id"], sales["date"], strict=True))
    link_x: list[object] = []
    link_y: list[object] = []
    link_text: list[str] = []
    for row in responses.itertuples(index=False):
        sale_date = sale_dates.get(text_of(row.answers))
        if sale_date is not None and not pd.isna(sale_date):
            lag = f"{float(row.lag_days):.0f} days" if text_of(row.lag_days) else "an unknown time"
            text = f"{escape(row.actor)} answers {escape(row.answers)} after {lag}"
            link_x += [sale_date, row.date, None]
            link_y += [row.actor, row.actor, None]
            link_text += [text, text, ""]
    if link_x:
        many = len(link_x) // 3 > MAX_SVG_POINTS
        traces.append(
            scatter_type(len(link_x) // 3)(
                x=link_x,
                y=link_y,
                mode="lines" if many else "lines+markers",
                xaxis=xaxis,
                yaxis=yaxis,
                line={"color": "#9AA5B1", "width": 1.2, "dash": "dot"},
                marker={
                    "symbol": "line-ns",
                    "size": [10 if i % 3 == 0 else 0 for i in range(len(link_x))],
                    "line": {"width": 1.5, "color": "#9AA5B1"},
                },
                name="Answers the sale of (lag)",
                hovertext=link_text,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    for (stance, kind), group in responses.groupby(
        [responses["stance"].fillna(""), responses["event_type"]], sort=True
    ):
        spans = [
            (e - s).total_seconds() * 1000 for s, e in zip(group["date"], group["end"], strict=True)
        ]
        sizes = [
            min(
                MARKER_SIZE_MAX,
                MARKER_SIZE_MIN + MARKER_SIZE_PER_SOURCE * (int(n) - 1 if not pd.isna(n) else 0),
            )
            for n in group["n_sources"]
        ]
        traces.append(
            scatter_type(len(group))(
                x=list(group["date"]),
                y=list(group["actor"]),
                mode="markers",
                xaxis=xaxis,
                yaxis=yaxis,
                name=f"{EVENT_LABELS.get(str(kind), str(kind))}: {stance or 'no stance'}",
                marker={
                    "color": STANCE_COLORS.get(str(stance), STANCE_COLORS[""]),
                    "size": sizes,
                    "symbol": EVENT_SYMBOLS.get(str(kind), "circle"),
                    "line": {"color": [actor_color(str(a)) for a in group["actor"]], "width": 2},
                },
                error_x=span_bars(spans, STANCE_COLORS.get(str(stance), STANCE_COLORS[""])),
                customdata=[[e] for e in group["event_id"]],
                hovertext=hover_texts(group),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    return traces


def reactions_figure(
    df: pd.DataFrame,
    title: str = "Reactions by actor",
    presenter: bool = False,
    known_actors: Sequence[str] = ACTOR_ORDER,
) -> go.Figure:
    """Return reactions over time, one lane per actor, linked to the sale each answers."""
    sales = placed(df[df["event_type"].isin(SALE_TYPES + PLAN_TYPES)])
    lanes = actor_order(placed(df[df["event_type"].isin(RESPONSE_TYPES)]), known_actors)
    fig = go.Figure(response_traces(df, sales))
    fig.update_yaxes(categoryorder="array", categoryarray=lanes[::-1], type="category")
    fig.update_xaxes(type="date", range=axis_range(df[df["event_type"].isin(RESPONSE_TYPES)]))
    return base_layout(fig, title, presenter, lane_height(len(lanes), presenter))


def lane_height(lanes: int, presenter: bool) -> int:
    """Return a chart height that gives every actor lane room."""
    per_lane = 34 if presenter else 28
    return max(320, 160 + per_lane * lanes)


def cause_response_figure(
    df: pd.DataFrame,
    title: str = "Sales and the responses to them",
    presenter: bool = False,
    known_actors: Sequence[str] = ACTOR_ORDER,
    show_plans: bool = True,
) -> go.Figure:
    """Return sales (above) and the responses to them (below) on one shared time axis."""
    df = summarised(df)
    kinds = SALE_TYPES + (PLAN_TYPES if show_plans else ())
    sales = placed(df[df["event_type"].isin(kinds)])
    lanes = actor_order(placed(df[df["event_type"].isin(RESPONSE_TYPES)]), known_actors)
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.06,
        row_heights=[0.32, 0.68],
        subplot_titles=("Sales and reported plans", "Responses"),
    )
    for kind, group in sales.groupby("event_type", sort=True):
        spans = [
            (e - s).total_seconds() * 1000 for s, e in zip(group["date"], group["end"], strict=True)
        ]
        fig.add_trace(
            scatter_type(len(group))(
                x=list(group["date"]),
                y=list(group["actor"]),
                mode="markers",
                name=EVENT_LABELS.get(str(kind), str(kind)),
                legendgroup="sales",
                marker={
                    "symbol": EVENT_SYMBOLS.get(str(kind), "circle"),
                    "size": 13,
                    "color": [actor_color(str(a)) for a in group["actor"]],
                    "line": {"color": THEME["text"], "width": 1},
                },
                error_x=span_bars(spans, THEME["primary"]),
                customdata=[[e] for e in group["event_id"]],
                hovertext=hover_texts(group),
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=1,
            col=1,
        )
    for trace in response_traces(df, sales, xaxis="x2", yaxis="y2"):
        fig.add_trace(trace)
    sale_lanes = actor_order(sales, known_actors)
    fig.update_yaxes(
        type="category", categoryorder="array", categoryarray=sale_lanes[::-1], row=1, col=1
    )
    fig.update_yaxes(
        type="category", categoryorder="array", categoryarray=lanes[::-1], row=2, col=1
    )
    fig.update_xaxes(
        type="date", range=axis_range(df[df["event_type"].isin(kinds + RESPONSE_TYPES)])
    )
    height = lane_height(len(lanes) + len(sale_lanes), presenter) + 80
    return base_layout(fig, title, presenter, height)


def image_config(filename: str, fmt: str = "png", scale: int = 3) -> dict[str, object]:
    """Return the Plotly config whose modebar button downloads the chart as an image."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": fmt, "scale": scale, "filename": filename},
        "modeBarButtonsToAdd": ["select2d", "lasso2d"],
    }
