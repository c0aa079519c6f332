"""A corpus end to end: mentions extracted in parallel, cached on disk, merged into the timeline."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import TypeVar

import pandas as pd

from timeline.build import (
    event_groups,
    event_ids,
    founding_order,
    frame_records,
    ids_of_events,
    kind_halves,
    mention_records,
    mentions_frame,
    timeline_frame,
)
from timeline.documents import read_corpus, read_corpus_then
from timeline.records import Document, Mention, ReadError

#: below this many documents to extract, one process is faster than starting workers
PARALLEL_MIN_DOCS = 400
#: below this many mentions, one process merges faster than starting a second
PARALLEL_MIN_MENTIONS = 20_000
#: documents a worker takes at a time
CHUNK_DOCS = 100
#: the page's own modules: they change no extraction, so they are not part of the cache key
PAGE_MODULES = frozenset({"figures.py", "view.py", "cli.py"})
#: the modules that read documents: a change to any of them reads the corpus again
READER_MODULES = ("documents.py", "boilerplate.py", "published.py", "records.py")
#: entries of one kind that kept() leaves on disk (each view's figures are one)
KEPT_ENTRIES = 64
#: where extracted corpora are kept; TIMELINE_CACHE_DIR overrides it
DEFAULT_CACHE_DIR = Path.home() / ".cache" / "timeline"

Progress = Callable[[float], None]
T = TypeVar("T")


def analyse(
    docs: Sequence[Document],
    progress: Progress | None = None,
    use_cache: bool = True,
    remember: object = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (mentions, timeline) for a corpus, from the cache when nothing in it changed.

    ``remember``: a key of the caller's (the page's: its files and publication dates) under
    which recall() finds this analysis again without reading a document.
    """
    key = corpus_key(docs)
    mentions, timeline = _analysed(docs, key, progress, use_cache, with_timeline=True)
    assert timeline is not None
    if use_cache and remember is not None:
        _store(_recall_path(remember), key)
    return mentions, timeline


def recall(remember: object) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Return the (mentions, timeline) analyse() last gave for a key, None when there is none."""
    key = _unpickled(_recall_path(remember))
    cached = _load(cache_dir() / f"corpus-{key}.pkl") if isinstance(key, str) else None
    if cached is None or cached[1] is None:
        return None
    return cached[0], cached[1]


def _recall_path(remember: object) -> Path:
    digest = hashlib.sha256(repr((remember, code_version())).encode()).hexdigest()[:24]
    return cache_dir() / f"recall-{digest}.pkl"


def mentions_of(
    docs: Sequence[Document], progress: Progress | None = None, use_cache: bool = True
) -> pd.DataFrame:
    """Return a corpus's mentions with their event ids (the command line's table), cached.

    The timeline is left for the page to build from them: the command line prints no timeline.
    """
    return _analysed(docs, corpus_key(docs), progress, use_cache, with_timeline=False)[0]


def _analysed(
    docs: Sequence[Document],
    key: str,
    progress: Progress | None,
    use_cache: bool,
    with_timeline: bool,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    path = cache_dir() / f"corpus-{key}.pkl"
    cached = _load(path) if use_cache else None
    if cached is not None:
        mentions, timeline = cached
        if timeline is None and with_timeline:
            timeline = timeline_frame(frame_records(mentions))
            _store(path, (mentions, timeline))
        if progress:
            progress(1.0)
        return mentions, timeline
    found = extract_all(docs, progress)
    records = mention_records(found, docs, merge(found))
    mentions = mentions_frame(records)
    timeline = timeline_frame(records) if with_timeline else None
    if use_cache:
        _store(path, (mentions, timeline))
    return mentions, timeline


def _load(path: Path) -> tuple[pd.DataFrame, pd.DataFrame | None] | None:
    """Return a cached (mentions, timeline), None when there is none or it is damaged."""
    found = _unpickled(path)
    if not isinstance(found, tuple) or len(found) != 2:
        return None  # none, or damaged: made again
    return found[0], found[1]


def _unpickled(path: Path) -> object:
    """Return what a cache entry holds, None when there is none or it cannot be read."""
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None  # damaged, or written by code since changed: made again


def extract_all(docs: Sequence[Document], progress: Progress | None = None) -> list[Mention]:
    """Return every document's mentions, in corpus order, in parallel when the corpus is large."""
    extract_mentions = _extractor()  # imported before any worker forks: they inherit it
    workers = min(os.cpu_count() or 1, 4)
    bounds = [(i, min(i + CHUNK_DOCS, len(docs))) for i in range(0, len(docs), CHUNK_DOCS)]
    results: list[list[Mention]] = []
    if len(docs) < PARALLEL_MIN_DOCS or workers < 2 or not _forking():
        for n, (lo, hi) in enumerate(bounds):
            results += [extract_mentions(d) for d in docs[lo:hi]]
            if progress:
                progress((n + 1) / len(bounds))
    else:
        global _DOCS
        _DOCS = docs
        try:
            with ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("fork")
            ) as pool:
                for n, found in enumerate(pool.map(_extract_inherited, bounds)):
                    results.extend(found)
                    if progress:
                        progress((n + 1) / len(bounds))
        finally:
            _DOCS = ()
    if progress:
        progress(1.0)
    return [m for found in results for m in found]


