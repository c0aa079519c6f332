"""What the page shows, as pure functions: filters, URL, corrections, uploads, exports."""

from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import math
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from timeline.corpus import file_signature
from timeline.records import Document, ReadError, Timex

DATA_DIR_ENV = "TIMELINE_DATA_DIR"
UPLOADS_DIR = "uploads"
CORRECTIONS_FILE = "corrections.json"
FOLDERS_FILE = "folders.json"
#: what the loader reads; anything else is refused at upload
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".csv")
MAX_NAME_CHARS = 120
SAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._ -]+")
#: CommonMark lets a backslash escape any ASCII punctuation; Streamlit gives $ (maths) and
#: : (emoji, colours) meaning too
MARKDOWN_SPECIAL = re.compile(r"[!-/:-@\[-`{-~]")
#: fields of an event a user may correct, and "excluded" to drop it from the view
CORRECTABLE = ("date", "event_type", "value_usd", "actor", "stance", "excluded")
MUSD = 1e6
SEARCH_COLUMNS = ("summary", "evidence", "actor", "systems", "sources", "outlets", "event_type")


# -- filters and the URL --------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """Everything that narrows the view; empty means no restriction."""

    start: date | None = None
    end: date | None = None
    event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    systems: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    min_value_musd: float = 0.0
    text: str = ""
    plans: bool = True
    present: bool = False


#: query parameter for each list filter
LIST_PARAMS = {
    "event_types": "type",
    "actors": "actor",
    "stances": "stance",
    "systems": "system",
    "categories": "category",
    "outlets": "outlet",
}


def encode_filters(filters: Filters) -> dict[str, str | list[str]]:
    """Return the query parameters of a view (defaults left out: a plain URL is the full view)."""
    params: dict[str, str | list[str]] = {}
    if filters.start:
        params["from"] = filters.start.isoformat()
    if filters.end:
        params["to"] = filters.end.isoformat()
    for attr, key in LIST_PARAMS.items():
        values = getattr(filters, attr)
        if values:
            params[key] = list(values)
    if filters.min_value_musd > 0:
        params["min"] = f"{filters.min_value_musd:g}"
    if filters.text.strip():
        params["q"] = filters.text.strip()
    if not filters.plans:
        params["plans"] = "0"
    if filters.present:
        params["present"] = "1"
    return params


def first(params: Mapping[str, Sequence[str]], key: str) -> str:
    """Return the first value of a query parameter, or empty."""
    values = params.get(key) or []
    return str(values[0]).strip() if values else ""


def parse_iso_date(text: str) -> date | None:
    """Return the date written as YYYY-MM-DD, or None when it is not one."""
    try:
        return date.fromisoformat(text.strip()[:10]) if text.strip() else None
    except ValueError:
        return None


def parse_number(text: str) -> float:
    """Return a non-negative finite number, or 0 for anything else."""
    try:
        value = float(text)
    except ValueError:
        return 0.0
    return value if math.isfinite(value) and value > 0 else 0.0


def decode_filters(params: Mapping[str, Sequence[str]]) -> Filters:
    """Return the view query parameters describe; malformed values fall back to defaults."""
    lists = {
        attr: tuple(dict.fromkeys(str(v) for v in params.get(key, []) if str(v).strip()))
        for attr, key in LIST_PARAMS.items()
    }
    start, end = parse_iso_date(first(params, "from")), parse_iso_date(first(params, "to"))
    if start and end and start > end:
        start, end = end, start
    return Filters(
        start=start,
        end=end,
        min_value_musd=parse_number(first(params, "min")),
        text=first(params, "q"),
        plans=first(params, "plans") not in ("0", "false", "no"),
        present=first(params, "present") in ("1", "true", "yes"),
        **lists,
    )


def text_of(value: object) -> str:
    """Return a cell as text, missing values as empty."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def split_list(value: object) -> list[str]:
    """Return the items of a ;-separated cell."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return []
    return [part.strip() for part in str(value).split(";") if part.strip()]


