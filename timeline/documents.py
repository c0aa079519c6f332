"""Read articles from files, folders and collections into Documents, with their metadata.

Formats: ``.txt``/``.md`` (text as is), ``.html``/``.htm`` (readable text extracted),
and collections ``.jsonl``/``.json``/``.csv``/``.tsv`` (one article per record with a
``text`` field, or ``body``/``content``; HTML in it is made readable). A folder's
``manifest.csv`` gives its files' metadata. Every offset downstream indexes
``Document.text``: the decoded file (BOM removed, nothing else changed), or for HTML the
extracted text.

Publication date, first found: manifest (or ``read_bytes`` meta) or record/page
metadata; a dateline in the text; a date in the URL's path; an inference from the text
(published.infer_published); else none. ``published_evidence`` says which and why.

What happens to bad input (each problem is a ReadError naming the file; everything
else is still read, and nothing raises):

* a missing path, an empty file, a file over MAX_BYTES (MAX_COLLECTION_BYTES for a
  collection; refused from its size alone, never read), a binary file (NUL or control
  bytes, or a known signature such as PNG, zip, PDF), an explicitly named file of an
  unknown type: the file is skipped;
* a malformed JSON file, a CSV without a text column (the error lists the columns
  found): the collection is skipped;
* a malformed JSONL line, a record that is not an object, a record with empty text:
  that record is skipped, the others are read (the error gives the line/record);
* a manifest row naming a file that does not exist: an error naming the manifest and
  the file; the files that do exist still load.

Decoding never refuses text: UTF-8 (BOM or not), UTF-16/32 with a BOM, UTF-16 without
a BOM (recognised by its NUL pattern), and otherwise cp1252. A file that is UTF-8 but
for a few bad bytes (fewer bad bytes than good multi-byte characters) is decoded as
UTF-8 with the bad bytes replaced by U+FFFD, and a warning is logged; bytes cp1252
leaves undefined are replaced likewise. A publication date that does not parse is
logged as a warning and noted in ``published_evidence``; the date then comes from the
text. Warnings go to the ``timeline.documents`` logger, not to the error list, because
the document was read.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import multiprocessing
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from timeline.boilerplate import find_boilerplate
from timeline.published import (
    CONFIDENCE,
    date_from_url,
    dateline_span,
    infer_published,
    parse_date,
    partial_dateline_span,
)
from timeline.records import Boilerplate, Document, ReadError

log = logging.getLogger(__name__)

#: files larger than this are refused without being read
MAX_BYTES = 20 * 1024 * 1024
#: the same for collections (.jsonl, .json, .csv), which hold many articles
MAX_COLLECTION_BYTES = 200 * 1024 * 1024
_MB = 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
COLLECTION_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", ".csv", ".tsv"})
#: what else separates a CSV's columns when its header has no comma
CSV_DELIMITERS = (";", "\t", "|")
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | COLLECTION_SUFFIXES
MANIFEST_NAME = "manifest.csv"
#: accepted names of each record field, first match wins (compared case-insensitively)
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article_text", "full_text"),
    "id": ("id", "doc_id", "article_id", "uid", "guid", "record_id"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name"),
    "url": ("url", "link", "source_url"),
    "published": (
        "published",
        "date",
        "published_at",
        "publish_date",
        "pubdate",
        "published_date",
        "datetime",
        "timestamp",
    ),
    "published_evidence": ("published_evidence",),
}
MANIFEST_FILE_FIELDS = ("file", "path", "filename", "doc")
#: a record whose text holds this many HTML block tags is HTML: its readable text is taken
HTML_BLOCK_RE = re.compile(r"<(?:p|div|br|h[1-6]|li|article|section)\b[^>]*>", re.IGNORECASE)
HTML_BLOCK_MIN = 2
#: keys under which a JSON object may hold its list of articles
JSON_LIST_KEYS = ("articles", "records", "documents", "docs", "data", "items", "results")
#: file signatures of common binary formats, and how to name them to a person
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive or Office document"),
    (b"%PDF", "a PDF"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3", "a database"),
)
#: bytes sniffed to tell text from binary and UTF-16 from the rest
SNIFF_BYTES = 8192
#: more control bytes than this share of the sniffed bytes makes a file binary
BINARY_CONTROL_SHARE = 0.02
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
#: a BOM-less UTF-16 file has NULs on this share of its odd (or even) bytes and few on the others
UTF16_NUL_SHARE = 0.3
UTF16_OTHER_NUL_SHARE = 0.05
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
FALLBACK_ENCODING = "cp1252"
_DECLARED_CHARSET_RE = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


class ReadFailure(Exception):
    """Why one input could not be read (turned into a ReadError)."""


@dataclass
class Meta:
    """What is known about a document before its text is read."""

    title: str = ""
    outlet: str = ""
    url: str = ""
    #: publication date candidates, best first: (value, source, evidence)
    published: list[tuple[str, str, str]] = field(default_factory=list)

    def fill(self, other: Meta) -> Meta:
        """Return this metadata with blanks filled from other (its dates rank after ours)."""
        return Meta(
            self.title or other.title,
            self.outlet or other.outlet,
            self.url or other.url,
            self.published + other.published,
        )


# -- public API ---------------------------------------------------------------------------

#: work done on each slice of documents where it was read: one result per document
Then = Callable[[Sequence[Document]], list[Any]]


def read_corpus(
    paths: Sequence[str | Path], manifest: str | Path | None = None
) -> tuple[list[Document], list[ReadError]]:
    """Return the documents in the files and folders given, and the inputs that failed.

    Folders are read recursively in sorted order (hidden files and unknown types are
    skipped); a folder's manifest.csv describes its files; ``manifest`` applies to all.
    """
    docs, errors, _ = read_corpus_then(paths, manifest)
    return docs, errors


def read_corpus_then(
    paths: Sequence[str | Path], manifest: str | Path | None = None, then: Then | None = None
) -> tuple[list[Document], list[ReadError], list[Any]]:
    """Return the documents, the inputs that failed, and then's result for each document.

    ``then`` takes a slice of documents and returns one result each; it runs where the slice
    was read, so a large folder is read and processed in one pass of the workers.
    """
    docs: list[Document] = []
    results: list[Any] = []
    errors: list[ReadError] = []
    explicit = _load_manifest(Path(manifest), errors, loose=True) if manifest is not None else None
    for given in paths:
        path = Path(given)
        found: list[Document] = []
        got: list[Any] = []
        if path.is_dir():
            _read_folder(path, explicit, found, errors, then, got)
        elif path.is_file():
            _read_named_file(path, explicit, found, errors)
            got = then(found) if then else [None] * len(found)
        elif path.exists():
            errors.append(ReadError(str(path), "not a regular file or folder"))
        else:
            errors.append(ReadError(str(path), "no such file or folder"))
        fresh = _new_documents(docs, found, path if path.is_dir() else path.parent)
        by_identity = {_identity(d): r for d, r in zip(found, got, strict=True)}
        names = {d.doc for d in found}
        for d in fresh:
            result = by_identity[_identity(d)]
            if then is not None and d.doc not in names:
                result = then([d])[0]  # renamed: its results must carry the new name
            docs.append(d)
            results.append(result)
    if explicit is not None:
        errors.extend(explicit.missing_files(docs))
    return docs, errors, results


def _identity(d: Document) -> str:
    """Return what makes a document the same one however its file was named."""
    record = d.doc.partition("#")[2]
    return os.path.abspath(d.path) + ("#" + record if record else "")


def _new_documents(
    docs: Sequence[Document], found: Sequence[Document], given: Path
) -> list[Document]:
    """Return the documents found that were not read already, renamed where names clash.

    A file named twice (or inside a folder also named) is read once; two different files
    with one name ("a/x.txt" and "b/x.txt" given as paths) keep the folder given.
    """
    read = {_identity(d) for d in docs}
    names = {d.doc for d in docs}
    fresh = []
    for d in found:
        if _identity(d) in read:
            continue
        if d.doc in names:
            d = replace(d, doc=f"{given.as_posix()}/{d.doc}")
        fresh.append(d)
    return fresh


def read_bytes(
    name: str, data: bytes, meta: Mapping[str, str] | None = None
) -> tuple[list[Document], list[ReadError]]:
    """Return the documents in an uploaded file's bytes; its name decides the format.

    ``meta`` may give title, outlet, url, published (and published_source, default
    ``manifest``) as a manifest row would.
    """
    known = _meta_from_row(meta, meta.get("published_source", "manifest"), name) if meta else Meta()
    try:
        _check_size(len(data), name)
        return _read_data(name, data, name, "", lambda key: known if key == name else Meta())
    except ReadFailure as failure:
        return [], [ReadError(name, str(failure))]


def document_row(d: Document) -> dict[str, object]:
    """Return the ``docs`` command's row for a document."""
    return {
        "doc": d.doc,
        "title": d.title,
        "outlet": d.outlet,
        "url": d.url,
        "published": d.published.isoformat() if d.published else "",
        "published_source": d.published_source,
        "chars": len(d.text),
        "boilerplate_chars": d.boilerplate_chars,
        "error": "",
    }