def merge(found: Sequence[Mention]) -> list[str]:
    """Return the event id of each mention, merging two halves of the kinds at once when it pays."""
    if len(found) < PARALLEL_MIN_MENTIONS or (os.cpu_count() or 1) < 2 or not _forking():
        return event_ids(found)
    global _MENTIONS
    halves = kind_halves(found)
    _MENTIONS = [found[i] for i in halves[0]]
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            first = pool.submit(_groups_inherited)
            second = event_groups([found[i] for i in halves[1]])
            groups = [[halves[0][j] for j in g] for g in first.result()]
    finally:
        _MENTIONS = []
    groups += [[halves[1][j] for j in g] for g in second]
    return ids_of_events(found, founding_order(found, groups))


#: the mentions a forked worker merges: it inherits them
_MENTIONS: Sequence[Mention] = []


def _groups_inherited() -> list[list[int]]:
    return event_groups(_MENTIONS)


#: the documents of the extraction under way: forked workers inherit them
_DOCS: Sequence[Document] = ()


def _forking() -> bool:
    """Return whether workers may be forked: only from a single-threaded process (the command line).

    A forked copy of a threaded server (the page) could inherit a lock that another thread
    holds and never frees; there the corpus is extracted in one process, with its progress shown.
    """
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def _extract_inherited(bounds: tuple[int, int]) -> list[list[Mention]]:
    lo, hi = bounds
    extract_mentions = _extractor()
    return [extract_mentions(d) for d in _DOCS[lo:hi]]


def corpus_key(docs: Sequence[Document]) -> str:
    """Return a digest of the corpus and of the code that reads it: equal keys, equal results."""
    h = hashlib.sha256(code_version().encode())
    for d in docs:
        published = d.published.isoformat() if d.published else ""
        for part in (d.doc, d.text, published, d.published_source, d.outlet, d.title):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
    return h.hexdigest()[:24]


@cache
def code_version(modules: tuple[str, ...] = ()) -> str:
    """Return a digest of the code that makes a result (the pipeline's, by default) and its data.

    The page's own modules are left out: editing a chart must not throw away an extraction.
    """
    h = hashlib.sha256()
    for path in key_files(modules):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def key_files(modules: tuple[str, ...] = ()) -> list[Path]:
    """Return the files a cache key hashes: the modules named (else the pipeline's) and the data."""
    root = Path(__file__).parent
    code = [root / m for m in modules] or [
        p for p in root.glob("*.py") if p.name not in PAGE_MODULES
    ]
    return sorted([*code, *root.glob("data/*")])


