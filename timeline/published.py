"""Publication dates: parse metadata values, find datelines, infer a date from the text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime

from timeline.boilerplate import find_boilerplate
from timeline.records import Boilerplate

#: datelines are only looked for this near the start of a document
DATELINE_WINDOW = 600
#: a line this long is prose, not a dateline
DATELINE_MAX_LINE = 120
#: how much text may precede the date on a dateline ("Global Research, ")
DATELINE_MAX_PREFIX = 60
#: how sure each kind of evidence makes us
CONFIDENCE = {
    "metadata": 1.0,
    "dateline": 0.9,
    "url": 0.8,
    "partial_dateline": 0.7,
    "partial_dateline_after": 0.6,
    "partial_dateline_year_mention": 0.5,
    "after_full_date": 0.3,
    "latest_full_date": 0.2,
    "year_hint_month_day": 0.4,
    "year_hint_month": 0.3,
    "year_hint_only": 0.15,
}
#: when the text gives only a year, the inferred date is the middle of it (least expected error)
YEAR_ONLY_DATE = (7, 1)

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"


def _full_date_pattern(tag: str) -> str:
    """Return a pattern for one absolute date with named groups suffixed by tag."""
    return (
        rf"(?:{_WEEKDAY}(?P<m1{tag}>{_MONTH})\s+(?P<d1{tag}>{_DAY}),?\s+(?P<y1{tag}>{_YEAR})"
        rf"|{_WEEKDAY}(?P<d2{tag}>{_DAY})\s+(?:of\s+)?(?P<m2{tag}>{_MONTH}),?\s+(?P<y2{tag}>{_YEAR})"
        rf"|(?P<y3{tag}>{_YEAR})[-/.](?P<m3{tag}>1[0-2]|0?[1-9])[-/.](?P<d3{tag}>3[01]|[12]\d|0?[1-9]))"
        r"(?![\d])"
    )


FULL_DATE_RE = re.compile(r"\b" + _full_date_pattern(""))
#: a year, where every full date ends (or, in ISO form, starts): found far faster than a date
YEAR_RE = re.compile(_YEAR)
#: how far before its year a full date may start ("Wednesday, September 16th, 2020")
FULL_DATE_REACH = 40
#: how far from its year a phrase naming the current year reaches ("year-to-date in 2020")
YEAR_PHRASE_REACH = 30
#: "Published: 12 March 2023", "Updated on 2021-03-03", "Posted Oct. 27, 2020"
LABELLED_RE = re.compile(
    r"^[\W_]*(?P<label>first published|published|posted|last updated|updated|last modified|date)"
    r"(?:\s+(?:on|at))?[\W_]*?\s*" + _full_date_pattern("l"),
    re.IGNORECASE | re.MULTILINE,
)
#: labels that mean the first publication (preferred over "updated")
PUBLISHED_LABELS = ("first published", "published", "posted", "date")
#: what may follow the date on a dateline line: a time, a zone, an agency, a separator
DATELINE_TAIL_RE = re.compile(
    r"^\s*(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d+)?)?)?"
    r"\s*(?:\((?:[A-Z][\w.&' ]{0,30})\)\s*|/[A-Z][\w -]{1,30}/\s*)?"
    r"(?:(?:last )?updated\b.*)?(?:(?P<sep>--|[|/·•—–-])\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
#: a separator followed by more than this much text ends a wire dateline inside the first line
DATELINE_MAX_TAIL = 40
WIRE_SEPARATORS = ("--", "—", "–", "-")
#: after a wire dateline's dash, this many words (or a sentence's end) are the story itself
PROSE_MIN_WORDS = 4
SENTENCE_ENDS = (".", "!", "?", '"', "”")
#: words just before a date that make it a future (or deadline) date, not a reported one
FUTURE_CUE_RE = re.compile(
    r"\b(?:until|till|through|will|would|expected|scheduled|due|deadline|ahead of|next|upcoming|"
    r"leading up to|coming|plans?|planned|set to|expir\w*|valid|targets?|targeted|aims?|goal|"
    r"projected|forecast|starting|from now|effective|takes? effect)\b[^.]{0,30}$",
    re.IGNORECASE,
)
FUTURE_CUE_WINDOW = 40
#: "Oct. 27 (UPI) --", "WASHINGTON, Sept 16 (Reuters) -": month and day, no year
PARTIAL_DATELINE_RE = re.compile(
    r"^[ \t*_#>]*(?:(?P<city>[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w .'-]{1,30})?),\s+)?"
    rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*(?P<agency>\((?:[A-Z][\w.&' ]{{0,30}})\)\s*)?"
    r"(?:--|[-—–:])",
    re.MULTILINE,
)
#: phrases that name the year the text is written in: "so far in 2020", "2020 to date"
CURRENT_YEAR_RE = re.compile(
    r"\b(?:so far (?:in|this year,?)|earlier in|this year,?|(?:in|for) the rest of|"
    r"year[- ]to[- ]date in)\s+(?P<y1>" + _YEAR + r")\b"
    r"|\b(?P<y2>" + _YEAR + r")\s+(?:so far|to date|thus far)\b",
    re.IGNORECASE,
)
COPYRIGHT_YEAR_RE = re.compile(
    r"(?:©|\(c\)|copyright)[^\n]{0,80}?\b(?P<year>" + _YEAR + r")\b", re.IGNORECASE
)
#: a month name, where the month mentions below start (found far faster than the mentions)
MONTH_NAME_RE = re.compile(rf"{_FULL_MONTH}|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.")
#: a month with a day but no year: "on November 29", "November 29,"; matched at a month name
MONTH_DAY_RE = re.compile(
    rf"(?P<month>{_FULL_MONTH}|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)\s+(?P<day>{_DAY})\b"
    r"(?!,?\s*(?:19|20)\d\d)(?!\s*(?:Communiqu|Declaration|Accord|Agreement|Movement|Statement))"
)
#: the words before a month on its own that make it a time: "in August", "beginning of August"
MONTH_ALONE_LEAD_RE = re.compile(
    r"\b(?i:in|since|by|until|during|early|late|mid-?|beginning of|end of|start of|middle of)"
    r"\s+$"
)
MONTH_ALONE_LEAD_REACH = 20
_DIGIT_NEXT_RE = re.compile(r"\s+\d")
_ISO_PREFIX_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
#: seconds (or milliseconds) since 1970, as collections often store dates
_EPOCH_RE = re.compile(r"^\s*(?P<seconds>\d{9,10})(?P<millis>\d{3})?(?:\.\d+)?\s*$")
#: a date in a URL's path: /2020/10/27/, -2020-10-27, /20201027 (also followed by a serial number)
URL_DATE_RE = re.compile(
    r"[/_-](?P<y>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2]|(?<=[/_-])[1-9](?=[/_-]))"
    r"(?P=sep)(?P<d>0[1-9]|[12]\d|3[01]|(?<=[/_-])[1-9](?=\D|$))(?:\d{4})?(?=[/._?#-]|$)"
)
_COMPACT_RE = re.compile(r"^\s*((?:19|20)\d\d)(\d\d)(\d\d)\s*$")


def parse_date(value: str) -> date | None:
    """Return the date a metadata value (ISO, "October 27, 2020", RFC 2822, ...) names, or None."""
    value = value.strip()
    if not value:
        return None
    for pattern in (_ISO_PREFIX_RE, _COMPACT_RE):
        found = pattern.match(value)
        if found:
            return _safe_date(int(found[1]), int(found[2]), int(found[3]))
    epoch = _EPOCH_RE.match(value)
    if epoch:
        return datetime.fromtimestamp(int(epoch["seconds"]), UTC).date()
    found = FULL_DATE_RE.search(value)
    if found:
        return _date_from_match(found, "")
    if any(c.isdigit() for c in value):
        return _dateparser_date(value)
    return None


def date_from_url(url: str) -> tuple[date, str] | None:
    """Return the date a URL's path carries (/2020/10/27/, -20201027), with that part, or None."""
    path = url.split("://", 1)[-1].partition("/")[2]
    for found in URL_DATE_RE.finditer("/" + path):
        day = _safe_date(int(found["y"]), int(found["m"]), int(found["d"]))
        if day is not None:
            return day, found.group()[1:]
    return None