def error_row(e: ReadError) -> dict[str, object]:
    """Return the ``docs`` command's row for an input that could not be read."""
    return {
        "doc": e.path,
        "title": "",
        "outlet": "",
        "url": "",
        "published": "",
        "published_source": "",
        "chars": None,
        "boilerplate_chars": None,
        "error": e.message,
    }


# -- manifests ----------------------------------------------------------------------------


@dataclass
class Manifest:
    """A manifest.csv: metadata for the files it names, relative to its folder."""

    path: Path
    rows: dict[str, dict[str, str]]
    #: whether a row may name a file by its bare name (a manifest given for all inputs)
    loose: bool = False

    @property
    def folder(self) -> Path:
        return self.path.parent

    def meta(self, key: str) -> Meta | None:
        """Return the metadata of the file (or file#record) named key, or None."""
        row = self.rows.get(key)
        if row is None and self.loose:
            row = self.rows.get(key.rsplit("/", 1)[-1])
        return None if row is None else _meta_from_row(row, "manifest", self.path.name)

    def missing_files(self, docs: Sequence[Document] = ()) -> list[ReadError]:
        """Return an error for each row whose file is neither on disk nor among docs."""
        read = {d.doc for d in docs} | {d.doc.split("#", 1)[0] for d in docs}
        errors = []
        for key in self.rows:
            name = key.split("#", 1)[0]
            if not (self.folder / name).exists() and name not in read and key not in read:
                errors.append(ReadError(str(self.path), f"lists '{name}', which does not exist"))
        return errors