def file_signature(paths: Sequence[str | Path]) -> tuple[tuple[str, int, int], ...]:
    """Return (path, size, modification time) of every file under the corpus paths, in order."""
    entries: list[tuple[str, int, int]] = []
    for root in map(Path, paths):
        if root.is_file():
            stat = root.stat()
            entries.append((str(root), stat.st_size, stat.st_mtime_ns))
        for folder, _, names in os.walk(root):
            for name in sorted(names):
                try:
                    stat = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                entries.append((os.path.join(folder, name), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def read(
    paths: Sequence[str | Path], manifest: str | Path | None = None, use_cache: bool = True
) -> tuple[list[Document], list[ReadError]]:
    """Return a corpus's documents and read errors, from the cache while no file has changed."""
    if not use_cache:
        return read_corpus(paths, manifest=manifest)
    path = _documents_path(paths, manifest)
    known = _load_documents(path)
    if known is not None:
        return known
    found = read_corpus(paths, manifest=manifest)
    _store(path, found)
    return found


def read_mentions(
    paths: Sequence[str | Path], manifest: str | Path | None = None, use_cache: bool = True
) -> tuple[list[Document], list[ReadError], pd.DataFrame]:
    """Return a corpus's documents, read errors and mentions with their event ids.

    Unless the cache holds the files as they are, each worker reads a slice of the corpus and
    extracts its mentions in one pass, and both are kept for the next run.
    """
    path = _documents_path(paths, manifest)
    known = _load_documents(path) if use_cache else None
    if known is not None:
        docs, errors = known
        return docs, errors, mentions_of(docs)
    _extractor()  # imported before the workers fork: they inherit it
    docs, errors, found = read_corpus_then(paths, manifest, _extract_each)
    flat = [m for mentions in found for m in mentions]
    mentions = mentions_frame(mention_records(flat, docs, merge(flat)))
    if use_cache:
        _store(path, (docs, errors))
        _store(cache_dir() / f"corpus-{corpus_key(docs)}.pkl", (mentions, None))
    return docs, errors, mentions


def _extract_each(docs: Sequence[Document]) -> list[list[Mention]]:
    extract_mentions = _extractor()
    return [extract_mentions(d) for d in docs]


def _extractor() -> Callable[[Document], list[Mention]]:
    """Return the event extractor, imported on first use: a page that opens a corpus from the
    cache never loads its patterns."""
    from timeline.events import extract_mentions

    return extract_mentions


def _documents_path(paths: Sequence[str | Path], manifest: str | Path | None) -> Path:
    """Return where the documents of these files are cached: a digest of their sizes and times."""
    files = file_signature([*paths, *([manifest] if manifest else [])])
    digest = hashlib.sha256(repr((code_version(READER_MODULES), manifest, files)).encode())
    return cache_dir() / f"documents-{digest.hexdigest()[:24]}.pkl"


def _load_documents(path: Path) -> tuple[list[Document], list[ReadError]] | None:
    """Return cached documents and read errors, None when there are none or they are damaged."""
    found = _unpickled(path)
    return found if isinstance(found, tuple) and len(found) == 2 else None  # type: ignore[return-value]


def kept(kind: str, key: object, build: Callable[[], T], modules: tuple[str, ...] = ()) -> T:
    """Return build(), kept on disk under a digest of key, the pipeline's code and ``modules``.

    For what the page makes from a corpus (its figures): a fresh server reads them instead of
    making them again. The newest KEPT_ENTRIES of a kind are kept.
    """
    material = repr((key, code_version(), code_version(modules) if modules else ""))
    folder = cache_dir()
    path = folder / f"{kind}-{hashlib.sha256(material.encode()).hexdigest()[:24]}.pkl"
    found = _unpickled(path)
    if found is not None:
        return found  # type: ignore[return-value]
    value = build()
    _store(path, value)
    _prune(folder, kind)
    return value


def _prune(folder: Path, kind: str) -> None:
    """Remove all but the newest KEPT_ENTRIES entries of a kind."""
    try:
        entries = sorted(folder.glob(f"{kind}-*.pkl"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEPT_ENTRIES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first


def cache_dir() -> Path:
    """Return the cache folder (TIMELINE_CACHE_DIR, else ~/.cache/timeline)."""
    return Path(os.environ.get("TIMELINE_CACHE_DIR") or DEFAULT_CACHE_DIR)


def _store(path: Path, value: object) -> None:
    """Write a cache entry atomically; a cache that cannot be written is only a slower next run."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
    except OSError:
        pass
