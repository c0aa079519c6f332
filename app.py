"""The timeline page: widgets wired to the pure functions of `timeline`.

Run it with `streamlit run app.py`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from timeline import corpus, figures, view
from timeline.corpus import analyse
from timeline.documents import read_bytes
from timeline.records import Document, Timex

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
#: read errors listed on the page (all of them are counted)
MAX_ERRORS_SHOWN = 20
#: corpora whose extraction stays in memory (each one a pair of DataFrames)
KEEP_RESULTS = 4
TYPE_LABELS = {
    "approval": "approval",
    "plan_or_talks": "plans or talks",
    "delivery": "delivery",
    "budget": "budget",
    "reaction": "reaction",
    "sanction": "sanction",
    "other": "other",
}
TABS = ("Events and sources", "Correct", "Corpus and articles")
#: the modules that make the charts: a figure kept on disk is made again when one changes
FIGURE_MODULES = ("figures.py", "view.py")
#: events shown in the table at once: a page of tens of thousands of rows is slow and unreadable
TABLE_PAGE_ROWS = 500
TABLE_COLUMNS = {
    "date_label": st.column_config.TextColumn("Date", width=95),
    "date_precision": st.column_config.TextColumn("Precision", width="small"),
    "event_type": st.column_config.TextColumn("Type", width=105),
    "actor": st.column_config.TextColumn("Actor"),
    "stance": st.column_config.TextColumn("Stance", width="small"),
    "value_musd": st.column_config.NumberColumn("Value $m", format="%.1f", width="small"),
    "high_musd": st.column_config.NumberColumn("High $m", format="%.1f", width="small"),
    "systems": st.column_config.TextColumn("Systems"),
    "n_sources": st.column_config.NumberColumn("Sources", width="small"),
    "evidence": st.column_config.TextColumn("Evidence", width="large"),
    "event_id": st.column_config.TextColumn("Event", width="small"),
}
PRESENTER_CSS = """<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
.stMainBlockContainer, .block-container { padding-top: 1.5rem; max-width: 100%; }
.stMainBlockContainer p, .stMainBlockContainer li { font-size: 1.25rem; }
</style>"""


# -- cached pipeline calls ------------------------------------------------------------------------


@st.cache_resource(max_entries=4, show_spinner=False)
def load_documents(signature: str, _paths: Sequence[Path]) -> tuple[list, list]:
    """Return the documents and read errors (cached here and on disk until a file changes)."""
    return corpus.read([str(p) for p in _paths])


@st.cache_resource(show_spinner=False)
def extracted() -> dict[tuple, tuple[pd.DataFrame, pd.DataFrame]]:
    """Return (mentions, timeline) per corpus and publication dates, shared by sessions."""
    return {}


def extract(
    key: tuple, docs: Sequence[Document], progress: Callable[[float], None]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (mentions, timeline); the progress bar shows only while extracting."""
    cache = extracted()
    if key not in cache:
        cache[key] = analyse(docs, progress=progress, remember=key)
        for old in list(cache)[:-KEEP_RESULTS]:
            del cache[old]
    return cache[key]


def recalled(key: tuple) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Return (mentions, timeline) analysed before for these files, without reading them."""
    cache = extracted()
    if key not in cache:
        found = corpus.recall(key)
        if found is None:
            return None
        cache[key] = found
    return cache[key]


@st.cache_data(max_entries=64, show_spinner=False)
def timexes(doc: str, text: str, published: date | None) -> list[Timex]:
    """Return the temporal expressions of an article."""
    from timeline.temporal import tag  # the article viewer's: the charts never need it

    return tag(text, published)


# -- state helpers --------------------------------------------------------------------------------


def data_folder() -> Path:
    """Return the folder holding uploads, added folders and corrections."""
    folder = view.data_dir(os.environ, HERE / "data")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def read_store(path: Path) -> tuple[view.Store, str]:
    """Return the corrections, and the problem when the file is corrupt (left alone)."""
    try:
        return view.load_store(path), ""
    except view.CorruptStore as error:
        return view.Store(), str(error)


def save_corrections(store: view.Store, path: Path) -> None:
    """Save the corrections and start a fresh editor."""
    view.save_store(store, path)
    st.session_state["editor_version"] = st.session_state.get("editor_version", 0) + 1


def query_params() -> dict[str, list[str]]:
    """Return the page's query parameters, every key as a list."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def first_run_filters() -> view.Filters:
    """Return the filters of the URL on a session's first run, then those in the widgets."""
    if "url_filters" not in st.session_state:
        st.session_state["url_filters"] = view.decode_filters(query_params())
        st.session_state["present"] = st.session_state["url_filters"].present
    return st.session_state["url_filters"]