def _load_manifest(path: Path, errors: list[ReadError], loose: bool = False) -> Manifest | None:
    """Return the manifest at path, or None (with an error) when it cannot be read."""
    try:
        _check_size(path.stat().st_size, path.name)
        text = _decode(path.read_bytes(), str(path))
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        header = {name.strip().lower(): name for name in reader.fieldnames or []}
        file_field = next((header[f] for f in MANIFEST_FILE_FIELDS if f in header), None)
        if file_field is None:
            raise ReadFailure(f"manifest has no 'file' column (columns found: {_columns(header)})")
        rows = {}
        for row in reader:
            key = (row.get(file_field) or "").strip().replace("\\", "/")
            if key:
                rows[key] = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        return Manifest(path, rows, loose)
    except FileNotFoundError:
        errors.append(ReadError(str(path), "manifest not found"))
    except ReadFailure as failure:
        errors.append(ReadError(str(path), str(failure)))
    except OSError as failure:
        errors.append(ReadError(str(path), f"could not be read ({failure.strerror or failure})"))
    except csv.Error as failure:
        errors.append(ReadError(str(path), f"manifest is not valid CSV ({failure})"))
    return None


def _meta_from_row(row: Mapping[str, str], source: str, where: str) -> Meta:
    """Return the metadata a manifest row or record gives, its date marked with source."""
    fields = {k.strip().lower(): v for k, v in row.items() if isinstance(k, str)}
    value = {name: _field(fields, name) for name in RECORD_FIELDS}
    published: list[tuple[str, str, str]] = []
    if value["published"]:
        evidence = value["published_evidence"] or f"{where}: published {value['published']}"
        published.append((value["published"], source, evidence))
    return Meta(value["title"], value["outlet"], value["url"], published)


def _field(fields: Mapping[str, object], name: str) -> str:
    """Return the first non-empty value among a field's accepted names, as text."""
    for key in RECORD_FIELDS[name]:
        value = fields.get(key)
        if value is not None and not isinstance(value, (dict, list)) and str(value).strip():
            return str(value).strip()
    return ""


def _columns(header: Iterable[str]) -> str:
    """Return column names for a message."""
    names = [name for name in header if name]
    return ", ".join(names) if names else "none"


# -- files and folders --------------------------------------------------------------------

#: gives the metadata the manifests hold for a document name (file, or file#record)
MetaLookup = Callable[[str], Meta]


def _read_folder(
    root: Path,
    explicit: Manifest | None,
    docs: list[Document],
    errors: list[ReadError],
    then: Then | None = None,
    results: list[Any] | None = None,
) -> None:
    """Read every article file under root, in sorted order."""
    names = _folder_files(root)
    manifests: dict[str, Manifest | None] = {}
    for name in names:
        if name.rsplit("/", 1)[-1] == MANIFEST_NAME:
            manifests[_parent(name)] = _load_manifest(root / name, errors)
    for manifest in manifests.values():
        if manifest is not None:
            errors.extend(manifest.missing_files())
    jobs: list[ReadJob] = []
    for name in names:
        base = name.rsplit("/", 1)[-1]
        if base == MANIFEST_NAME or os.path.splitext(base)[1].lower() not in SUFFIXES:
            continue
        path = root / name
        chain = _explicit_keys(path, explicit) + _folder_keys(name, manifests)
        jobs.append((path, name, _lookup(name, chain)))
    for got, bad, done in _run_jobs(jobs, then):
        docs.extend(got)
        errors.extend(bad)
        if results is not None:
            results.extend(done)