def options(df: pd.DataFrame, column: str) -> list[str]:
    """Return the distinct items of a column (;-separated cells split), sorted."""
    cells = df[column].dropna().astype(str).unique()
    items = pd.Series(cells, dtype=object).str.split(";").explode().str.strip()
    return sorted(set(items.dropna()) - {""})


def any_in(column: pd.Series, wanted: Iterable[str]) -> pd.Series:
    """Return which rows have at least one ;-separated item among the wanted ones."""
    wanted_set = set(wanted)
    return column.map(lambda v: bool(wanted_set.intersection(split_list(v)))).astype(bool)


def filter_timeline(df: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Return the events the filters keep (an interval meeting the date range is kept)."""
    keep = pd.Series(True, index=df.index)
    if filters.start or filters.end:
        end = df["date_end"].fillna(df["date"])
        keep &= df["date"].notna()
        if filters.start:
            keep &= (end >= pd.Timestamp(filters.start)).fillna(False)
        if filters.end:
            keep &= (df["date"] <= pd.Timestamp(filters.end)).fillna(False)
    simple = {"event_types": "event_type", "actors": "actor", "stances": "stance"}
    for attr, column in simple.items():
        if getattr(filters, attr):
            keep &= df[column].isin(getattr(filters, attr)).fillna(False).astype(bool)
    multi = {"systems": "systems", "categories": "categories", "outlets": "outlets"}
    for attr, column in multi.items():
        if getattr(filters, attr):
            keep &= any_in(df[column], getattr(filters, attr))
    if filters.min_value_musd > 0:
        high = df["value_usd_high"].fillna(df["value_usd"])
        keep &= (high >= filters.min_value_musd * MUSD).fillna(False).astype(bool)
    if filters.text.strip():
        keep &= text_matches(df, filters.text)
    return df[keep]


def text_matches(df: pd.DataFrame, text: str) -> pd.Series:
    """Return which rows mention every word of the search text (case-insensitive)."""
    haystack = df[list(SEARCH_COLUMNS)].fillna("").astype(str).agg(" ".join, axis=1).str.casefold()
    keep = pd.Series(True, index=df.index)
    for word in text.casefold().split():
        keep &= haystack.str.contains(word, regex=False)
    return keep.astype(bool)


def selected_ids(points: Iterable[Mapping[str, object]]) -> list[str]:
    """Return the event ids of the chart points a user clicked or boxed (from customdata)."""
    ids: list[str] = []
    for point in points:
        data = point.get("customdata")
        value = data[0] if isinstance(data, list | tuple) and data else data
        for one in (
            value.split(";") if isinstance(value, str) else ()
        ):  # a monthly mark: all its events
            if one and one not in ids:
                ids.append(one)
    return ids


def month_text(day: date | pd.Timestamp) -> str:
    """Return 'Oct 2020'."""
    return pd.Timestamp(day).strftime("%b %Y")


def describe_filters(filters: Filters, df: pd.DataFrame) -> str:
    """Return the view in words: 'Oct 2020 – Nov 2024, China MFA only, at least $100 m'."""
    dated = df[df["date"].notna()]
    lo = filters.start or (dated["date"].min() if not dated.empty else None)
    hi = filters.end or (dated["date_end"].fillna(dated["date"]).max() if not dated.empty else None)
    parts = [f"{month_text(lo)} – {month_text(hi)}"] if lo is not None and hi is not None else []
    for attr in ("actors", "event_types", "stances", "systems", "categories", "outlets"):
        values = [v.replace("_", " ") for v in getattr(filters, attr)]
        if values:
            parts.append(f"{', '.join(values)} only")
    if filters.min_value_musd > 0:
        parts.append(f"at least ${filters.min_value_musd:g} m")
    if filters.text.strip():
        parts.append(f"matching “{filters.text.strip()}”")
    return ", ".join(parts)


def sources_caption(df: pd.DataFrame) -> str:
    """Return a caption naming the outlets behind the shown events."""
    outlets = options(df, "outlets") or options(df, "sources")
    n_docs = len(options(df, "sources"))
    if not outlets:
        return "No sources."
    return f"Sources: {'; '.join(outlets)} ({n_docs} article{'s' if n_docs != 1 else ''})."


def export_name(kind: str, filters: Filters, df: pd.DataFrame) -> str:
    """Return a descriptive file name (no extension) for a chart or export of this view."""
    words = describe_filters(filters, df) or "all"
    slug = re.sub(r"[^a-z0-9]+", "-", f"{kind} {words}".casefold()).strip("-")
    return slug[:MAX_NAME_CHARS] + f"-{date.today().isoformat()}"


# -- corrections ----------------------------------------------------------------------------------


class CorruptStore(Exception):
    """The corrections file exists but cannot be read; it is kept untouched."""


@dataclass(frozen=True)
class Correction:
    """One user correction: an event's field (kind 'event') or a document's publication date."""

    kind: str  # event or published
    key: str  # event_id, or the document's name
    field: str
    value: object
    at: str  # UTC timestamp


@dataclass(frozen=True)
class Store:
    """All corrections, oldest first; later ones win."""

    corrections: tuple[Correction, ...] = field(default_factory=tuple)


def corrections_path(data_dir: Path) -> Path:
    """Return the corrections file beside the corpus."""
    return data_dir / CORRECTIONS_FILE


def load_store(path: Path) -> Store:
    """Return the corrections saved at path (none without a file); raise CorruptStore."""
    if not path.exists():
        return Store()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        items = raw["corrections"]
        corrections = tuple(
            Correction(str(c["kind"]), str(c["key"]), str(c["field"]), c["value"], str(c["at"]))
            for c in items
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise CorruptStore(f"{path}: {type(error).__name__}: {error}") from error
    for c in corrections:
        if c.kind not in ("event", "published") or (
            c.kind == "event" and c.field not in CORRECTABLE
        ):
            raise CorruptStore(f"{path}: unknown correction {c.kind}/{c.field} for {c.key}")
    return Store(corrections)


def save_store(store: Store, path: Path) -> None:
    """Write the corrections atomically (a crash never leaves half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"version": 1, "corrections": [dataclasses.asdict(c) for c in store.corrections]}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(payload, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(tmp, path)


def now_text() -> str:
    """Return the current UTC time, to the second, in ISO form."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def add_corrections(store: Store, corrections: Iterable[Correction]) -> Store:
    """Return the store with corrections appended."""
    return Store(store.corrections + tuple(corrections))


def undo(store: Store) -> Store:
    """Return the store without its last correction."""
    return Store(store.corrections[:-1])


def move_aside(path: Path) -> Path:
    """Rename a corrupt corrections file out of the way, keeping it; return where it went."""
    target = path.with_name(f"{path.name}.corrupt-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}")
    os.replace(path, target)
    return target


def published_overrides(store: Store) -> dict[str, date]:
    """Return the publication date a user set for each document (the last one wins)."""
    out: dict[str, date] = {}
    for c in store.corrections:
        if c.kind == "published":
            day = parse_iso_date(str(c.value))
            if day:
                out[c.key] = day
    return out


def apply_published(docs: Sequence[Document], store: Store) -> list[Document]:
    """Return the documents with user-set publication dates."""
    overrides = published_overrides(store)
    return [
        dataclasses.replace(
            d,
            published=overrides[d.doc],
            published_source="user",
            published_confidence=1.0,
            published_evidence="set by the user",
        )
        if d.doc in overrides
        else d
        for d in docs
    ]


def parse_event_date(text: str) -> tuple[pd.Timestamp, pd.Timestamp, str] | None:
    """Return (first day, last day, precision) of 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', or None."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            start = pd.Timestamp(f"{text}-01-01")
            return start, start + pd.offsets.YearEnd(0), "year"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            start = pd.Timestamp(f"{text}-01")
            return start, start + pd.offsets.MonthEnd(0), "month"
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            start = pd.Timestamp(text)
            return start, start, "day"
    except ValueError:
        return None
    return None


def event_corrections(store: Store) -> dict[str, dict[str, object]]:
    """Return the latest corrected value of each field of each event."""
    latest: dict[str, dict[str, object]] = {}
    for c in store.corrections:
        if c.kind == "event":
            latest.setdefault(c.key, {})[c.field] = c.value
    return latest


def apply_corrections(df: pd.DataFrame, store: Store) -> pd.DataFrame:
    """Return the timeline with corrections applied, `corrected` filled and an `excluded` column."""
    out = df.copy()
    out["excluded"] = False
    corrections = event_corrections(store)
    if not corrections:
        return out
    index = {eid: i for i, eid in zip(out.index, out["event_id"], strict=True)}
    moved = False
    for eid, fields in corrections.items():
        if eid not in index:
            continue
        i = index[eid]
        for name, value in fields.items():
            set_field(out, i, name, value)
        done = [n for n in CORRECTABLE if n in fields]
        out.at[i, "corrected"] = ";".join(done)
        moved = moved or "date" in fields
    return relink(out) if moved else out  # lags change only with a date


def set_field(df: pd.DataFrame, i: object, name: str, value: object) -> None:
    """Set one corrected field of row i (a date sets interval and precision)."""
    if name == "date":
        parsed = parse_event_date(str(value))
        if parsed:
            df.at[i, "date"], df.at[i, "date_end"], df.at[i, "date_precision"] = parsed
    elif name == "value_usd":
        number = None if value in (None, "") else float(value)  # type: ignore[arg-type]
        df.at[i, "value_usd"] = number
        if number is None or (
            pd.notna(df.at[i, "value_usd_high"]) and df.at[i, "value_usd_high"] < number
        ):
            df.at[i, "value_usd_high"] = None
        part = text_of(df.at[i, "part_of"])
        df.at[i, "counted_usd"] = 0.0 if (number is not None and part) else number
    elif name == "excluded":
        df.at[i, "excluded"] = bool(value)
    else:
        df.at[i, name] = str(value)


def relink(df: pd.DataFrame) -> pd.DataFrame:
    """Return the timeline with each reaction's lag recomputed from (corrected) dates."""
    dates = dict(zip(df["event_id"], df["date"], strict=True))
    lags = []
    for answers, day, lag in zip(df["answers"], df["date"], df["lag_days"], strict=True):
        sale = dates.get(text_of(answers))
        if sale is None or pd.isna(sale) or pd.isna(day):
            lags.append(lag)
        else:
            lags.append(float((day - sale).days))
    df["lag_days"] = pd.array(lags, dtype="Float64")
    return df


def visible(df: pd.DataFrame) -> pd.DataFrame:
    """Return the events a user has not excluded."""
    if "excluded" not in df:
        return df
    return df[~df["excluded"].astype(bool)]


def editor_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return the editable table: one row per event, the correctable fields as plain values."""
    return pd.DataFrame(
        {
            "event_id": df["event_id"].astype(str),
            "date": pd.Series(
                [
                    iso_by_precision(d, p)
                    for d, p in zip(df["date"], df["date_precision"], strict=True)
                ],
                dtype="string",
                index=df.index,
            ),
            "event_type": df["event_type"].astype(str),
            "actor": df["actor"].fillna("").astype(str),
            "stance": df["stance"].fillna("").astype(str),
            "value_usd": df["value_usd"].astype("Float64"),
            "excluded": df["excluded"].astype(bool)
            if "excluded" in df
            else pd.Series(False, index=df.index),
            "summary": df["summary"].fillna("").astype(str),
        }
    ).reset_index(drop=True)


def iso_by_precision(day: object, precision: object) -> str:
    """Return a date to its precision: '2020', '2020-10' or '2020-10-21' (empty if none)."""
    if day is None or pd.isna(day):
        return ""
    ts = pd.Timestamp(day)  # type: ignore[arg-type]
    if precision == "year":
        return f"{ts.year:04d}"
    if precision in ("month", "approximate", "quarter"):
        return f"{ts.year:04d}-{ts.month:02d}"
    return ts.date().isoformat()


def diff_edits(
    before: pd.DataFrame, after: pd.DataFrame, at: str
) -> tuple[list[Correction], list[str]]:
    """Return the corrections an edited table makes, and the problems with invalid edits."""
    found: list[Correction] = []
    problems: list[str] = []
    old = before.set_index("event_id")
    for row in after.itertuples(index=False):
        if row.event_id not in old.index:
            continue
        prev = old.loc[row.event_id]
        for name in CORRECTABLE:
            new, was = getattr(row, name), prev[name]
            if same(new, was):
                continue
            if name == "date" and parse_event_date(str(new)) is None:
                problems.append(f"{row.event_id}: date “{new}” is not YYYY, YYYY-MM or YYYY-MM-DD")
                continue
            if name == "value_usd" and not (new is None or pd.isna(new) or float(new) >= 0):
                problems.append(f"{row.event_id}: value must be positive")
                continue
            value: object = None if new is None or pd.isna(new) else new
            if name == "value_usd" and value is not None:
                value = float(value)  # type: ignore[arg-type]
            if name == "excluded":
                value = bool(value)
            found.append(Correction("event", str(row.event_id), name, value, at))
    return found, problems


def same(a: object, b: object) -> bool:
    """Return whether two cell values are equal, missing values equal to each other."""
    a_missing = a is None or a is pd.NA or (isinstance(a, float) and math.isnan(a)) or a == ""
    b_missing = b is None or b is pd.NA or (isinstance(b, float) and math.isnan(b)) or b == ""
    if a_missing or b_missing:
        return a_missing and b_missing
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b))
    return bool(a == b)


def describe_correction(c: Correction) -> str:
    """Return a correction in words."""
    if c.kind == "published":
        return f"{c.at}: publication date of {c.key} set to {c.value}"
    if c.field == "excluded":
        return f"{c.at}: {c.key} {'excluded' if c.value else 'included again'}"
    return f"{c.at}: {c.key} {c.field} set to {c.value}"


# -- corpus folders and uploads -------------------------------------------------------------------


def data_dir(environ: Mapping[str, str], default: Path) -> Path:
    """Return the folder that keeps uploads and corrections (TIMELINE_DATA_DIR, or the default)."""
    configured = environ.get(DATA_DIR_ENV, "").strip()
    return Path(configured).expanduser() if configured else default


def safe_name(name: str) -> str:
    """Return a file name that stays in its folder: no path, drive, hidden or odd characters."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFKC", name))[-1]
    base = re.sub(r"^[A-Za-z]:", "", base)
    base = SAFE_NAME_CHARS.sub("_", base).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem[: MAX_NAME_CHARS - len(suffix) - 1].strip(" .") or "upload"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def free_path(folder: Path, name: str, data: bytes) -> Path:
    """Return where to store an upload: its safe name, numbered if another file already has it."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    n = 1
    while candidate.exists() and candidate.read_bytes() != data:
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


ReadBytes = Callable[[str, bytes], tuple[list[Document], list[ReadError]]]


def store_uploads(
    files: Iterable[tuple[str, bytes]], folder: Path, read_bytes: ReadBytes
) -> tuple[list[Path], list[ReadError]]:
    """Save each readable upload under a safe name in folder; return saved paths and errors."""
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    errors: list[ReadError] = []
    for name, data in files:
        clean = safe_name(name)
        if Path(clean).suffix.lower() not in SUPPORTED_SUFFIXES:
            errors.append(
                ReadError(name, f"unsupported file type (use {', '.join(SUPPORTED_SUFFIXES)})")
            )
            continue
        try:
            docs, problems = read_bytes(clean, data)
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
            errors.append(ReadError(name, f"{type(error).__name__}: {error}"))
            continue
        errors.extend(ReadError(name, p.message) for p in problems)
        if not docs:
            if not problems:
                errors.append(ReadError(name, "no article found in the file"))
            continue
        target = free_path(folder, clean, data)
        if target.resolve().parent != folder.resolve():
            errors.append(ReadError(name, "refused: the name points outside the upload folder"))
            continue
        target.write_bytes(data)
        saved.append(target)
    return saved, errors


def load_folders(path: Path) -> list[str]:
    """Return the extra corpus folders a user added (empty when none or unreadable)."""
    try:
        folders = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(f) for f in folders if isinstance(f, str)] if isinstance(folders, list) else []


def save_folders(folders: Sequence[str], path: Path) -> None:
    """Write the list of extra corpus folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(list(dict.fromkeys(folders)), indent=1), encoding="utf-8")