def _dateparser_date(value: str) -> date | None:
    """Return the date dateparser reads in a value that names a whole day, or None."""
    import dateparser  # only for rare metadata forms: keeps the common path cheap

    data = dateparser.DateDataParser(languages=["en"]).get_date_data(value)
    if data.date_obj is None or data.period != "day":
        return None
    day: date = data.date_obj.date()
    return day


def _safe_date(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when the fields do not make one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    """Return the month number of a month name or abbreviation."""
    return MONTHS[name.rstrip(".").lower()]


def _day_number(text: str) -> int:
    """Return the day number of "27" or "27th"."""
    return int(text.rstrip("stndrh"))


def _date_from_match(found: re.Match[str], tag: str) -> date | None:
    """Return the date of a match of _full_date_pattern(tag)."""
    for i in ("1", "2"):
        if found[f"y{i}{tag}"]:
            return _safe_date(
                int(found[f"y{i}{tag}"]),
                _month_number(found[f"m{i}{tag}"]),
                _day_number(found[f"d{i}{tag}"]),
            )
    return _safe_date(int(found[f"y3{tag}"]), int(found[f"m3{tag}"]), int(found[f"d3{tag}"]))


def find_dateline(text: str) -> tuple[date, str] | None:
    """Return the publication date a dateline gives, with the dateline's text, or None.

    A dateline is a "Published ..."/"Updated ..." line (anywhere; "Published" wins over
    "Updated"), or a short line near the start that is mostly one full date
    ("Global Research, October 27, 2020", "March 3, 2021 08:15 ET"). Datelines without
    a year ("Oct. 27 (UPI) --") are not returned here: see find_partial_dateline.
    """
    span = dateline_span(text)
    if span is None:
        return None
    day, start, end = span
    return day, text[start:end]


def dateline_span(text: str) -> tuple[date, int, int] | None:
    """Return the dateline's date and its [start, end) offsets, or None."""
    labelled = _labelled_dateline(text)
    if labelled is not None:
        return labelled
    return _bare_dateline(text)


def _labelled_dateline(text: str) -> tuple[date, int, int] | None:
    """Return the first "Published" line's date (else the first "Updated" one near the start)."""
    updated: tuple[date, int, int] | None = None
    for found in LABELLED_RE.finditer(text):
        day = _date_from_match(found, "l")
        if day is None:
            continue
        start, end = found.start("label"), found.end()
        if found["label"].lower() in PUBLISHED_LABELS:
            if found["label"].lower() != "date" or start < DATELINE_WINDOW:
                return day, start, end
        elif updated is None and start < DATELINE_WINDOW:
            updated = (day, start, end)
    return updated


def _bare_dateline(text: str) -> tuple[date, int, int] | None:
    """Return the date of a short date line near the start, with its span."""
    for start, line in _lines(text[:DATELINE_WINDOW]):
        found = next(full_dates(line), None)
        if found is None or found.start() > DATELINE_MAX_PREFIX:
            continue
        if any(mark in line[: found.start()] for mark in ".!?"):
            continue
        tail = DATELINE_TAIL_RE.match(line[found.end() :])
        if tail is None:
            continue
        right = len(line.rstrip(" \t*_\r"))
        rest = tail["rest"] or ""
        if tail["sep"] in WIRE_SEPARATORS and _is_prose(rest):
            right = found.end() + tail.start("rest")  # the story goes on after the dash
        elif len(rest) > DATELINE_MAX_TAIL or right > DATELINE_MAX_LINE:
            continue
        day = _date_from_match(found, "")
        if day is not None:
            left = len(line) - len(line.lstrip(" \t*_#>"))
            return day, start + left, start + len(line[:right].rstrip())
    return None


def _is_prose(text: str) -> bool:
    """Return whether the text after a dateline's dash is the story, not a time or a name."""
    return len(text.split()) >= PROSE_MIN_WORDS or text.rstrip().endswith(SENTENCE_ENDS)


def _lines(text: str) -> Iterable[tuple[int, str]]:
    """Yield each line with its start offset."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def find_partial_dateline(text: str) -> tuple[int, int, str] | None:
    """Return (month, day, text) of a dateline without a year near the start, or None.

    It needs a wire agency in parentheses or a city in capitals before it
    ("Oct. 27 (UPI) --", "WASHINGTON, Sept 16 (Reuters) -") to count.
    """
    found = _partial_dateline(text)
    if found is None:
        return None
    return _month_number(found["month"]), _day_number(found["day"]), found.group().strip(" *_#>")


def partial_dateline_span(text: str) -> tuple[int, int] | None:
    """Return the [start, end) offsets of a dateline without a year, or None."""
    found = _partial_dateline(text)
    if found is None:
        return None
    start = found.start() + len(found.group()) - len(found.group().lstrip(" *_#>"))
    return start, found.end()


def _partial_dateline(text: str) -> re.Match[str] | None:
    """Return the match of the first yearless dateline near the start that names a real day."""
    for found in PARTIAL_DATELINE_RE.finditer(text[:DATELINE_WINDOW]):
        if not (found["agency"] or found["city"]):
            continue
        month, day = _month_number(found["month"]), _day_number(found["day"])
        if _safe_date(2000, month, day) is not None:  # a leap year admits Feb 29
            return found
    return None


def infer_published(
    text: str, boilerplate: Sequence[Boilerplate] | None = None
) -> tuple[date, float, str] | None:
    """Return a publication date inferred from the text, how sure (0..1) and why, or None.

    News gives full dates mostly for the past ("on March 26, 1996") and current events
    without a year ("on Oct. 24", "Friday"), so the latest full date in the body is only
    a lower bound, and the days named without a year lie in the year the text is written
    in. That year comes from a phrase ("so far in 2020") or a copyright notice; else it
    is taken to be the latest full date's year (the least the evidence allows; a
    dateline's day must also fall on or after that date). Evidence, strongest first: a
    yearless dateline so completed; with a known year, the latest day (else month) it
    names in that year, else mid-year; without one, the latest day named in the latest
    full date's year after that date, else that date itself. Boilerplate spans (footers,
    sidebars scraped later) are not evidence, except a copyright year.
    """
    spans = find_boilerplate(text) if boilerplate is None else boilerplate
    body = _blank_spans(text, spans)
    latest = _latest_full_date(body)
    year, year_reason = _writing_year(body, text)
    partial = find_partial_dateline(text)
    if partial is not None:
        completed = _completed_dateline(partial, year, year_reason, latest)
        if completed is None and year is None and latest is None:
            completed = _dateline_in_mentioned_year(partial, body)
        if completed is not None:
            return completed
    if year is not None:
        return _date_in_year(body, year, year_reason, latest)
    if latest is None:
        return None
    return _date_after(body, latest)


def _dateline_in_mentioned_year(
    partial: tuple[int, int, str], body: str
) -> tuple[date, float, str] | None:
    """Return a yearless dateline's date in the latest year the story names, not looks ahead to."""
    years = [
        int(m.group())
        for m in YEAR_RE.finditer(body)
        if not FUTURE_CUE_RE.search(body[max(0, m.start() - FUTURE_CUE_WINDOW) : m.start()])
    ]
    day = _safe_date(max(years), partial[0], partial[1]) if years else None
    if day is None:
        return None
    reason = f"dateline '{partial[2]}' in {day.year}, the latest year the story names"
    return day, CONFIDENCE["partial_dateline_year_mention"], reason