ReadJob = tuple[Path, str, "MetaLookup"]
#: below this many files one process reads faster than starting workers
PARALLEL_MIN_FILES = 400
#: files a worker reads at a time
FILES_PER_TASK = 250
#: files a worker reads and processes at a time: smaller, so that the workers finish together
FILES_PER_PROCESSING_TASK = 100
#: the jobs of the read under way and what follows it: forked workers inherit them, so
#: nothing is sent to them
_JOBS: list[ReadJob] = []
_THEN: Then | None = None
#: what one slice of jobs gives: documents, errors and a result per document
Slice = tuple[list[Document], list[ReadError], list[Any]]


def _run_jobs(jobs: list[ReadJob], then: Then | None = None) -> Iterator[Slice]:
    """Yield the documents, errors and results of each slice of jobs, in order, in parallel
    where it pays."""
    workers = min(os.cpu_count() or 1, 4)
    # fork only a single-threaded process (the command line): a lock held by a thread never frees
    if (
        len(jobs) < PARALLEL_MIN_FILES
        or workers < 2
        or threading.active_count() > 1
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        yield _read_slice(jobs, 0, len(jobs), then)
        return
    global _JOBS, _THEN
    _JOBS, _THEN = jobs, then
    step = FILES_PER_TASK if then is None else FILES_PER_PROCESSING_TASK
    try:
        bounds = [(i, min(i + step, len(jobs))) for i in range(0, len(jobs), step)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_read_inherited, bounds)
    finally:
        _JOBS, _THEN = [], None


def _read_inherited(bounds: tuple[int, int]) -> Slice:
    return _read_slice(_JOBS, *bounds, _THEN)


def _read_slice(jobs: Sequence[ReadJob], lo: int, hi: int, then: Then | None = None) -> Slice:
    docs: list[Document] = []
    errors: list[ReadError] = []
    for path, name, meta in jobs[lo:hi]:
        _read_file(path, name, meta, docs, errors)
    return docs, errors, then(docs) if then else [None] * len(docs)


def _folder_files(root: Path) -> list[str]:
    """Return the names (relative, with /) of the files under root, sorted; hidden ones left out."""
    names = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        relative = Path(folder).relative_to(root).as_posix()
        prefix = "" if relative == "." else relative + "/"
        names += [prefix + f for f in files if not f.startswith(".")]
    return sorted(names, key=lambda name: name.split("/"))


def _parent(name: str) -> str:
    """Return the folder part of a relative name ("" at the top)."""
    return name.rsplit("/", 1)[0] if "/" in name else ""


def _explicit_keys(path: Path, explicit: Manifest | None) -> list[tuple[Manifest, str]]:
    """Return the explicit manifest with the key it would give the file, if there is one."""
    if explicit is None:
        return []
    folder = explicit.folder.resolve()
    resolved = path.resolve()
    key = resolved.relative_to(folder).as_posix() if resolved.is_relative_to(folder) else path.name
    return [(explicit, key)]


def _folder_keys(name: str, manifests: Mapping[str, Manifest | None]) -> list[tuple[Manifest, str]]:
    """Return the manifests of the file's folder and of the folders above, nearest first."""
    chain = []
    folder = _parent(name)
    while True:
        manifest = manifests.get(folder)
        if manifest is not None:
            chain.append((manifest, name[len(folder) + 1 :] if folder else name))
        if not folder:
            return chain
        folder = _parent(folder)


def _lookup(name: str, chain: Sequence[tuple[Manifest, str]]) -> MetaLookup:
    """Return a function giving a document's metadata from the manifests in the chain."""

    def meta(key: str) -> Meta:
        record = key[len(name) :]  # "" for the file itself, "#id" for one of its records
        found = Meta()
        for manifest, file_key in chain:
            got = manifest.meta(file_key + record)
            if got is not None:
                found = found.fill(got)
        return found

    return meta


def _read_named_file(
    path: Path, explicit: Manifest | None, docs: list[Document], errors: list[ReadError]
) -> None:
    """Read one file named on the command line (its folder's manifest applies)."""
    if path.name == MANIFEST_NAME:
        errors.append(
            ReadError(
                str(path),
                "this is a manifest, not articles: name its folder, or pass it with --manifest",
            )
        )
        return
    if path.suffix.lower() not in SUFFIXES:
        errors.append(
            ReadError(
                str(path),
                f"unsupported file type '{path.suffix or path.name}' "
                f"(expected {', '.join(sorted(SUFFIXES))})",
            )
        )
        return
    chain = _explicit_keys(path, explicit)
    folder_manifest = path.parent / MANIFEST_NAME
    if folder_manifest.is_file() and (explicit is None or explicit.path != folder_manifest):
        manifests = {"": _load_manifest(folder_manifest, [])}
        chain += _folder_keys(path.name, manifests)
    _read_file(path, path.name, _lookup(path.name, chain), docs, errors)


def _read_file(
    path: Path, name: str, meta: MetaLookup, docs: list[Document], errors: list[ReadError]
) -> None:
    """Read one file into docs, or explain in errors why not."""
    try:
        _check_size(path.stat().st_size, name)
        data = path.read_bytes()
    except ReadFailure as failure:
        errors.append(ReadError(str(path), str(failure)))
        return
    except OSError as failure:
        errors.append(ReadError(str(path), f"could not be read ({failure.strerror or failure})"))
        return
    try:
        got, bad = _read_data(name, data, str(path), str(path), meta)
    except ReadFailure as failure:
        errors.append(ReadError(str(path), str(failure)))
        return
    docs.extend(got)
    errors.extend(bad)


def _check_size(size: int, name: str) -> None:
    """Raise ReadFailure when a file is empty or larger than its kind's limit."""
    if size == 0:
        raise ReadFailure("file is empty")
    limit = MAX_COLLECTION_BYTES if Path(name).suffix.lower() in COLLECTION_SUFFIXES else MAX_BYTES
    if size > limit:
        raise ReadFailure(f"file is {size / _MB:.1f} MB, larger than the {limit // _MB} MB limit")


def _read_data(
    name: str, data: bytes, where: str, path: str, meta: MetaLookup
) -> tuple[list[Document], list[ReadError]]:
    """Return the documents in one file's bytes; raise ReadFailure when none can be."""
    suffix = Path(name).suffix.lower()
    if not data:
        raise ReadFailure("file is empty")
    if suffix in HTML_SUFFIXES:
        text = _decode(data, where, _declared_charset(data))
        page = extract_html(text)
        if not page.text.strip():
            raise ReadFailure("the page has no readable text")
        doc = _document(name, page.text, path, meta(name).fill(page.meta))
        return [doc], []
    text = _decode(data, where)
    if suffix in (".jsonl", ".ndjson"):
        return _collection(name, path, _jsonl_records(text), meta)
    if suffix == ".json":
        return _collection(name, path, _json_records(text), meta)
    if suffix in (".csv", ".tsv"):
        return _collection(name, path, _csv_records(text), meta)
    if suffix not in TEXT_SUFFIXES:
        raise ReadFailure(f"unsupported file type '{suffix or name}'")
    if not text.strip():
        raise ReadFailure("file holds only white space")
    return [_document(name, text, path, meta(name))], []


# -- decoding -----------------------------------------------------------------------------


def _decode(data: bytes, where: str, declared: str | None = None) -> str:
    """Return the bytes decoded (BOM removed); raise ReadFailure for binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], encoding, where)
    utf16 = _bomless_utf16(data[:SNIFF_BYTES])
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            raise ReadFailure("binary file: NUL bytes, and not valid UTF-16") from None
    _refuse_binary(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        text, bad = mostly_utf8
        log.warning("%s: %d byte(s) are not valid UTF-8 and were replaced with U+FFFD", where, bad)
        return text
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode_as(data, FALLBACK_ENCODING, where)


def _decode_as(data: bytes, encoding: str, where: str) -> str:
    """Return data decoded, replacing (and logging) the bytes the encoding cannot read."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        log.warning(
            "%s: some bytes are not valid %s and were replaced with U+FFFD", where, encoding
        )
        return text