def corpus_signature(paths: Sequence[Path]) -> str:
    """Return a digest of the path, size and modification time of every file under the paths.

    A short digest, not the list: the page's caches hash their keys on every run.
    """
    return hashlib.sha256(repr(file_signature(paths)).encode()).hexdigest()[:24]


# -- exports --------------------------------------------------------------------------------------


EXPORT_COLUMNS = (
    "event_id",
    "date",
    "date_end",
    "date_precision",
    "event_type",
    "actor",
    "stance",
    "value_usd",
    "value_usd_high",
    "counted_usd",
    "part_of",
    "systems",
    "categories",
    "n_sources",
    "sources",
    "outlets",
    "answers",
    "lag_days",
    "summary",
    "evidence",
    "confidence",
    "corrected",
)


def export_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return the view as exported: the listed columns, dates as ISO days."""
    out = df[[c for c in EXPORT_COLUMNS if c in df]].copy()
    for column in ("date", "date_end"):
        out[column] = [
            pd.Timestamp(d).date().isoformat() if pd.notna(d) else "" for d in out[column]
        ]
    return out.reset_index(drop=True)


def to_csv(df: pd.DataFrame) -> bytes:
    """Return the view as UTF-8 CSV."""
    return export_frame(df).to_csv(index=False).encode("utf-8")


def to_json(df: pd.DataFrame) -> bytes:
    """Return the view as a JSON list of events (missing values as null)."""
    out = export_frame(df).astype(object).where(export_frame(df).notna(), None)
    return json.dumps(
        out.to_dict(orient="records"), ensure_ascii=False, indent=1, default=str
    ).encode("utf-8")


def timelinejs_date(day: pd.Timestamp, precision: str) -> dict[str, str]:
    """Return a TimelineJS date object holding only the parts that are known."""
    parts = {"year": str(day.year)}
    if precision not in ("year",):
        parts["month"] = str(day.month)
    if precision in ("day", "week"):
        parts["day"] = str(day.day)
    return parts


def to_timelinejs(df: pd.DataFrame, title: str) -> bytes:
    """Return the view as TimelineJS3 JSON (text escaped, since TimelineJS renders HTML)."""
    events = []
    for row in df[df["date"].notna()].itertuples(index=False):
        precision = text_of(row.date_precision) or "day"
        event: dict[str, object] = {
            "unique_id": str(row.event_id),
            "start_date": timelinejs_date(pd.Timestamp(row.date), precision),
            "group": str(row.event_type).replace("_", " "),
            "text": {
                "headline": html.escape(text_of(row.summary) or text_of(row.event_type)),
                "text": html.escape(text_of(row.evidence))
                + "<br><small>"
                + html.escape(text_of(row.outlets) or text_of(row.sources)).replace(";", "; ")
                + "</small>",
            },
        }
        if pd.notna(row.date_end) and pd.Timestamp(row.date_end) != pd.Timestamp(row.date):
            event["end_date"] = timelinejs_date(pd.Timestamp(row.date_end), precision)
        events.append(event)
    payload = {"title": {"text": {"headline": html.escape(title)}}, "events": events}
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")


# -- article text ---------------------------------------------------------------------------------


ARTICLE_CSS = """
<style>
.tl-article { white-space: pre-wrap; font-family: Georgia, serif; line-height: 1.6;
  font-size: 1.02rem; }