# -- sidebar --------------------------------------------------------------------------------------


def corpus_controls(folder: Path) -> None:
    """Draw upload and folder inputs; a change reruns the page so the corpus includes it."""
    uploads = folder / view.UPLOADS_DIR
    folders_file = folder / view.FOLDERS_FILE
    left, right = st.columns(2)
    with left:
        files = st.file_uploader(
            "Upload articles",
            accept_multiple_files=True,
            key="uploads",
            type=[s.lstrip(".") for s in view.SUPPORTED_SUFFIXES],
            help="txt, md, html, jsonl, json or csv; kept in the data folder across restarts",
        )
        if files:
            batch = tuple((f.name, f.size, f.file_id) for f in files)
            if st.session_state.get("stored_batch") != batch:
                saved, errors = view.store_uploads(
                    ((f.name, f.getvalue()) for f in files), uploads, read_bytes
                )
                st.session_state["stored_batch"] = batch
                st.session_state["upload_report"] = (
                    [p.name for p in saved],
                    [str(e) for e in errors],
                )
                if saved:
                    st.rerun()
        saved_names, upload_errors = st.session_state.get("upload_report", ([], []))
        if saved_names:
            st.success(f"Stored {len(saved_names)} file(s): {', '.join(saved_names)}")
        for message in upload_errors:
            st.error(message)
    with right:
        path_text = st.text_input(
            "Add a folder of articles", key="folder_path", placeholder="/path/to/articles"
        )
        if st.button("Add folder", key="add_folder") and path_text.strip():
            added = Path(path_text.strip()).expanduser()
            if added.is_dir():
                view.save_folders(
                    view.load_folders(folders_file) + [str(added.resolve())], folders_file
                )
                st.rerun()
            else:
                st.error(f"{path_text}: not a folder")
        extra = view.load_folders(folders_file)
        for i, name in enumerate(extra):
            if st.button(f"Remove {name}", key=f"remove_folder_{i}"):
                view.save_folders([f for f in extra if f != name], folders_file)
                st.rerun()


#: the list filters: label, timeline column, widget key, Filters field
LIST_FILTERS = (
    ("Event types", "event_type", "f_types", "event_types"),
    ("Actors", "actor", "f_actors", "actors"),
    ("Stance", "stance", "f_stances", "stances"),
    ("Weapon systems", "systems", "f_systems", "systems"),
    ("System categories", "categories", "f_categories", "categories"),
    ("Outlets", "outlets", "f_outlets", "outlets"),
)


def date_bounds(df: pd.DataFrame) -> tuple[date, date]:
    """Return the first and last day any event covers."""
    dated = df[df["date"].notna()]
    if dated.empty:
        return date.today(), date.today()
    return dated["date"].min().date(), dated["date_end"].fillna(dated["date"]).max().date()