def _bomless_utf16(head: bytes) -> str | None:
    """Return the UTF-16 codec a BOM-less sample's NUL pattern shows, or None."""
    if len(head) < 4 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    even_share, odd_share = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_share >= UTF16_NUL_SHARE and even_share <= UTF16_OTHER_NUL_SHARE:
        return "utf-16-le"
    if even_share >= UTF16_NUL_SHARE and odd_share <= UTF16_OTHER_NUL_SHARE:
        return "utf-16-be"
    return None


def _refuse_binary(data: bytes) -> None:
    """Raise ReadFailure when the bytes are not text."""
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature) and (len(signature) > 2 or b"\x00" in data[:SNIFF_BYTES]):
            raise ReadFailure(f"binary file ({kind}), not text")
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        raise ReadFailure("binary file (it contains NUL bytes), not text")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > BINARY_CONTROL_SHARE * len(head):
        raise ReadFailure(
            f"binary file ({controls} control bytes in its first {len(head)}), not text"
        )


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """Return (text, bad byte count) when data is UTF-8 but for a few bad bytes, else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return (text, bad) if good > bad else None


def _declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in its first bytes, or None."""
    found = _DECLARED_CHARSET_RE.search(data[:2048])
    return found.group(1).decode("ascii", "replace") if found else None


# -- collections --------------------------------------------------------------------------

#: (where, 1-based index, fields) for a record, or (where, index, error message) for a bad one
Record = tuple[str, int, Mapping[str, object] | str]