.tl-article mark.tl-timex { background: #DCE8F5; border-bottom: 2px solid #2E5C8A; padding: 0 1px; }
.tl-article .tl-value { font: 0.72rem sans-serif; color: #2E5C8A; vertical-align: super;
  margin-left: 2px; }
.tl-article mark.tl-evidence { background: #FFF1B8; }
.tl-article .tl-boilerplate { color: #9AA3AD; }
.tl-excerpt { border-left: 3px solid #2E5C8A; padding: 0.3rem 0.8rem; margin-bottom: 0.5rem;
  background: #F2F4F7; }
</style>
"""


def article_html(
    text: str,
    timexes: Sequence[Timex] = (),
    boilerplate: Sequence[tuple[int, int]] = (),
    highlights: Sequence[tuple[int, int]] = (),
) -> str:
    """Return the article as HTML: all text escaped; dates, evidence and boilerplate marked."""
    cuts = {0, len(text)}
    for start, end in [(t.start, t.end) for t in timexes] + list(boilerplate) + list(highlights):
        cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    bounds = sorted(cuts)
    timex_end = {t.end: t for t in timexes}
    pieces = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        piece = html.escape(text[start:end])
        classes = []
        if any(s <= start and end <= e for s, e in boilerplate):
            classes.append("tl-boilerplate")
        inside = [t for t in timexes if t.start <= start and end <= t.end]
        if inside:
            t = inside[0]
            title = html.escape(f"{t.type} {t.value}" + (f" (from {t.anchor})" if t.anchor else ""))
            piece = f'<mark class="tl-timex" title="{title}">{piece}</mark>'
        if end in timex_end:
            piece += f'<span class="tl-value">{html.escape(timex_end[end].value)}</span>'
        if any(s <= start and end <= e for s, e in highlights):
            piece = f'<mark class="tl-evidence">{piece}</mark>'
        if classes:
            piece = f'<span class="{" ".join(classes)}">{piece}</span>'
        pieces.append(piece)
    return f'{ARTICLE_CSS}<div class="tl-article">{"".join(pieces)}</div>'


EXCERPT_CONTEXT = 160


def excerpt_html(text: str, start: int, end: int, timexes: Sequence[Timex] = ()) -> str:
    """Return the sentence [start, end) marked, with some context either side, as escaped HTML."""
    lo, hi = max(0, start - EXCERPT_CONTEXT), min(len(text), end + EXCERPT_CONTEXT)
    inside = [
        dataclasses.replace(t, start=t.start - lo, end=t.end - lo)
        for t in timexes
        if lo <= t.start and t.end <= hi
    ]
    body = article_html(text[lo:hi], inside, highlights=[(start - lo, end - lo)])
    lead, tail = ("…" if lo > 0 else ""), ("…" if hi < len(text) else "")
    return (
        body.replace('<div class="tl-article">', f'<div class="tl-article tl-excerpt">{lead}', 1)[
            : -len("</div>")
        ]
        + f"{tail}</div>"
    )


def markdown_escape(text: str) -> str:
    """Return text st.markdown shows literally: all ASCII punctuation backslash-escaped."""
    return MARKDOWN_SPECIAL.sub(r"\\\g<0>", text).replace("\n", "  \n")
