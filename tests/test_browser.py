"""Browser tests: the page in a real chromium, served by `streamlit run app.py` on the seeds."""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest

from timeline import view
from timeline.corpus import analyse
from timeline.documents import read_corpus

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHARTS = '[data-testid="stPlotlyChart"] .js-plotly-plot'
SERVER_START_S = 60
CHART_WAIT_MS = 60_000
VIEWPORT = {"width": 1400, "height": 1400}

#: the event ids each chart on the page draws, read from Plotly's own data on the element
CHART_IDS_JS = """() => Array.from(
        document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot'))
    .map(el => Array.from(new Set(el.data.flatMap(t => Array.from(t.customdata || [])
        .map(c => Array.isArray(c) ? c[0] : c).filter(c => c)))).sort())"""

#: select the first n points of the first chart that carry an event id, as a box selection would
SELECT_JS = """(n) => {
    const el = document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')[0];
    const points = [];
    el.data.forEach((t, curve) => Array.from(t.customdata || []).forEach((c, i) => {
        if (points.length < n && c && c[0]) points.push({
            curveNumber: curve, pointNumber: i, pointIndex: i,
            x: t.x[i], y: t.y[i], customdata: c, data: t, fullData: el._fullData[curve]});
    }));
    el.emit('plotly_selected', {points: points, selections: []});
    return points.map(p => p.customdata[0]);
}"""


def chromium_or_skip() -> str:
    """Return the browser's path; in CI a missing browser fails the run instead of skipping it."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"{CHROMIUM} not found: install it with `apt-get install -y chromium`"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().decode().strip() == "ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer at {url} within {SERVER_START_S} s")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start `streamlit run app.py` with a fresh data folder; yield its URL."""
    chromium_or_skip()
    port = free_port()
    env = {
        **os.environ,
        view.DATA_DIR_ENV: str(tmp_path_factory.mktemp("data")),
        "TIMELINE_CACHE_DIR": str(tmp_path_factory.mktemp("cache")),
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "app.py"),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)  # type: ignore[attr-defined]
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def seed_timeline() -> pd.DataFrame:
    docs, errors = read_corpus([ROOT / "seeds"])
    assert not errors
    return analyse(docs)[1]


def open_page(page: object, url: str) -> list[list[str]]:
    """Open the page, wait for both charts; return the event ids each draws."""
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        f"document.querySelectorAll('{CHARTS}').length >= 2 && "
        f"Array.from(document.querySelectorAll('{CHARTS}')).every(el => el.data && el._fullLayout)",
        timeout=CHART_WAIT_MS,
    )
    return page.evaluate(CHART_IDS_JS)  # type: ignore[attr-defined,no-any-return]


def drawn_sales_and_responses(df: pd.DataFrame) -> tuple[set[str], set[str]]:
    dated = df[df["date"].notna()]
    sales = dated[
        dated["event_type"].isin(["approval", "plan_or_talks"]) & dated["value_usd"].notna()
    ]
    responses = dated[dated["event_type"].isin(["reaction", "sanction"])]
    return set(sales["event_id"]), set(responses["event_id"])


def wait_for_charts(page: object, wanted: Callable[[list[list[str]]], bool]) -> list[list[str]]:
    """Return the charts' event ids once they satisfy wanted (the page reruns asynchronously)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        now = page.evaluate(CHART_IDS_JS)  # type: ignore[attr-defined]
        if len(now) >= 2 and wanted(now):
            return now  # type: ignore[no-any-return]
        time.sleep(0.2)
    raise AssertionError(f"the charts never showed the expected events: {now}")


def test_page_opens_on_the_seeds_and_draws_their_events(
    page: object, server: str, seed_timeline: pd.DataFrame
) -> None:
    values_ids, cause_ids = open_page(page, server)
    sales, responses = drawn_sales_and_responses(seed_timeline)
    assert sales and sales <= set(values_ids)
    assert responses and responses <= set(cause_ids)
    ARTIFACTS.mkdir(exist_ok=True)
    page.wait_for_timeout(1000)  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "dashboard-seeds.png"))  # type: ignore[attr-defined]
    assert page.get_by_text("Sales and the responses to them").count() >= 1  # type: ignore[attr-defined]


def test_a_filter_changes_the_charts_and_the_url(
    page: object, server: str, seed_timeline: pd.DataFrame
) -> None:
    before = open_page(page, server)
    approvals = set(seed_timeline[seed_timeline["event_type"] == "approval"]["event_id"])
    types = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Event types")  # type: ignore[attr-defined]
    types.locator("input").fill("approval")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    after = wait_for_charts(page, lambda ids: all(set(chart) <= approvals for chart in ids))
    assert set(after[0]) != set(before[0]) or set(after[1]) != set(before[1])
    page.wait_for_function("location.search.includes('type=approval')", timeout=10_000)  # type: ignore[attr-defined]


def test_a_shared_link_opens_the_same_view(
    page: object, server: str, seed_timeline: pd.DataFrame
) -> None:
    shown = open_page(page, f"{server}/?type=approval")
    approvals = set(seed_timeline[seed_timeline["event_type"] == "approval"]["event_id"])
    assert set(shown[0]) <= approvals and set(shown[1]) <= approvals


def test_a_chart_selection_filters_the_table(page: object, server: str) -> None:
    open_page(page, server)
    picked = page.evaluate(SELECT_JS, 2)  # type: ignore[attr-defined]
    assert len(picked) == 2
    page.get_by_text(f"Events ({len(set(picked))}) selected in the charts").wait_for(timeout=20_000)  # type: ignore[attr-defined]


def test_the_csv_download_holds_the_filtered_view(
    page: object, server: str, seed_timeline: pd.DataFrame
) -> None:
    open_page(page, f"{server}/?type=reaction")
    page.get_by_text("Events (").first.wait_for()  # type: ignore[attr-defined]
    with page.expect_download(timeout=30_000) as info:  # type: ignore[attr-defined]
        page.get_by_role("button", name="Download CSV").click()  # type: ignore[attr-defined]
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    expected = view.filter_timeline(seed_timeline, view.Filters(event_types=("reaction",)))
    assert sorted(r["event_id"] for r in rows) == sorted(expected["event_id"])
    assert {r["event_type"] for r in rows} == {"reaction"}


def test_presenter_mode_hides_the_sidebar(page: object, server: str) -> None:
    open_page(page, f"{server}/?present=1")
    assert not page.locator('section[data-testid="stSidebar"]').is_visible()  # type: ignore[attr-defined]
    assert page.locator('[data-testid="stDataFrame"]').count() == 0  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-presenter.png"))  # type: ignore[attr-defined]


def test_uploads_store_good_files_and_report_bad_ones(
    page: object, server: str, tmp_path: Path
) -> None:
    # last in the file: the stored upload joins the corpus of the shared server
    good = tmp_path / "harpoon.txt"
    good.write_text(
        "Taipei, Oct. 27, 2020 - On Monday, the Defense Security Cooperation Agency announced "
        "the sale of 100 Harpoon Coastal Defense Systems to Taiwan for $2.37 billion.",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    open_page(page, server)
    page.get_by_role("tab", name="Corpus and articles").click()  # type: ignore[attr-defined]
    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')  # type: ignore[attr-defined]
    uploader.set_input_files([str(good), str(empty)])
    page.get_by_text("Stored 1 file(s): harpoon.txt").wait_for(timeout=60_000)  # type: ignore[attr-defined]
    page.get_by_text("empty.txt: file is empty").wait_for(timeout=10_000)  # type: ignore[attr-defined]