def _collection(
    name: str, path: str, records: Iterator[Record], meta: MetaLookup
) -> tuple[list[Document], list[ReadError]]:
    """Return the documents and errors of a collection's records."""
    docs: list[Document] = []
    errors: list[ReadError] = []
    where = path or name
    seen: set[str] = set()
    for key, index, record in records:
        if isinstance(record, str):
            errors.append(ReadError(where, f"{key}: {record}"))
            continue
        text = _record_text(record.get("text"))
        if text is None:
            errors.append(ReadError(where, f"{key}: the text is not a string"))
            continue
        if not text.strip():
            errors.append(ReadError(where, f"{key}: empty text"))
            continue
        ident = _field(record, "id") or str(index)
        doc = f"{name}#{ident}"
        if doc in seen:
            errors.append(ReadError(where, f"{key}: id '{ident}' is used twice; this one skipped"))
            continue
        seen.add(doc)
        own = _meta_from_row(_texts(record), "metadata", f"{name} {key}")
        known = meta(doc).fill(own).fill(meta(name))
        docs.append(_document(doc, text, path, known))
    if not docs and not errors:
        raise ReadFailure("no articles found")
    return docs, errors


def _record_text(value: object) -> str | None:
    """Return a record's article text: a string, paragraphs joined, HTML made readable."""
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        value = "\n\n".join(value)
    if not isinstance(value, str):
        return None
    if len(HTML_BLOCK_RE.findall(value, 0, SNIFF_BYTES)) >= HTML_BLOCK_MIN:
        return extract_html(value).text
    return value


def _texts(record: Mapping[str, object]) -> dict[str, str]:
    """Return a record's scalar fields as text."""
    return {
        k: str(v) for k, v in record.items() if v is not None and not isinstance(v, (dict, list))
    }


def _normalised(record: Mapping[str, object], text_key: str | None = None) -> dict[str, object]:
    """Return the record with lower-case keys and its text under 'text'."""
    fields = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    key = text_key or next((k for k in RECORD_FIELDS["text"] if k in fields), None)
    if key is not None:
        fields["text"] = fields.get(key)
    return fields


def _no_text(fields: Iterable[str]) -> str:
    """Return the message for a record without a text field."""
    return (
        f"no text field (fields found: {_columns(fields)}; expected one of: "
        f"{', '.join(RECORD_FIELDS['text'])})"
    )


def _jsonl_records(text: str) -> Iterator[Record]:
    """Yield the records of JSON lines (blank lines are not records), keyed 'line N'."""
    index = 0
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        index += 1
        key = f"line {number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as failure:
            yield key, index, f"not valid JSON ({failure.msg} at column {failure.colno})"
            continue
        yield _checked_record(key, index, value)


def _checked_record(key: str, index: int, value: object) -> Record:
    """Return a record, or an error when it is not an object with a text field."""
    if not isinstance(value, dict):
        found = type(value).__name__
        return key, index, f"expected a JSON object with a 'text' field, found {found}"
    fields = _normalised(value)
    if "text" not in fields:
        return key, index, _no_text(map(str, value.keys()))
    return key, index, fields


def _json_records(text: str) -> Iterator[Record]:
    """Yield the records of a JSON list (or of an object holding one), keyed 'record N'."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as failure:
        raise ReadFailure(
            f"not valid JSON ({failure.msg} at line {failure.lineno}, column {failure.colno})"
        ) from None
    if isinstance(value, dict):
        lists = [
            value[k]
            for k in value
            if str(k).lower() in JSON_LIST_KEYS and isinstance(value[k], list)
        ]
        if lists:
            value = lists[0]
        elif "text" in _normalised(value):
            value = [value]
        else:
            raise ReadFailure(
                "no articles found: expected a list of objects with a 'text' field "
                f"(top-level keys: {_columns(map(str, value))})"
            )
    if not isinstance(value, list):
        raise ReadFailure(f"expected a list of articles, found {type(value).__name__}")
    for number, item in enumerate(value, 1):
        yield _checked_record(f"record {number}", number, item)


def _csv_records(text: str) -> Iterator[Record]:
    """Yield the rows of a CSV with a text column, keyed 'row N'."""
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    header = [name.strip() for name in reader.fieldnames or [] if name]
    text_key = next((k for k in RECORD_FIELDS["text"] if k in {h.lower() for h in header}), None)
    if text_key is None:
        raise ReadFailure(
            f"no text column (columns found: {_columns(header)}; "
            f"expected one of: {', '.join(RECORD_FIELDS['text'])})"
        )
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as failure:
            message = f"malformed CSV near line {reader.line_num} ({failure})"
            yield f"row {number + 1}", number + 1, message
            return
        number += 1
        yield f"row {number}", number, _normalised(row, text_key)


def _delimiter(text: str) -> str:
    """Return the CSV's delimiter: a comma, unless the header has none but has another."""
    header = text.split("\n", 1)[0]
    if "," in header:
        return ","
    if any(d in header for d in CSV_DELIMITERS):
        return max(CSV_DELIMITERS, key=header.count)
    return ","