def _completed_dateline(
    partial: tuple[int, int, str],
    year: int | None,
    year_reason: str,
    latest: tuple[date, str] | None,
) -> tuple[date, float, str] | None:
    """Return a yearless dateline's date in the year the text is written in, or None."""
    key = "partial_dateline"
    if year is None and latest is not None:
        year = _year_from(latest[0], partial[0], partial[1])
        year_reason = f"puts it on or after the latest full date '{latest[1]}'"
        key = "partial_dateline_after"
    day = None if year is None else _safe_date(year, partial[0], partial[1])
    if day is None:
        return None
    reason = f"dateline '{partial[2]}' gives month and day; the year {year} {year_reason}"
    return day, CONFIDENCE[key], reason


def _year_from(floor: date, month: int, day: int) -> int:
    """Return the first year, from floor's on, in which month/day is not before floor."""
    same = _safe_date(floor.year, month, day)
    return floor.year if same is not None and same >= floor else floor.year + 1


def _date_after(body: str, latest: tuple[date, str]) -> tuple[date, float, str]:
    """Return the latest day of the latest full date's year the text names, or that date.

    The days a text names without a year lie in its own year, which is at least the
    latest full date's: that year is taken, the least the evidence allows.
    """
    bound = f"the latest full date is '{latest[1]}'"
    days, _ = _month_mentions(body, latest[0].year)
    later = [(day, said) for day, said in days if day > latest[0]]
    if later:
        day, said = max(later)
        reason = f"{bound}; the latest day named without a year, '{said}', is later that year"
        return day, CONFIDENCE["after_full_date"], reason
    reason = f"{bound}; the article appeared on or after it"
    return latest[0], CONFIDENCE["latest_full_date"], reason


