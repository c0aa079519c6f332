"""Reading documents: formats, encodings, manifests, publication dates and bad input."""

from __future__ import annotations

import codecs
import logging
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from timeline.documents import (
    MAX_BYTES,
    document_row,
    error_row,
    extract_html,
    read_bytes,
    read_corpus,
    title_from_text,
)
from timeline.records import Document, ReadError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data" / "documents"
SAMPLE = (
    "Taiwan’s defence ministry said on Monday — “no comment” — about the $1.8 billion "
    "sale.\r\nBeijing vowed to respond, Zhao Lijian said.\n"
)


def by_doc(docs: list[Document]) -> dict[str, Document]:
    return {d.doc: d for d in docs}


def messages(errors: list[ReadError]) -> list[str]:
    return [str(e) for e in errors]


# -- the seeds --------------------------------------------------------------------------


def test_seed_folder_reads_every_article_with_its_manifest() -> None:
    docs, errors = read_corpus([SEEDS])
    assert errors == []
    assert [d.doc for d in docs] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for d in docs:
        assert d.text == (SEEDS / d.doc).read_bytes().decode("utf-8")
        assert d.published_source == "manifest" and d.published_confidence == 1.0
        assert d.path == str(SEEDS / d.doc)
    seed = by_doc(docs)["002_8f0cd40a663991c2.txt"]
    assert seed.published == date(2020, 10, 27)
    assert seed.outlet == "Global Research"
    assert seed.published_evidence == "dateline 'Global Research, October 27, 2020'"
    assert "\\$1.8 billion" in seed.text  # markdown escapes stay: offsets never shift


@pytest.mark.parametrize(
    ("name", "published", "source"),
    [
        ("000_7b448bc0385fa330.txt", None, "none"),
        ("001_b69383687e0c62c9.txt", date(2020, 8, 1), "inferred"),
        ("002_8f0cd40a663991c2.txt", date(2020, 10, 27), "text"),
        ("003_d65d7ecf31aa9266.txt", None, "none"),
        ("004_193c2b0243c827da.txt", None, "none"),
    ],
)
def test_seeds_without_manifest_date_themselves(
    tmp_path: Path, name: str, published: date | None, source: str
) -> None:
    shutil.copy(SEEDS / name, tmp_path / name)
    docs, errors = read_corpus([tmp_path])
    assert errors == [] and len(docs) == 1
    d = docs[0]
    assert (d.published, d.published_source) == (published, source)
    assert d.published_evidence
    assert (d.published_confidence > 0) == (published is not None)


def test_dateline_is_marked_as_boilerplate() -> None:
    d = by_doc(read_corpus([SEEDS])[0])["002_8f0cd40a663991c2.txt"]
    datelines = [b for b in d.boilerplate if b.kind == "dateline"]
    assert [d.text[b.start : b.end] for b in datelines] == ["Global Research, October 27, 2020"]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "WASHINGTON, Sept 16 (Reuters) - The United States plans to sell weapons to Taiwan.",
            "WASHINGTON, Sept 16 (Reuters) -",
        ),
        (
            "\n**Oct. 27 (UPI) --** The State Department approved the sale on Wednesday.",
            "Oct. 27 (UPI) --",
        ),
        (
            "TAIPEI, Taiwan, Dec. 18, 2019 (Xinhua) -- Taiwan said it would buy more missiles.",
            "TAIPEI, Taiwan, Dec. 18, 2019 (Xinhua) --",
        ),
    ],
)
def test_wire_datelines_are_marked_not_the_news_after_them(text: str, dateline: str) -> None:
    d = read_bytes("wire.txt", text.encode())[0][0]
    assert [(d.text[b.start : b.end], b.kind) for b in d.boilerplate] == [(dateline, "dateline")]


def test_named_file_uses_its_folder_manifest() -> None:
    docs, errors = read_corpus([SEEDS / "004_193c2b0243c827da.txt"])
    assert errors == []
    assert docs[0].doc == "004_193c2b0243c827da.txt"
    assert (docs[0].published, docs[0].outlet) == (date(2024, 11, 30), "Caliber.Az")


def test_explicit_manifest_applies_to_copies_elsewhere(tmp_path: Path) -> None:
    shutil.copy(SEEDS / "003_d65d7ecf31aa9266.txt", tmp_path)
    docs, errors = read_corpus([tmp_path], manifest=SEEDS / "manifest.csv")
    assert errors == []
    assert (docs[0].published, docs[0].published_source) == (date(2025, 2, 18), "manifest")
    assert docs[0].title == "Taiwan Seeks $10 Billion US Arms Deal Amid Rising China Tensions"