csv.field_size_limit(MAX_COLLECTION_BYTES)


# -- HTML ---------------------------------------------------------------------------------

#: elements whose content is not readable article text
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "nav",
        "head",
        "noscript",
        "template",
        "svg",
        "iframe",
        "form",
        "button",
        "select",
        "footer",
        "aside",
        "figure",
    }
)
#: elements that begin a new block of text
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "article",
        "section",
        "header",
        "main",
        "tr",
        "dt",
        "dd",
        "figcaption",
        "table",
        "ul",
        "ol",
        "dl",
        "address",
        "hr",
        "br",
        "caption",
        "summary",
    }
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID_TAGS = frozenset(
    {
        "br",
        "hr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
    }
)
#: meta names/properties that carry the publication date
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "article.published",
)
OUTLET_META = ("og:site_name", "application-name", "publisher")
TITLE_META = ("og:title", "twitter:title")
URL_META = ("og:url",)
#: what separates a page title from the outlet's name
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")
#: a block this short whose text is mostly link text is navigation, left out of the text
MENU_LINK_SHARE = 0.8
MENU_MAX_WORDS = 30
_JSONLD_DATE_RE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_SPACE_RE = re.compile(r"\s+")


@dataclass
class Page:
    """The readable text of an HTML page and the metadata it declares."""

    text: str
    meta: Meta


class _Extractor(HTMLParser):
    """Collect the readable blocks and the metadata of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        self.in_title = False
        self.in_h1 = False
        self.h1_blocks = 0
        self.title = ""
        self.h1 = ""
        self.metas: dict[str, str] = {}
        self.times: list[str] = []
        self.canonical = ""
        self.jsonld: list[str] = []
        self.in_jsonld = False
        self.link_depth = 0
        self.linked = 0  # characters of link text in the current block
        self.heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(attr)
        elif tag == "link" and "canonical" in attr.get("rel", "").lower():
            self.canonical = self.canonical or attr.get("href", "")
        elif tag == "time" and attr.get("datetime"):
            self.times.append(attr["datetime"])
        elif tag == "title":
            self.in_title = True
        elif tag == "script" and "ld+json" in attr.get("type", ""):
            self.in_jsonld = True
        if tag in VOID_TAGS:
            if tag in BLOCK_TAGS:
                self._flush()
            return
        self.stack.append(tag)
        if tag in SKIP_TAGS:
            self.skip_depth += 1
        if tag == "a":
            self.link_depth += 1
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in HEADING_TAGS:
            self.heading = True  # a linked headline is still the headline
        if tag == "h1" and not self.h1:
            self.in_h1 = True
            self.h1_blocks = len(self.blocks)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_jsonld = False
        if tag not in self.stack:
            return
        while self.stack:  # close elements left open inside this one
            top = self.stack.pop()
            if top in SKIP_TAGS:
                self.skip_depth -= 1
            if top == "a":
                self.link_depth -= 1
            if top in BLOCK_TAGS:
                self._flush()
            if top == "h1" and self.in_h1:
                self.in_h1 = False
                self.h1 = self.blocks[-1] if len(self.blocks) > self.h1_blocks else ""
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif self.in_jsonld:
            self.jsonld.append(data)
        elif not self.skip_depth:
            self.current.append(data)
            if self.link_depth:
                self.linked += len(_SPACE_RE.sub("", data))

    def _meta(self, attr: dict[str, str]) -> None:
        key = (attr.get("name") or attr.get("property") or attr.get("itemprop") or "").lower()
        if key and "content" in attr and key not in self.metas:
            self.metas[key] = attr["content"].strip()

    def _flush(self) -> None:
        block = _SPACE_RE.sub(" ", "".join(self.current)).strip()
        linked, self.linked = self.linked, 0
        heading, self.heading = self.heading, False
        self.current = []
        if block and (heading or not _is_menu(block, linked)):
            self.blocks.append(block)


def extract_html(html: str) -> Page:
    """Return a page's readable text (blocks separated by blank lines) and its metadata."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser.handle_endtag(parser.stack[0] if parser.stack else "html")
    parser._flush()
    metas = parser.metas
    outlet = _first(metas, OUTLET_META)
    title = _without_site(_SPACE_RE.sub(" ", parser.title).strip(), outlet)
    blocks = parser.blocks
    if not parser.h1 and title and (not blocks or blocks[0] != title):
        blocks = [title, *blocks]
    headline = parser.h1 or _without_site(_first(metas, TITLE_META), outlet) or title
    meta = Meta(headline, outlet, parser.canonical or _first(metas, URL_META))
    for key in PUBLISHED_META:
        if metas.get(key):
            meta.published.append((metas[key], "metadata", f'<meta {key}="{metas[key]}">'))
    for found in _JSONLD_DATE_RE.finditer(" ".join(parser.jsonld)):
        meta.published.append((found[1], "metadata", f'JSON-LD datePublished "{found[1]}"'))
    for value in parser.times[:1]:
        meta.published.append((value, "metadata", f'<time datetime="{value}">'))
    return Page("\n\n".join(blocks), meta)