def _blank_spans(text: str, spans: Sequence[Boilerplate]) -> str:
    """Return the text with the spans replaced by spaces (offsets kept)."""
    if not spans:
        return text
    parts: list[str] = []
    offset = 0
    for span in spans:
        parts.append(text[offset : span.start])
        parts.append(" " * (span.end - span.start))
        offset = span.end
    parts.append(text[offset:])
    return "".join(parts)


def _latest_full_date(body: str) -> tuple[date, str] | None:
    """Return the latest full date in the body with its text, or None."""
    best: tuple[date, str] | None = None
    for found in full_dates(body):
        day = _date_from_match(found, "")
        if day is None or _future(body, found.start()):
            continue
        if best is None or day > best[0]:
            best = (day, found.group())
    return best


def full_dates(text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of FULL_DATE_RE in text, searching only around its years."""
    done = 0
    for year in YEAR_RE.finditer(text):
        if year.start() < done:
            continue
        found = FULL_DATE_RE.search(text, max(done, year.start() - FULL_DATE_REACH), year.end() + 6)
        while found is not None and found.end() < year.end():
            found = FULL_DATE_RE.search(text, found.end(), year.end() + 6)
        if found is not None and found.start() <= year.start():
            done = found.end()
            yield found


def _near_a_year(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """Return the first match of a pattern that holds a year, searching only around years."""
    for year in YEAR_RE.finditer(text):
        found = pattern.search(
            text, max(0, year.start() - YEAR_PHRASE_REACH), year.end() + YEAR_PHRASE_REACH
        )
        if found is not None:
            return found
    return None


def _future(body: str, start: int) -> bool:
    """Return whether the words before a date make it a future date or a deadline."""
    return FUTURE_CUE_RE.search(body, max(0, start - FUTURE_CUE_WINDOW), start) is not None


def _writing_year(body: str, text: str) -> tuple[int | None, str]:
    """Return the year the text says it is written in and why, or (None, "")."""
    found = _near_a_year(CURRENT_YEAR_RE, body)
    if found:
        return int(found["y1"] or found["y2"]), f"from '{found.group()}'"
    years = [int(m["year"]) for m in COPYRIGHT_YEAR_RE.finditer(text)]
    if years:
        return max(years), f"from the copyright notice ({max(years)})"
    return None, ""


def _date_in_year(
    body: str, year: int, year_reason: str, latest: tuple[date, str] | None = None
) -> tuple[date, float, str]:
    """Return the latest day (yearless, or a full date in that year) or month of the year."""
    days, months = _month_mentions(body, year)
    if latest is not None and latest[0].year == year:
        days.append(latest)
    if days:
        day, said = max(days)
        reason = f"the latest day mentioned is '{said}'; the year {year} {year_reason}"
        return day, CONFIDENCE["year_hint_month_day"], reason
    if months:
        day, said = max(months)
        reason = (
            f"the latest month mentioned is '{said}' (dated its first day); "
            f"the year {year} {year_reason}"
        )
        return day, CONFIDENCE["year_hint_month"], reason
    middle = date(year, *YEAR_ONLY_DATE)
    reason = f"only the year {year} is known ({year_reason}); dated mid-year"
    return middle, CONFIDENCE["year_hint_only"], reason


def _month_mentions(body: str, year: int) -> tuple[list[tuple[date, str]], list[tuple[date, str]]]:
    """Return the yearless month-days and lone months of the body (not future ones), in year."""
    days: list[tuple[date, str]] = []
    months: list[tuple[date, str]] = []
    for name in MONTH_NAME_RE.finditer(body):
        start = name.start()
        if start and body[start - 1].isalnum():
            continue
        found = MONTH_DAY_RE.match(body, start)
        if found is not None:
            day = _safe_date(year, _month_number(found["month"]), _day_number(found["day"]))
            if day is not None and not _future(body, start):
                days.append((day, found.group()))
            continue
        lead = MONTH_ALONE_LEAD_RE.search(body, max(0, start - MONTH_ALONE_LEAD_REACH), start)
        alone = not name.group().endswith(".") and not _DIGIT_NEXT_RE.match(body, name.end())
        if (
            lead is not None
            and alone
            and not body[name.end() : name.end() + 1].isalnum()
            and (not _future(body, start))
        ):
            first = date(year, _month_number(name.group()), 1)
            months.append((first, body[lead.start() : name.end()]))
    return days, months