def test_a_file_named_twice_is_read_once() -> None:
    docs, errors = read_corpus(
        [
            SEEDS,
            SEEDS / "000_7b448bc0385fa330.txt",
            DATA / "articles.csv",
            DATA / "folder" / ".." / "articles.csv",
        ]
    )
    assert errors == []
    assert len(docs) == 7 and len({d.doc for d in docs}) == 7


def test_two_files_with_one_name_keep_their_folders(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"Story {folder}: the sale was approved.")
    docs, errors = read_corpus([tmp_path / "a", tmp_path / "b" / "x.txt"])
    assert errors == []
    assert [d.doc for d in docs] == ["x.txt", f"{(tmp_path / 'b').as_posix()}/x.txt"]


def test_explicit_manifest_row_without_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text("file,published\nnot-there.txt,2020-01-01\n")
    docs, errors = read_corpus(
        [SEEDS / "000_7b448bc0385fa330.txt"], manifest=tmp_path / "manifest.csv"
    )
    assert len(docs) == 1
    assert messages(errors) == [
        f"{tmp_path / 'manifest.csv'}: lists 'not-there.txt', which does not exist"
    ]


def test_folder_manifest_names_files_by_their_path(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text("file,title\na.txt,Top\n")
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/a.txt"):
        (tmp_path / name).write_text("The State Department approved the sale on Wednesday.")
    docs, errors = read_corpus([tmp_path])
    assert errors == []
    assert [(d.doc, d.title) for d in docs] == [("a.txt", "Top"), ("sub/a.txt", "")]


def test_manifest_without_a_file_column_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text("name,date\na.txt,2020-10-27\n")
    (tmp_path / "a.txt").write_text("The State Department approved the sale on Wednesday.")
    docs, errors = read_corpus([tmp_path])
    assert [(d.doc, d.published) for d in docs] == [("a.txt", None)]
    assert messages(errors) == [
        f"{tmp_path / 'manifest.csv'}: manifest has no 'file' column (columns found: name, date)"
    ]


def test_manifest_saved_by_a_spreadsheet(tmp_path: Path) -> None:
    rows = "file;title;published\r\nsub\\a.txt;Déjà vu;27/10/2020\r\n"
    (tmp_path / "manifest.csv").write_bytes(codecs.BOM_UTF8 + rows.encode())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("The State Department approved the sale on Wednesday.")
    docs, errors = read_corpus([tmp_path])
    assert errors == []
    assert [(d.doc, d.title, d.published) for d in docs] == [
        ("sub/a.txt", "Déjà vu", date(2020, 10, 27))
    ]


# -- a folder of everything -------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus() -> tuple[dict[str, Document], list[str]]:
    docs, errors = read_corpus([DATA])
    return by_doc(docs), messages(errors)


def test_folder_reads_files_and_records_in_sorted_order(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, _ = corpus
    assert list(docs) == [
        "articles.csv#a1",
        "articles.csv#a2",
        "collection.jsonl#r-1",
        "collection.jsonl#r-5",
        "collection.jsonl#6",
        "folder/a.txt",
        "folder/c.txt",
        "folder/sub/b.md",
        "page.html",
        "wrapped.json#1",
        "wrapped.json#2",
    ]


def test_folder_errors_name_file_and_problem(corpus) -> None:  # type: ignore[no-untyped-def]
    _, errors = corpus
    folder = DATA / "folder"
    assert sorted(errors) == sorted(
        [
            f"{folder / 'manifest.csv'}: lists 'missing.txt', which does not exist",
            f"{DATA / 'broken.json'}: not valid JSON (Expecting ',' delimiter at line 2, "
            "column 27)",
            f"{DATA / 'collection.jsonl'}: line 2: not valid JSON (Expecting ',' delimiter at "
            "column 79)",
            f"{DATA / 'collection.jsonl'}: line 4: no text field (fields found: title, published; "
            "expected one of: text, body, content, article, article_text, full_text)",
            f"{DATA / 'collection.jsonl'}: line 5: empty text",
            f"{DATA / 'headlines.csv'}: no text column (columns found: headline, date, link; "
            "expected one of: text, body, content, article, article_text, full_text)",
        ]
    )


@pytest.mark.parametrize(
    ("doc", "title", "outlet", "url", "published", "source"),
    [
        (
            "articles.csv#a1",
            "US approves Harpoon sale",
            "Example News",
            "https://example.com/a1",
            date(2020, 10, 26),
            "metadata",
        ),
        ("articles.csv#a2", "China reacts", "", "", None, "none"),
        (
            "collection.jsonl#r-1",
            "Taiwan in talks for US arms",
            "Reuters",
            "https://example.com/1",
            date(2025, 2, 18),
            "metadata",
        ),
        ("collection.jsonl#r-5", "", "", "", None, "none"),
        (
            "folder/a.txt",
            "Taiwan approves budget",
            "Focus Taiwan",
            "https://example.com/a",
            date(2024, 11, 30),
            "manifest",
        ),
        ("folder/c.txt", "Undated story", "Example News", "", date(2020, 9, 16), "inferred"),
        (
            "folder/sub/b.md",
            "Harpoon sale approved",
            "Example News",
            "",
            date(2020, 10, 26),
            "manifest",
        ),
        (
            "page.html",
            "US approves $1.8 billion arms sale to Taiwan",
            "Example News",
            "https://news.example.com/taiwan-arms-sale",
            date(2020, 10, 21),
            "metadata",
        ),
        ("wrapped.json#1", "US approves $385 million sale", "", "", date(2024, 11, 29), "metadata"),
    ],
)
def test_metadata(corpus, doc, title, outlet, url, published, source) -> None:  # type: ignore[no-untyped-def]
    d = corpus[0][doc]
    assert (d.title, d.outlet, d.url, d.published, d.published_source) == (
        title,
        outlet,
        url,
        published,
        source,
    )


def test_unparseable_date_still_loads_and_says_why(corpus) -> None:  # type: ignore[no-untyped-def]
    d = corpus[0]["folder/c.txt"]
    assert d.published_evidence.startswith(
        "manifest date 'not a date' did not parse; dateline 'WASHINGTON, Sept 16 (Reuters) -'"
    )
    assert 0.5 < d.published_confidence < 0.9


def test_manifest_evidence_column_is_kept(corpus) -> None:  # type: ignore[no-untyped-def]
    assert corpus[0]["folder/sub/b.md"].published_evidence == "dateline in the print edition"
    assert corpus[0]["folder/a.txt"].published_evidence == "manifest.csv: published 2024-11-30"


def test_collection_text_is_the_field_exactly(corpus) -> None:  # type: ignore[no-untyped-def]
    d = corpus[0]["collection.jsonl#r-1"]
    assert d.text == (
        "Taiwan is in talks with the United States to purchase $7 billion to "
        "$10 billion of arms, sources said."
    )
    assert d.path == str(DATA / "collection.jsonl")


def test_html_text_is_readable_blocks() -> None:
    page = extract_html((DATA / "page.html").read_text(encoding="utf-8"))
    assert page.text == (
        "US approves $1.8 billion arms sale to Taiwan\n\nBy Jane Doe\n\n"
        "The State Department on Wednesday approved the possible sale of sensors, missiles and "
        "artillery to Taiwan, a package worth around $1.8 billion.\n\nBeijing responds\n\n"
        "China’s Foreign Ministry said it “firmly opposes” the sale.\n\n"
        "SLAM-ER missiles\n\nHIMARS launchers"
    )


@pytest.mark.parametrize(
    ("html", "text", "title", "published"),
    [
        (
            "<html><head><title>Only a title</title></head>"
            "<body><p>One.</p><p>Two.</p></body></html>",
            "Only a title\n\nOne.\n\nTwo.",
            "Only a title",
            None,
        ),
        (
            '<p>Posted <time datetime="2020-10-27T09:00">Tuesday</time>.</p>',
            "Posted Tuesday.",
            "",
            date(2020, 10, 27),
        ),
        (
            '<meta name="date" content="2021-03-03"><div>Line one<br>line two</div>',
            "Line one\n\nline two",
            "",
            date(2021, 3, 3),
        ),
        (
            '<script type="application/ld+json">{"datePublished": "2024-11-29T10:00:00Z"}</script>'
            "<h1>Head</h1><p>Body <b>bold</b> text.",
            "Head\n\nBody bold text.",
            "Head",
            date(2024, 11, 29),
        ),
        (
            '<div class="menu"><a href="/">World</a> | <a href="/asia">Asia</a></div><p>Read <a '
            'href="/s">the statement</a> from the ministry, which said the sale was approved.</p>'
            '<ul><li><a href="/1">Japan signs a trade pact</a></li></ul>',
            "Read the statement from the ministry, which said the sale was approved.",
            "",
            None,
        ),
        (
            '<title>Taiwan - US ties | Example News</title><meta property="og:site_name" '
            'content="Example News"><p>The sale was approved.</p>',
            "Taiwan - US ties\n\nThe sale was approved.",
            "Taiwan - US ties",
            None,
        ),
        (
            '<h1><a href="/story">Taiwan buys Harpoons</a></h1><p>The sale was approved.</p>',
            "Taiwan buys Harpoons\n\nThe sale was approved.",
            "Taiwan buys Harpoons",
            None,
        ),
        (
            "<body><noscript>Enable JS</noscript><p>Text &amp; more</p><style>x{}</style></body>",
            "Text & more",
            "Text & more",
            None,
        ),  # no title: a title-like first line is one
    ],
)
def test_html_extraction(html: str, text: str, title: str, published: date | None) -> None:
    docs, errors = read_bytes("page.html", html.encode("utf-8"))
    assert errors == []
    assert (docs[0].text, docs[0].title, docs[0].published) == (text, title, published)


def test_hidden_files_and_unknown_types_in_folders_are_skipped_quietly(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, errors = corpus
    assert not any("hidden" in d or "notes" in d for d in docs)
    assert not any("hidden" in e or "notes" in e for e in errors)


# -- encodings --------------------------------------------------------------------------

ENCODINGS: list[tuple[str, Callable[[str], bytes]]] = [
    ("utf-8", lambda t: t.encode("utf-8")),
    ("utf-8 with BOM", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    ("utf-16 LE with BOM", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    ("utf-16 BE with BOM", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    ("utf-16 LE without BOM", lambda t: t.encode("utf-16-le")),
    ("utf-16 BE without BOM", lambda t: t.encode("utf-16-be")),
    ("utf-32 with BOM", lambda t: t.encode("utf-32")),
    ("cp1252", lambda t: t.encode("cp1252")),
]


@pytest.mark.parametrize(("label", "encode"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings_decode_to_the_same_text(
    tmp_path: Path, label: str, encode: Callable[[str], bytes]
) -> None:
    (tmp_path / "a.txt").write_bytes(encode(SAMPLE))
    docs, errors = read_corpus([tmp_path / "a.txt"])
    assert errors == []
    assert docs[0].text == SAMPLE  # BOM gone, \r\n kept, nothing else touched


def test_utf8_with_a_few_bad_bytes_is_utf8_with_replacements(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_bytes(SAMPLE.encode("utf-8") + b"Bad \xff\xfe bytes.\n")
    with caplog.at_level(logging.WARNING, logger="timeline.documents"):
        docs, errors = read_corpus([tmp_path / "a.txt"])
    assert errors == []
    assert docs[0].text == SAMPLE + "Bad \ufffd\ufffd bytes.\n"
    assert "2 byte(s) are not valid UTF-8" in caplog.text


def test_declared_charset_of_html_is_used(tmp_path: Path) -> None:
    html = '<meta charset="iso-8859-7"><p>Ταϊβάν</p>'.encode("iso-8859-7")
    docs, errors = read_bytes("greek.html", html)
    assert errors == [] and docs[0].text == "Ταϊβάν"


# -- bad input ----------------------------------------------------------------------------

BAD_FILES = [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b" \n\t\n", "file holds only white space"),
    (
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "binary file (a PNG image), not text",
    ),
    (
        "archive.txt",
        b"PK\x03\x04\x14\x00\x08\x00" + bytes(300),
        "binary file (a zip archive or Office document), not text",
    ),
    (
        "nuls.md",
        b"Taiwan\x00\x00\x01\x02 arms" * 20 + bytes(range(200)),
        "binary file (it contains NUL bytes), not text",
    ),
    (
        "controls.txt",
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 30 + b"text",
        "binary file (300 control bytes in its first 304), not text",
    ),
    ("empty.jsonl", b"\n\n", "no articles found"),
    ("bom-only.txt", b"\xef\xbb\xbf", "file holds only white space"),
    (
        "script.html",
        b"<html><script>var a = 1;</script><nav>Home</nav></html>",
        "the page has no readable text",
    ),
    ("scalar.json", b"42", "expected a list of articles, found int"),
    (
        "object.json",
        b'{"headline": "x"}',
        "no articles found: expected a list of objects with a "
        "'text' field (top-level keys: headline)",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_an_error_and_the_rest_still_loads(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("The State Department approved the sale on Wednesday.")
    docs, errors = read_corpus([tmp_path])
    assert [d.doc for d in docs] == ["good.txt"]
    assert messages(errors) == [f"{tmp_path / name}: {message}"]


def test_oversized_file_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as out:  # sparse: 50 MB on paper, nothing written
        out.truncate(50 * 1024 * 1024)
    docs, errors = read_corpus([big])
    assert docs == []
    assert messages(errors) == [f"{big}: file is 50.0 MB, larger than the 20 MB limit"]
    assert MAX_BYTES == 20 * 1024 * 1024


def test_oversized_upload_is_refused() -> None:
    docs, errors = read_bytes("big.txt", b"a" * (MAX_BYTES + 1))
    assert docs == []
    assert messages(errors) == ["big.txt: file is 20.0 MB, larger than the 20 MB limit"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("no/such/file.txt", "no such file or folder"),
        (
            "seeds/manifest.csv",
            "this is a manifest, not articles: name its folder, or pass it with --manifest",
        ),
        (
            "pyproject.toml",
            "unsupported file type '.toml' (expected .csv, .htm, .html, .json, "
            ".jsonl, .markdown, .md, .ndjson, .text, .tsv, .txt, .xhtml)",
        ),
    ],
)
def test_named_paths_that_cannot_be_read(path: str, message: str) -> None:
    docs, errors = read_corpus([ROOT / path, SEEDS / "000_7b448bc0385fa330.txt"])
    assert [d.doc for d in docs] == ["000_7b448bc0385fa330.txt"]
    assert messages(errors) == [f"{ROOT / path}: {message}"]


def test_missing_explicit_manifest_is_an_error() -> None:
    docs, errors = read_corpus([SEEDS], manifest=ROOT / "no-manifest.csv")
    assert len(docs) == 5
    assert messages(errors) == [f"{ROOT / 'no-manifest.csv'}: manifest not found"]


@pytest.mark.parametrize(
    ("record", "text"),
    [
        (
            '{"text": "<p>The sale was approved.</p><p>China objected.</p>"}',
            "The sale was approved.\n\nChina objected.",
        ),
        (
            '{"text": ["The sale was approved.", "China objected."]}',
            "The sale was approved.\n\nChina objected.",
        ),
        (
            '{"body": "Taiwan said 5 < 7 and 9 > 3 in its <b>budget</b> talks."}',
            "Taiwan said 5 < 7 and 9 > 3 in its <b>budget</b> talks.",
        ),
    ],
)
def test_record_text_forms(record: str, text: str) -> None:
    docs, errors = read_bytes("feed.jsonl", record.encode())
    assert errors == [] and docs[0].text == text


def test_csv_row_with_missing_text_cell_is_empty_text() -> None:
    docs, errors = read_bytes("short.csv", b"id,title,text\n1,One,The sale.\n2,Two\n")
    assert [d.doc for d in docs] == ["short.csv#1"]
    assert messages(errors) == ["short.csv: row 2: empty text"]


def test_duplicate_record_ids_keep_the_first() -> None:
    data = b'{"id": "x", "text": "First."}\n{"id": "x", "text": "Second."}\n'
    docs, errors = read_bytes("dup.jsonl", data)
    assert [d.text for d in docs] == ["First."]
    assert messages(errors) == ["dup.jsonl: line 2: id 'x' is used twice; this one skipped"]


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        (b"id;title;text\n1;One;The sale was approved.\n", ";"),
        (b"id\ttitle\ttext\n1\tOne\tThe sale was approved.\n", "tab"),
    ],
)
def test_csv_delimiters_other_than_comma(data: bytes, delimiter: str) -> None:
    docs, errors = read_bytes("export.csv", data)
    assert errors == []
    assert [(d.doc, d.title, d.text) for d in docs] == [
        ("export.csv#1", "One", "The sale was approved.")
    ]


def test_date_in_the_url_when_nothing_else_dates_the_article() -> None:
    data = (
        b'{"url": "https://www.cnn.com/2020/10/26/politics/taiwan-harpoon/index.html", '
        b'"text": "The State Department approved the sale on Monday."}\n'
    )
    d = read_bytes("feed.jsonl", data)[0][0]
    assert (d.published, d.published_source, d.published_confidence) == (
        date(2020, 10, 26),
        "inferred",
        0.8,
    )
    assert d.published_evidence == "the URL holds '2020/10/26'"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "US strengthens security ties with Taiwan, approves $385 million arms sale\nThe US "
            "State Department has approved the sale.",
            "US strengthens security ties with Taiwan, approves $385 million arms sale",
        ),
        (
            "\n\n# Trump Regime Approves Large-Scale Taiwan Arms Purchase. Another Blow\n\nBy X",
            "Trump Regime Approves Large-Scale Taiwan Arms Purchase. Another Blow",
        ),
        (
            "**Taiwan Seeks $10 Billion US Arms Deal**\nBody.",
            "Taiwan Seeks $10 Billion US Arms Deal",
        ),
        ("Taiwan is in talks with the United States to purchase billions of dollars in arms.", ""),
        (
            "[Source/Observer Network, Zhang Jingjuan] As the China-US trade friction temporarily "
            '"freezes", US President Trump attempts to play the "Taiwan card" again.\n',
            "",
        ),
        ("Breaking news\nBody.", ""),
        ("Beijing condemns sale <script>alert(1)</script>\nBody.", ""),
        ("Sign up:\nBody.", ""),
    ],
)
def test_title_from_text(text: str, title: str) -> None:
    assert title_from_text(text) == title


@pytest.mark.parametrize(
    ("name", "published", "source", "evidence"),
    [
        (
            "dsca_release.txt",
            date(2020, 10, 26),
            "text",
            "dateline 'WASHINGTON, October 26, 2020 -'",
        ),
        (
            "wire_story.txt",
            date(2020, 10, 21),
            "text",
            "dateline 'October 21, 2020 8:55 PM UTC Updated ago'",
        ),
    ],
)
def test_realistic_articles_date_themselves(
    name: str, published: date, source: str, evidence: str
) -> None:
    docs, errors = read_corpus([DATA.parent / "articles" / name])
    assert errors == []
    d = docs[0]
    assert (d.published, d.published_source, d.published_evidence) == (published, source, evidence)
    assert d.published_confidence == 0.9


# -- uploads and rows ---------------------------------------------------------------------


def test_read_bytes_takes_metadata_like_a_manifest_row() -> None:
    meta = {"title": "Upload", "outlet": "Desk", "published": "2020-10-27"}
    docs, errors = read_bytes("story.md", SAMPLE.encode("utf-16"), meta)
    assert errors == []
    d = docs[0]
    assert (d.doc, d.text, d.title, d.outlet, d.published, d.published_source, d.path) == (
        "story.md",
        SAMPLE,
        "Upload",
        "Desk",
        date(2020, 10, 27),
        "manifest",
        "",
    )


def test_read_bytes_user_date() -> None:
    meta = {"published": "2020-10-27", "published_source": "user"}
    docs, _ = read_bytes("story.txt", b"Text of the story.", meta)
    assert (docs[0].published_source, docs[0].published_confidence) == ("user", 1.0)


def test_read_bytes_collection() -> None:
    data = (DATA / "articles.csv").read_bytes()
    docs, errors = read_bytes("upload.csv", data)
    assert errors == [] and [d.doc for d in docs] == ["upload.csv#a1", "upload.csv#a2"]


def test_document_row() -> None:
    d = by_doc(read_corpus([SEEDS])[0])["004_193c2b0243c827da.txt"]
    assert document_row(d) == {
        "doc": "004_193c2b0243c827da.txt",
        "title": "US strengthens security ties with Taiwan, approves $385 million arms sale",
        "outlet": "Caliber.Az",
        "url": "",
        "published": "2024-11-30",
        "published_source": "manifest",
        "chars": len(d.text),
        "boilerplate_chars": len("By Tamilla Hasanova"),
        "error": "",
    }


def test_error_row() -> None:
    assert error_row(ReadError("a/b.txt", "file is empty")) == {
        "doc": "a/b.txt",
        "title": "",
        "outlet": "",
        "url": "",
        "published": "",
        "published_source": "",
        "chars": None,
        "boilerplate_chars": None,
        "error": "file is empty",
    }