def _without_site(title: str, outlet: str) -> str:
    """Return a page title without the outlet's name after a separator ("Story | Outlet")."""
    for mark in TITLE_SEPARATORS:
        head, found, tail = title.rpartition(mark)
        if found and head.strip() and outlet and tail.strip().lower() == outlet.lower():
            return head.strip()
    return title


def _is_menu(block: str, linked: int) -> bool:
    """Return whether a block is a short run of links (a menu, a list of other stories)."""
    chars = len(_SPACE_RE.sub("", block))
    return linked >= MENU_LINK_SHARE * chars and len(block.split()) <= MENU_MAX_WORDS


def _first(metas: Mapping[str, str], keys: Iterable[str]) -> str:
    """Return the first non-empty meta value among keys."""
    return next((metas[k] for k in keys if metas.get(k)), "")


# -- documents ----------------------------------------------------------------------------

#: a first line this short, of this many words, without closing punctuation, is a title
TITLE_MAX_CHARS = 200
TITLE_MIN_WORDS = 3
TITLE_END_PUNCTUATION = ".:;,!"
_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")


def _document(name: str, text: str, path: str, meta: Meta) -> Document:
    """Return a Document with its boilerplate marked and its publication date settled."""
    spans = find_boilerplate(text)
    dateline = dateline_span(text)
    if dateline is not None:
        spans = _with_span(spans, Boilerplate(dateline[1], dateline[2], "dateline", "dateline"))
    else:
        partial = partial_dateline_span(text)
        if partial is not None:
            spans = _with_span(spans, Boilerplate(*partial, "dateline", "partial_dateline"))
    published, source, confidence, evidence = _published(name, text, spans, meta, dateline)
    return Document(
        doc=name,
        text=text,
        title=meta.title or title_from_text(text),
        outlet=meta.outlet,
        url=meta.url,
        published=published,
        published_source=source,
        published_confidence=confidence,
        published_evidence=evidence,
        boilerplate=spans,
        path=path,
    )


def title_from_text(text: str) -> str:
    """Return the first line when it reads as a title (short, no closing full stop), else ""."""
    first = text.lstrip().split("\n", 1)[0].strip()
    heading = first.startswith("#")
    first = first.lstrip("#").strip().strip("*_").strip()
    words = len(first.split())
    if not first or len(first) > TITLE_MAX_CHARS or words < TITLE_MIN_WORDS:
        return ""
    if first[-1] in TITLE_END_PUNCTUATION and not heading:
        return ""
    if _TAG_RE.search(first):  # markup left in plain text is scraping debris, not a title
        return ""
    return first


def _with_span(spans: tuple[Boilerplate, ...], extra: Boilerplate) -> tuple[Boilerplate, ...]:
    """Return spans with extra added, unless it overlaps one of them."""
    if any(b.start < extra.end and extra.start < b.end for b in spans):
        return spans
    return tuple(sorted((*spans, extra), key=lambda b: b.start))


def _published(
    name: str,
    text: str,
    spans: tuple[Boilerplate, ...],
    meta: Meta,
    dateline: tuple[date, int, int] | None,
) -> tuple[date | None, str, float, str]:
    """Return (date, source, confidence, evidence) from metadata, dateline, URL or inference."""
    url = meta.url
    notes = []
    for value, source, evidence in meta.published:
        day = parse_date(value)
        if day is not None:
            return day, source, CONFIDENCE["metadata"], evidence
        log.warning(
            "%s: publication date %r (%s) does not parse; using the text", name, value, source
        )
        notes.append(f"{source} date '{value}' did not parse; ")
    prefix = "".join(notes)
    if dateline is not None:
        day, start, end = dateline
        return day, "text", CONFIDENCE["dateline"], prefix + f"dateline '{text[start:end]}'"
    in_url = date_from_url(url)
    if in_url is not None:
        return in_url[0], "inferred", CONFIDENCE["url"], prefix + f"the URL holds '{in_url[1]}'"
    inferred = infer_published(text, spans)
    if inferred is not None:
        return inferred[0], "inferred", inferred[1], prefix + inferred[2]
    return None, "none", 0.0, prefix + "no date in metadata or text"