def init_filter_state(df: pd.DataFrame, start: view.Filters) -> None:
    """Give each filter widget its first value (from the URL) and keep its value valid for df."""
    state = st.session_state
    lo, hi = date_bounds(df)
    if "f_dates" not in state:
        state["f_dates"] = (start.start or lo, start.end or hi)
    else:
        # a range left at the data's bounds follows them when the corpus or a correction moves them
        old_lo, old_hi = state.get("f_bounds", (lo, hi))
        picked = (*tuple(state["f_dates"]), None, None)
        state["f_dates"] = (
            lo if picked[0] in (old_lo, None) else picked[0],
            hi if picked[1] in (old_hi, None) else picked[1],
        )
    state["f_bounds"] = (lo, hi)
    for _, column, key, field in LIST_FILTERS:
        chosen = state[key] if key in state else getattr(start, field)
        if chosen:  # an empty choice is valid for any data: no need to list the options
            allowed = set(view.options(df, column))
            chosen = [v for v in chosen if v in allowed]
        state[key] = list(chosen)
    for key, value in (("f_min", float(start.min_value_musd)), ("f_text", start.text)):
        if key not in state:
            state[key] = value
    if "f_plans" not in state:
        state["f_plans"] = start.plans


def filters_from_state() -> view.Filters:
    """Return the filters held by the widgets' state (read before the widgets are drawn)."""
    state = st.session_state
    lo, hi = state["f_bounds"]
    first_day, last_day = (*tuple(state["f_dates"]), None, None)[:2]
    lists = {field: tuple(state[key]) for _, _, key, field in LIST_FILTERS}
    return view.Filters(
        start=first_day if first_day and first_day != lo else None,
        end=last_day if last_day and last_day != hi else None,
        min_value_musd=float(state["f_min"] or 0),
        text=state["f_text"] or "",
        plans=bool(state["f_plans"]),
        present=bool(state.get("present")),
        **lists,
    )


def filter_widgets(df: pd.DataFrame) -> None:
    """Draw the filters in the sidebar; their values live in the session state."""
    sb = st.sidebar
    sb.header("Filters")
    sb.date_input(
        "Date range", key="f_dates", min_value=date(1945, 1, 1), max_value=date(2100, 12, 31)
    )
    for label, column, key, _ in LIST_FILTERS:
        sb.multiselect(label, view.options(df, column), key=key, placeholder="All")
    sb.number_input("Minimum value (US$ m)", min_value=0.0, step=50.0, key="f_min")
    sb.text_input("Search text", key="f_text", placeholder="e.g. Harpoon, one-China")
    sb.toggle("Show reported plans in the values chart", key="f_plans")


def write_url(filters: view.Filters) -> None:
    """Write the filters into the URL when they changed, so the view is a shareable link."""
    wanted = view.encode_filters(filters)
    lists = set(view.LIST_PARAMS.values())
    current = {k: v if k in lists else v[0] for k, v in query_params().items() if v}
    if current != wanted:
        st.query_params.from_dict(wanted)


# -- main area ------------------------------------------------------------------------------------

TITLE = "Arms sales to Taiwan and the responses to them"
#: session state: the browser has drawn this session's charts, so the whole page is drawn
CHARTS_DRAWN = "charts_drawn"
#: session state: a first run drew the charts alone
CHARTS_DEFERRED = "charts_deferred"
#: how long the browser waits for the charts before asking for the rest of the page anyway
CHARTS_WAIT_MS = 8000
#: tells the server once every chart on the page is drawn (or the wait is over)
CHARTS_DRAWN_JS = """
export default function (component) {
  const { setStateValue, data } = component;
  const started = performance.now();
  let timer = null;
  const check = () => {
    const plots = document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot');
    const drawn = Array.from(plots).filter((p) => p._fullLayout).length;
    if (drawn >= data.charts || performance.now() - started > data.wait_ms) {
      setStateValue("drawn", true);
      return;
    }
    timer = setTimeout(check, 50);
  };
  check();
  return () => clearTimeout(timer);
}
"""
_CHARTS_DRAWN = st.components.v2.component("charts_drawn", js=CHARTS_DRAWN_JS)


def charts_drawn_signal(charts: int) -> None:
    """Mount the signal that reruns the page, whole, once the browser has drawn the charts."""

    def drawn() -> None:
        st.session_state[CHARTS_DRAWN] = True

    _CHARTS_DRAWN(
        data={"charts": charts, "wait_ms": CHARTS_WAIT_MS},
        key="charts_drawn_signal",
        on_drawn_change=drawn,
    )


