"""Measure the page: chart drawing against a bare page, filter reruns, and a 10,000-article corpus.

Usage: python bench/page_speed.py [--rounds N] [--articles N] [--skip-large | --only-large]

1. Draw time: `streamlit run app.py` on the seeds and a bare Streamlit page with one small Plotly
   chart run side by side; each round opens both and times page open to every
   `[data-testid="stPlotlyChart"] .js-plotly-plot` holding its data, once in fresh browser
   contexts (nothing cached: every script chunk is fetched) and once in contexts that opened the
   page before (as a returning user). Target: the page's median within 1.3x the bare page's.
2. Filter change: server time of one script rerun after a filter changes (AppTest, in process),
   and of the pure part alone (filter + both figures). Target: <= 0.3 s.
3. Large corpus: N generated articles (seed paragraphs, years and amounts varied) in a folder the
   page is told about; the first open extracts them under a progress bar; a fresh server then
   opens them from the disk cache. Target: cached open <= 3 s.
Needs /usr/bin/chromium (apt-get install chromium).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
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
DRAWN_JS = (
    f"(n) => document.querySelectorAll('{CHARTS}').length >= n && "
    f"Array.from(document.querySelectorAll('{CHARTS}')).every(el => el.data && el._fullLayout)"
)
BARE_PAGE = """import plotly.express as px
import streamlit as st

st.title("Bare page")
st.plotly_chart(px.line(x=[1, 2, 3, 4], y=[3, 1, 4, 1]), width="stretch")
"""
DRAW_RATIO_TARGET = 1.3
FILTER_TARGET_S = 0.3
CACHED_OPEN_TARGET_S = 3.0
LARGE_OPEN_TIMEOUT_MS = 1_800_000
YEAR = re.compile(r"\b(20[12]\d)\b")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(script: Path, env: dict[str, str]) -> Iterator[str]:
    """Run a Streamlit script headless on a free port; yield its URL once healthy."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
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
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        break
            except OSError:
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def time_open(
    browser: object,
    url: str,
    charts: int,
    timeout_ms: int = 120_000,
    watch_progress: bool = False,
    context: object = None,
) -> tuple[float, bool]:
    """Return seconds from page open to all charts drawn, and whether a progress bar showed.

    A fresh browser context (empty cache) unless one is given (its cache already warm).
    """
    own = context is None
    if own:
        context = browser.new_context(viewport={"width": 1400, "height": 1400})  # type: ignore[attr-defined]
    page = context.new_page()  # type: ignore[attr-defined]
    saw_progress = False
    start = time.perf_counter()
    page.goto(url)
    if watch_progress:
        try:
            page.wait_for_selector('[data-testid="stProgress"]', timeout=60_000)
            saw_progress = True
        except Exception:  # noqa: BLE001 - no bar when the corpus came from a cache
            saw_progress = False
    page.wait_for_function(DRAWN_JS, arg=charts, timeout=timeout_ms)
    elapsed = time.perf_counter() - start
    if own:
        context.close()  # type: ignore[attr-defined]
    else:
        page.close()
    return elapsed, saw_progress


def draw_times(browser: object, rounds: int, tmp: Path) -> None:
    """Print median draw times of the page and of a bare page, opened alternately."""
    bare = tmp / "bare_page.py"
    bare.write_text(BARE_PAGE)
    env = {"TIMELINE_DATA_DIR": str(tmp / "data"), "TIMELINE_CACHE_DIR": str(tmp / "cache")}
    with serve(ROOT / "app.py", env) as app_url, serve(bare, env) as bare_url:
        time_open(browser, app_url, 2)  # first open extracts the seeds and warms imports
        time_open(browser, bare_url, 1)
        for label, warm in (("empty browser cache", False), ("warm browser cache", True)):
            contexts = [
                browser.new_context(viewport={"width": 1400, "height": 1400}) if warm else None  # type: ignore[attr-defined]
                for _ in range(2)
            ]
            if warm:
                time_open(browser, app_url, 2, context=contexts[0])
                time_open(browser, bare_url, 1, context=contexts[1])
            app, plain = [], []
            for _ in range(rounds):
                app.append(time_open(browser, app_url, 2, context=contexts[0])[0])
                plain.append(time_open(browser, bare_url, 1, context=contexts[1])[0])
            report(f"draw ({label})", app, plain)