def chart(fig: object, key: str, filename: str, fmt: str) -> list[str]:
    """Draw a selectable chart; return the event ids selected in it."""
    event = st.plotly_chart(
        fig,
        key=key,
        on_select="rerun",
        theme=None,
        selection_mode=("points", "box", "lasso"),
        width="stretch",
        config=figures.image_config(filename, fmt),
    )
    selection = event.get("selection") if event else None
    return view.selected_ids(selection.get("points", []) if selection else [])


def table_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return the events table: one row per event, the columns an analyst reads."""
    return pd.DataFrame(
        {
            "date_label": [
                figures.date_text(d, str(p))
                for d, p in zip(df["date"], df["date_precision"], strict=True)
            ],
            "event_type": df["event_type"].map(lambda t: TYPE_LABELS.get(str(t), str(t))),
            "actor": df["actor"],
            "stance": df["stance"],
            "value_musd": df["value_usd"].astype("Float64") / view.MUSD,
            "evidence": df["evidence"],
            "systems": df["systems"].fillna("").str.replace(";", ", "),
            "n_sources": df["n_sources"],
            "date_precision": df["date_precision"],
            "high_musd": df["value_usd_high"].astype("Float64") / view.MUSD,
            "event_id": df["event_id"],
        }
    ).reset_index(drop=True)


def show_article(
    doc: Document, highlights: Sequence[tuple[int, int]], store_path: Path, writable: bool, key: str
) -> None:
    """Draw an article: dates marked, evidence highlighted, publication date editable."""
    published = doc.published.isoformat() if doc.published else "unknown"
    st.markdown(
        f"**{view.markdown_escape(doc.title or doc.doc)}**  \n"
        f"{view.markdown_escape(doc.outlet or 'unknown outlet')} · "
        f"{view.markdown_escape(doc.doc)} · "
        f"published {published} (from {view.markdown_escape(doc.published_source)})"
    )
    if doc.published_evidence:
        st.caption(f"Why this date: {view.markdown_escape(doc.published_evidence)}")
    cols = st.columns([2, 1, 3])
    new_date = cols[0].date_input(
        "Publication date",
        value=doc.published,
        key=f"pub_{key}",
        min_value=date(1945, 1, 1),
        max_value=date(2100, 12, 31),
    )
    if cols[1].button("Set date", key=f"setpub_{key}", disabled=not writable) and new_date:
        store = view.load_store(store_path)
        correction = view.Correction(
            "published", doc.doc, "published", new_date.isoformat(), view.now_text()
        )
        save_corrections(view.add_corrections(store, [correction]), store_path)
        st.rerun()
    spans = timexes(doc.doc, doc.text, doc.published)
    boiler = [(b.start, b.end) for b in doc.boilerplate]
    for start, end in highlights:
        st.html(view.excerpt_html(doc.text, start, end, spans))
    with st.container(height=380):
        st.html(view.article_html(doc.text, spans, boiler, highlights))


def sources_view(
    eid: str, mentions: pd.DataFrame, docs: dict[str, Document], store_path: Path, writable: bool
) -> None:
    """Draw each source of an event: its sentence highlighted in its article."""
    rows = mentions[mentions["event_id"] == eid]
    for n, (name, group) in enumerate(rows.groupby("doc", sort=False)):
        doc = docs.get(str(name))
        if doc is None:
            continue
        spans = [
            (int(s), int(e))
            for s, e in zip(group["start"], group["end"], strict=True)
            if pd.notna(s) and pd.notna(e)
        ]
        show_article(doc, spans, store_path, writable, key=f"{eid}_{n}")


def corrections_panel(
    df: pd.DataFrame, store: view.Store, store_path: Path, writable: bool
) -> None:
    """Draw the editable events table, undo and the list of corrections."""
    before = view.editor_frame(df)
    edited = st.data_editor(
        before,
        key=f"editor_{st.session_state.get('editor_version', 0)}",
        hide_index=True,
        width="stretch",
        disabled=not writable,
        num_rows="fixed",
        column_config={
            "event_id": st.column_config.TextColumn("Event", disabled=True),
            "date": st.column_config.TextColumn("Date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            "event_type": st.column_config.SelectboxColumn("Type", options=list(TYPE_LABELS)),
            "actor": st.column_config.TextColumn("Actor"),
            "stance": st.column_config.SelectboxColumn(
                "Stance", options=["", "oppose", "support", "neutral"]
            ),
            "value_usd": st.column_config.NumberColumn("Value US$", min_value=0.0, format="%.0f"),
            "excluded": st.column_config.CheckboxColumn("Exclude"),
            "summary": st.column_config.TextColumn("Summary", disabled=True),
        },
    )
    found, problems = view.diff_edits(before, edited, view.now_text())
    for problem in problems:
        st.warning(problem)
    if found and writable:
        save_corrections(view.add_corrections(store, found), store_path)
        st.rerun()
    cols = st.columns([1, 4])
    if cols[0].button(
        "Undo last correction", key="undo", disabled=not writable or not store.corrections
    ):
        save_corrections(view.undo(store), store_path)
        st.rerun()
    cols[1].caption(f"{len(store.corrections)} correction(s) saved in {store_path}")
    for c in reversed(store.corrections[-10:]):
        st.caption(view.markdown_escape(view.describe_correction(c)))


def corrupt_store_panel(problem: str, path: Path) -> bool:
    """Report a corrupt corrections file; return True when the user moved it aside."""
    st.error(
        f"The corrections file cannot be read, so corrections are off until it is fixed: "
        f"{problem}. It has not been changed. Fix it by hand, or move it aside to start "
        "afresh (the file is kept)."
    )
    if st.button("Move the corrupt file aside", key="move_corrupt"):
        target = view.move_aside(path)
        st.session_state["moved_corrupt"] = str(target)
        return True
    return False


def export_buttons(df: pd.DataFrame, filters: view.Filters, described: str) -> None:
    """Draw the downloads of the filtered view: CSV, JSON and TimelineJS JSON (built on click)."""
    name = view.export_name("timeline", filters, df)
    title = f"Arms sales and reactions, {described}"
    cols = st.columns(3)
    cols[0].download_button(
        "Download CSV", lambda: view.to_csv(df), f"{name}.csv", "text/csv", key="dl_csv"
    )
    cols[1].download_button(
        "Download JSON",
        lambda: view.to_json(df),
        f"{name}.json",
        "application/json",
        key="dl_json",
    )
    cols[2].download_button(
        "Download TimelineJS",
        lambda: view.to_timelinejs(df, title),
        f"{name}-timelinejs.json",
        "application/json",
        key="dl_tljs",
    )


def read_errors(errors: Sequence[object]) -> None:
    """Report the inputs that could not be read, each with its reason."""
    if not errors:
        return
    shown = errors if len(errors) <= MAX_ERRORS_SHOWN else errors[:MAX_ERRORS_SHOWN]
    lines = "\n".join(f"- {view.markdown_escape(str(e))}" for e in shown)
    more = f"\n\n…and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
    st.warning(f"Could not read {len(errors)} input(s); the rest is loaded:\n\n{lines}{more}")


def headline(df: pd.DataFrame) -> str:
    """Return the counts of the view as one line of Markdown."""
    approvals = df[df["event_type"] == "approval"]
    total = approvals["counted_usd"].astype(float).sum()
    undated = approvals[approvals["date"].isna()]["counted_usd"].astype(float).sum()
    money = view.markdown_escape(figures.usd_text(total) or "$0")
    note = f" ({view.markdown_escape(figures.usd_text(undated))} of it undated)" if undated else ""
    responses = int(df["event_type"].isin(figures.RESPONSE_TYPES).sum())
    articles = len(view.options(df, "sources"))
    return (
        f"**{len(df)}** events · **{money}** approved, each package once{note} · "
        f"**{responses}** responses · **{articles}** articles"
    )


def main() -> None:
    """Draw the page: charts first, so they draw while the rest of the page arrives."""
    st.set_page_config(
        page_title="Arms sales and reactions: a timeline",
        page_icon=":material/calendar_month:",
        layout="wide",
    )
    folder = data_folder()
    store_path = view.corrections_path(folder)
    store, store_problem = read_store(store_path)
    url = first_run_filters()
    if st.session_state.get(CHARTS_DEFERRED):
        st.session_state[CHARTS_DRAWN] = True  # any second run draws the whole page
    present = bool(st.session_state.get("present"))
    if present:
        st.html(PRESENTER_CSS)
    top, notices, summary = st.container(), st.container(), st.container()

    uploads = folder / view.UPLOADS_DIR
    extra = view.load_folders(folder / view.FOLDERS_FILE)
    paths = (
        [SEEDS]
        + ([uploads] if uploads.is_dir() and any(uploads.iterdir()) else [])
        + [Path(p) for p in extra]
    )
    signature = view.corpus_signature(paths)
    overrides = tuple(
        sorted((k, v.isoformat()) for k, v in view.published_overrides(store).items())
    )
    analysis = recalled((signature, overrides))
    docs: list[Document] = []
    errors: list = []
    if analysis is None or st.session_state.get(CHARTS_DRAWN):
        # the charts of a corpus analysed before need no document: they are read after them
        docs, errors = load_documents(signature, paths)
        docs = view.apply_published(docs, store)
    if analysis is None:
        slot = st.empty()

        def progress(share: float) -> None:
            slot.progress(
                min(1.0, max(0.0, share)), text=f"Extracting events from {len(docs)} articles…"
            )

        analysis = extract((signature, overrides), docs, progress)
        slot.empty()
    mentions, timeline = analysis
    timeline = view.apply_corrections(timeline, store)
    shown = view.visible(timeline)
    init_filter_state(shown, url)
    filters = filters_from_state()
    write_url(filters)
    current = view.filter_timeline(shown, filters)
    described = view.describe_filters(filters, current)
    # the view's identity: corpus, publication dates and corrections (figures are cached on it)
    view_key = (signature, overrides, store.corrections)
    picked = draw_charts(view_key, current, shown, filters, described)
    if not st.session_state.get(CHARTS_DRAWN):
        # a session's first run: the rest of the page follows once the browser has drawn the
        # charts, so that loading the table's and the filters' code does not hold them up
        charts_drawn_signal(charts=2)
        top.header(TITLE)
        st.session_state[CHARTS_DEFERRED] = True
        return

    with top:
        cols = st.columns([5, 1])
        cols[0].header(TITLE)
        cols[1].toggle("Presenter mode", key="present")
    # drawn in presenter mode too (hidden there), so the filters keep their values
    filter_widgets(shown)
    if present:
        return
    with notices:
        if store_problem and corrupt_store_panel(store_problem, store_path):
            st.rerun()
        if st.session_state.get("moved_corrupt"):
            st.info(
                f"The corrupt corrections file was moved to {st.session_state['moved_corrupt']}."
            )
        read_errors(errors)
    with summary:
        st.markdown(headline(current))
        st.caption(
            f"{view.markdown_escape(described) or 'No dated events'} · {len(current)} of "
            f"{len(shown)} events · click or box-select points to list them below; "
            "double-click a chart to clear."
        )
    st.toggle(
        "Chart downloads as SVG (modebar camera button)",
        key="image_svg",
        help="The camera button saves PNG at 3× scale; switch on for vector SVG.",
    )

    table = current[current["event_id"].isin(picked)] if picked else current
    st.subheader(f"Events ({len(table)})" + (" selected in the charts" if picked else ""))
    export_buttons(current, filters, described)
    # only the open tab is drawn: the editor and the article viewer cost time on every rerun
    events_tab, correct_tab, articles_tab = st.tabs(
        list(TABS), key="main_tabs", on_change="rerun", default=TABS[0]
    )
    by_name = {d.doc: d for d in docs}
    writable = not store_problem
    if events_tab.open is not False:
        with events_tab:
            events_panel(table, mentions, by_name, store_path, writable)
    if correct_tab.open:
        with correct_tab:
            corrections_panel(
                timeline[timeline["event_id"].isin(current["event_id"]) | timeline["excluded"]],
                store,
                store_path,
                writable,
            )
    if articles_tab.open:
        with articles_tab:
            corpus_controls(folder)
            names = sorted(by_name)
            if names:
                name = st.selectbox("Article", names, key="article_pick")
                show_article(by_name[name], [], store_path, writable, key="browse")


@st.cache_resource(max_entries=32, show_spinner=False)
def chart_figures(
    key: tuple, _current: pd.DataFrame, _shown: pd.DataFrame, described: str
) -> tuple[go.Figure, go.Figure]:
    """Return the two figures of a view, shared by sessions that show the same view."""
    filters, present = key[-2], key[-1]
    values_title = (
        f"Approved arms sales, US$, {described}" if present else "Approved arms sales, US$"
    )
    cr_title = (
        f"Approvals and reactions, {described}" if present else "Sales and the responses to them"
    )

    def build() -> tuple[go.Figure, go.Figure]:
        return (
            figures.values_figure(
                _current, filters.plans, values_title, present, figures.category_order(_shown)
            ),
            figures.cause_response_figure(_current, cr_title, present, show_plans=filters.plans),
        )

    # kept on disk too: a fresh server draws a large corpus's charts without making them again
    return corpus.kept("figures", (key, described), build, FIGURE_MODULES)


def draw_charts(
    key: tuple, current: pd.DataFrame, shown: pd.DataFrame, filters: view.Filters, described: str
) -> list[str]:
    """Draw the values chart and the cause-and-response chart; return the event ids selected."""
    fmt = "svg" if st.session_state.get("image_svg") else "png"
    present = filters.present
    values, cause = chart_figures((*key, filters, present), current, shown, described)
    caption = view.sources_caption(current) if present else ""
    picked = chart(values, "chart_values", view.export_name("values", filters, current), fmt)
    if present:
        st.caption(caption)
    name = view.export_name("sales-and-responses", filters, current)
    picked += chart(cause, "chart_cause", name, fmt)
    if present:
        st.caption(caption)
    return picked


def events_panel(
    table: pd.DataFrame,
    mentions: pd.DataFrame,
    by_name: dict[str, Document],
    store_path: Path,
    writable: bool,
) -> None:
    """Draw the events table, a page at a time; a selected row shows its sources."""
    pages = max(1, -(-len(table) // TABLE_PAGE_ROWS))
    page = 1
    if pages > 1:
        page = int(st.number_input(f"Page (of {pages})", 1, pages, 1, key="events_page", width=160))
        first = (page - 1) * TABLE_PAGE_ROWS
        st.caption(
            f"Rows {first + 1:,}–{min(first + TABLE_PAGE_ROWS, len(table)):,} of {len(table):,}: "
            "narrow the filters or select points in a chart to see fewer; the downloads hold all."
        )
    start = (page - 1) * TABLE_PAGE_ROWS
    frame = table_frame(table.iloc[start : start + TABLE_PAGE_ROWS])
    chosen = st.dataframe(
        frame,
        key="events_table",
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        column_config=TABLE_COLUMNS,
    )
    rows = chosen.selection.rows if chosen else []
    if rows and rows[0] < len(frame):
        eid = str(frame.iloc[rows[0]]["event_id"])
        summary = view.text_of(table.set_index("event_id").loc[eid, "summary"]) or eid
        st.markdown(
            f"**Sources of: {view.markdown_escape(summary)}** ({view.markdown_escape(eid)})"
        )
        sources_view(eid, mentions, by_name, store_path, writable)
    else:
        st.caption("Select a row to read its sources, with the sentence highlighted.")


main()