def report(label: str, app: list[float], plain: list[float]) -> None:
    """Print the medians of page and bare page draw times and their ratio."""
    ratio = statistics.median(app) / statistics.median(plain)
    print(
        f"{label}: page median {statistics.median(app):.2f} s "
        f"{sorted(round(t, 2) for t in app)}; bare median {statistics.median(plain):.2f} s "
        f"{sorted(round(t, 2) for t in plain)}; ratio {ratio:.2f} "
        f"(target <= {DRAW_RATIO_TARGET}) {'OK' if ratio <= DRAW_RATIO_TARGET else 'MISSED'}"
    )


def filter_times(rounds: int, tmp: Path) -> None:
    """Print the server time of a filter change: a whole rerun, and the pure functions alone."""
    os.environ["TIMELINE_DATA_DIR"] = str(tmp / "data-filter")
    os.environ["TIMELINE_CACHE_DIR"] = str(tmp / "cache")
    from streamlit.testing.v1 import AppTest

    from timeline import figures, view
    from timeline.corpus import analyse
    from timeline.documents import read_corpus

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.session_state["charts_drawn"] = True  # no browser here to say the charts are drawn
    at.run()
    actors = at.sidebar.multiselect(key="f_actors").options
    reruns = []
    for i in range(rounds):
        at.sidebar.multiselect(key="f_actors").set_value(
            [actors[i % len(actors)]] if i % 2 == 0 else []
        )
        start = time.perf_counter()
        at.run()
        reruns.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    timeline = analyse(read_corpus([ROOT / "seeds"])[0])[1]
    pure = []
    for i in range(rounds):
        start = time.perf_counter()
        shown = view.filter_timeline(
            timeline, view.Filters(actors=(actors[i % len(actors)],) if i % 2 == 0 else ())
        )
        figures.values_figure(shown).to_json()
        figures.cause_response_figure(shown).to_json()
        pure.append(time.perf_counter() - start)
    worst = statistics.median(reruns)
    print(
        f"filter change: AppTest rerun median {worst:.3f} s (max {max(reruns):.3f}); "
        "filter + figures median "
        f"{statistics.median(pure):.3f} s (target <= {FILTER_TARGET_S}) "
        f"{'OK' if worst <= FILTER_TARGET_S else 'MISSED'}"
    )


def large_corpus(folder: Path, n: int) -> None:
    """Write n articles built from the seed paragraphs, with years and amounts varied."""
    random.seed(7)
    paragraphs = [
        p
        for f in sorted((ROOT / "seeds").glob("*.txt"))
        for p in f.read_text(encoding="utf-8").split("\n\n")
        if len(p) > 80
    ]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        shift = random.randint(-8, 3)
        text = "\n\n".join(random.sample(paragraphs, 6))
        text = YEAR.sub(lambda m, s=shift: str(int(m.group(1)) + s), text)
        text = re.sub(
            r"\$(\d+(?:\.\d+)?)",
            lambda m: f"${float(m.group(1)) * random.choice((0.5, 1, 2)):g}",
            text,
        )
        (folder / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")


def large_times(browser: object, n: int, tmp: Path) -> None:
    """Print the first (extracting) and the cached open of an n-article corpus."""
    folder = tmp / "large"
    large_corpus(folder, n)
    data = tmp / "data-large"
    data.mkdir()
    (data / "folders.json").write_text(json.dumps([str(folder)]))
    env = {"TIMELINE_DATA_DIR": str(data), "TIMELINE_CACHE_DIR": str(tmp / "cache-large")}
    with serve(ROOT / "app.py", env) as url:
        cold, bar = time_open(browser, url, 2, LARGE_OPEN_TIMEOUT_MS, watch_progress=True)
        print(f"{n} articles: first open {cold:.1f} s", flush=True)
        warm_same_server = time_open(browser, url, 2, LARGE_OPEN_TIMEOUT_MS)[0]
    with serve(ROOT / "app.py", env) as url:
        cached = time_open(browser, url, 2, LARGE_OPEN_TIMEOUT_MS)[0]
        again = time_open(browser, url, 2, LARGE_OPEN_TIMEOUT_MS)[0]
    print(
        f"{n} articles: first open {cold:.1f} s (progress bar {'shown' if bar else 'NOT shown'}); "
        f"same server again {warm_same_server:.2f} s; "
        f"fresh server from the disk cache {cached:.2f} s, "
        f"then {again:.2f} s (target <= {CACHED_OPEN_TARGET_S}) "
        f"{'OK' if cached <= CACHED_OPEN_TARGET_S else 'MISSED'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--only-large", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as name, sync_playwright() as p:
        tmp = Path(name)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        if not args.only_large:
            draw_times(browser, args.rounds, tmp)
            filter_times(args.rounds * 2, tmp)
        if not args.skip_large:
            large_times(browser, args.articles, tmp)
        browser.close()


if __name__ == "__main__":
    main()
