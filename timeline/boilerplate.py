"""Mark the parts of a document that are not the article: footers, prompts, bios, sidebars.

Nothing is deleted: spans are returned so that every offset still indexes the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from timeline.records import Boilerplate


class Cue(NamedTuple):
    """A phrase that announces boilerplate, as a regular expression over one line."""

    kind: str
    rule: str
    #: without triggers: opens the line, after _LEAD; with triggers: near one of them
    pattern: str
    scope: str = "line"  # line, or next: the line and the next non-empty line
    #: for a cue that may sit anywhere in a line: lower-case words one of which it contains
    #: (a cheap test that spares the regex on most article lines)
    triggers: tuple[str, ...] = ()


_LEAD = r"^[\W_]*"  # markdown emphasis, headings, quotes, bullets before a cue
#: capitalised words that follow "By" in prose ("By Wednesday, ..."), never a name
NOT_NAMES = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Then This That These Those Now "
    "Contrast Comparison Law Far Early Late Mid End Next Last Its Their His Her Our Some Most "
    "Many Doing Using Taking Making Selling Buying Approving Allowing In Then Year Tomorrow Today"
).split()
_NOT_A_NAME = r"(?!(?:" + "|".join(NOT_NAMES) + r")\b)"
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’&-]*|de|van|von|al|bin|of|the))*"

#: cue phrases and the kind of boilerplate each announces
CUES: tuple[Cue, ...] = (
    Cue("disclaimer", "disclaimer_label", _LEAD + r"(?i:disclaimer|legal notice)\b"),
    Cue(
        "disclaimer",
        "views_expressed",
        r"(?i:the (?:views|opinions) expressed (?:in this|here|are)|only represents the author|"
        r"(?:are|is) (?:of )?(?:the )?sole responsibility of the author|"
        r"does not necessarily reflect the (?:views|position))",
        triggers=(
            "expressed",
            "represents the author",
            "sole responsibility",
            "necessarily reflect",
        ),
    ),
    Cue(
        "prompt",
        "sign_up",
        _LEAD + r"(?i:sign up|subscribe|join (?:our|the) (?:mailing|newsletter)|get (?:our|the) "
        r"(?:latest|daily|free)|don'?t miss|download (?:our|the) app|follow us)\b",
    ),
    Cue(
        "prompt",
        "form_consent",
        r"(?i:by (?:submitting|signing up|subscribing|clicking)[^.]{0,40}"
        r"\b(?:agree|consent|accept))",
        triggers=("by submitting", "by signing up", "by subscribing", "by clicking"),
    ),
    Cue(
        "prompt",
        "share",
        _LEAD + r"(?i:note to readers|please (?:click|share|support|consider)|share this"
        r"(?: article| story)?|forward this article|click (?:here|the)|tap (?:here|to)|"
        r"become a (?:member|subscriber|patron)|support (?:our|independent) journalism|"
        r"leave a comment|we want to hear|for media inquiries|contact us)",
    ),
    Cue("bio", "about_author", _LEAD + r"(?i:about the (?:author|writer|contributor)s?)\b", "next"),
    Cue(
        "bio",
        "award_winning",
        r"(?i:award[- ]winning (?:author|journalist|writer))",
        triggers=("winning",),
    ),
    Cue(
        "bio",
        "reach_author",
        r"(?i:\b(?:he|she|they) can be (?:reached|contacted) (?:at|via|on)\b|"
        r"visit (?:his|her|their) (?:blog|website|site|web site))",
        triggers=("can be reached", "can be contacted", "visit his", "visit her", "visit their"),
    ),
    Cue(
        "bio",
        "author_book",
        _LEAD + r"(?i:(?:his|her|their) (?:new |latest |most recent )?book\b|"
        r"follow (?:him|her|them) on)",
    ),
    Cue(
        "bio",
        "lives_in",
        _LEAD + r"(?:[A-Z][\w.'-]*\s+){1,4}(?:is an? [\w -]{0,40}(?:author|writer|journalist|"
        r"analyst|columnist|correspondent|fellow|editor)\b[^.]{0,80}\blives in|lives in "
        r"[A-Z][\w ]{1,30}\.)",
    ),
    Cue(
        "copyright",
        "copyright_notice",
        r"(?i:copyright\s*(?:©|\(c\)|\d{4})|©\s*(?:\d{4}|[A-Z])|all rights reserved|"
        r"contains copyrighted material)",
        triggers=("copyright", "©", "all rights reserved"),
    ),
    Cue(
        "copyright",
        "reprint",
        r"(?i:(?:cannot|may not|must not|can ?not) be (?:reprinted|reproduced|republished|"
        r"redistributed|rewritten|published, broadcast)|"
        r"without (?:the )?(?:prior |express )?written permission|"
        r"grants permission to (?:cross-?post|repost|republish))",
        triggers=(
            "reprinted",
            "reproduced",
            "republished",
            "redistributed",
            "rewritten",
            "written permission",
            "grants permission",
        ),
    ),
    Cue(
        "copyright",
        "original_source",
        _LEAD + r"(?i:(?:the )?original (?:source|article)(?: of this article)?(?: is|:)|"
        r"(?:this (?:article|story) )?(?:was )?(?:originally|first) (?:published|appeared) "
        r"(?:on|in|at|by)|source\s*:\s*(?:https?://|www\.)|this (?:article|story) is an "
        r"exclusive)",
    ),
    Cue(
        "links",
        "link_label",
        _LEAD + r"(?i:region|theme|tags?|topics?|categor(?:y|ies)|filed under|keywords|"
        r"related(?: articles| stories| news| coverage)?|read (?:more|also|next)|see also|"
        r"more (?:from|on|news)|articles by|more articles by|recommended|trending|most read|"
        r"you (?:may|might) also like|latest news|top stories)\s*:",
    ),
    Cue(
        "byline",
        "byline",
        r"^[\W_]*By\s+" + _NOT_A_NAME + r"\[?" + _NAME + r"\]?(?:\([^)]*\))?"
        r"(?:\s*(?:,|\||\band\b|-|—)\s*\[?" + _NAME + r"\]?)*[\s*_]*$",
    ),
    Cue(
        "byline",
        "reporting_by",
        _LEAD + r"(?i:(?:additional )?reporting by|writing by|editing by|compiled by)\b",
    ),
    Cue(
        "byline",
        "reporting_by_note",
        r"\((?i:(?:additional )?reporting by|writing by|editing by|compiled by)\b",
        triggers=("reporting by", "writing by", "editing by", "compiled by"),
    ),
    Cue("byline", "reading_time", r"^[\W_]*\d+\s*-?\s*min(?:ute)?s?\.?\s+read[\W_]*$"),
    Cue(
        "disclaimer",
        "sale_notice",
        r"(?i:notice of a (?:potential|possible|proposed) sale is required by law|"
        r"does not mean (?:that )?the sale has been concluded|"
        r"all questions regarding this proposed)",
        triggers=("required by law", "has been concluded", "questions regarding"),
    ),
    Cue(
        "ad",
        "advertisement",
        _LEAD + r"(?i:advertisement|advertising|sponsored(?: content)?|story continues below|"
        r"continue reading|scroll to continue|read the full (?:story|article))(?:\b[^.]{0,40})?$",
    ),
    Cue(
        "prompt",
        "cookies",
        r"(?i:we use cookies|(?:site|website) uses cookies|accept (?:all )?cookies|"
        r"(?:read|see) our (?:privacy|cookie) policy|terms of (?:use|service))",
        triggers=("cookie", "privacy policy", "terms of use", "terms of service"),
    ),
    Cue(
        "prompt",
        "share_buttons",
        _LEAD + r"(?i:share|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|telegram|"
        r"reddit|copy link|comments?|save)(?:[\s|,/·•]+(?i:share|tweet|email|e-mail|print|"
        r"facebook|twitter|x|linkedin|whatsapp|telegram|reddit|copy link|comments?|save|on|"
        r"this|article))*[\W_]*$",
    ),
    Cue(
        "caption",
        "photo_credit",
        _LEAD + r"(?i:(?:file )?(?:photo|image|picture|video|graphic|illustration)s?\s*"
        r"(?:by\b|:|credit|courtesy)|credit\s*:)",
    ),
    Cue(
        "caption",
        "agency_credit",
        r"^[\W_]*[A-Z][^.!?\n]{0,60}(?:,|/|\||—|-)\s*(?:Reuters|AFP|AP|Getty Images|Xinhua|"
        r"CNA|EPA|Bloomberg|Kyodo|Yonhap|Shutterstock|file photo|handout)(?:/[\w ]+)?[\W_]*$",
        triggers=(
            "reuters",
            "afp",
            "getty",
            "xinhua",
            "bloomberg",
            "kyodo",
            "yonhap",
            "shutterstock",
            "file photo",
            "handout",
            "/ap",
            ", ap",
            "- ap",
            "— ap",
            "| ap",
            ", epa",
            "/epa",
            ", cna",
            "/cna",
        ),
    ),
    Cue("copyright", "source_line", _LEAD + r"(?i:source|sources|via)\s*:\s*[^.!?]{0,60}$"),
)

#: how far around its trigger word an anywhere-cue's pattern is looked for
TRIGGER_REACH = 60

# cues without trigger words open their line: one regex tries them all after one shared lead
_OPENING = tuple(cue for cue in CUES if not cue.triggers)
_OPENING_RE = re.compile(
    _LEAD
    + "(?:"
    + "|".join(f"(?P<c{i}>{cue.pattern.removeprefix(_LEAD)})" for i, cue in enumerate(_OPENING))
    + ")"
)
_ANYWHERE = tuple(cue for cue in CUES if cue.triggers)
_ANYWHERE_RES = tuple(re.compile(cue.pattern) for cue in _ANYWHERE)
_TRIGGERS = tuple((phrase, i) for i, cue in enumerate(_ANYWHERE) for phrase in cue.triggers)
_LONGEST_TRIGGER = max(len(phrase) for phrase, _ in _TRIGGERS)

#: heading lines that introduce a list of other stories
SIDEBAR_HEADING_RE = re.compile(
    r"^[\W_]*(?i:related(?: articles| stories| news)?|more (?:news|stories|from [\w ]+)|"
    r"read (?:more|next|also)|trending(?: now)?|most (?:read|popular|viewed)|recommended|"
    r"you (?:may|might) also like|latest (?:news|stories|headlines)|top stories|"
    r"popular (?:posts|stories)|editor'?s picks)[\W_]*$"
)
#: markdown links, bare URLs and <URL>: what a navigation line is made of
LINK_RE = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>|https?://\S+|www\.\S+")
LINK_MARKS = ("](", "http", "www.")
#: a line whose words outside links number at most this is a link line
LINK_LINE_MAX_WORDS = 3
SEPARATOR_RE = re.compile(r"^[\s\W_]+$")

#: a headline-shaped line: this short, this many words, no closing sentence punctuation
HEADLINE_MAX_CHARS = 160
HEADLINE_WORDS = (3, 25)
HEADLINE_END_PUNCTUATION = ".:;,"
#: consecutive headline-shaped lines needed to call them a list of other stories
SIDEBAR_MIN_LINES = 3
#: share of capitalised words that makes a block title case
TITLE_CASE_SHARE = 0.6
#: title-case blocks sharing less of their vocabulary with the article are other stories
SIDEBAR_MAX_OVERLAP = 0.5
#: sentence-case blocks need an even lower overlap
SIDEBAR_MAX_OVERLAP_PLAIN = 0.25
#: a sidebar never starts in the first part of the text (that is the article itself)
SIDEBAR_MIN_POSITION = 0.3
#: words too common to say what a text is about
STOPWORDS = frozenset(
    "about above after again against also amid among been before being below between both "
    "could does doing down during each from further have having here into more most other "
    "over same should some such than that their them then there these they this those "
    "through under until very were what when where which while will with would your says "
    "said year years news week".split()
)
SMALL_WORDS = frozenset(
    "a an the of in on to for with and or as at by from over amid vs via is are be its into "
    "per but nor up".split()
)
#: footer lines this short, between two boilerplate lines at the end, are footer too
FOOTER_GAP_MAX_CHARS = 300
FOOTER_GAP_MAX_LINES = 2
FOOTER_MIN_POSITION = 0.5

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]+")
#: lines longer than this are read sentence by sentence
LONG_LINE = 1000
#: the white space between two sentences
SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?])(?P<close>[\"”’)]?)\s+(?=[\"“‘(\[*]?[A-Z0-9©])")


class Line(NamedTuple):
    start: int  # first non-blank character
    end: int  # after the last non-blank character
    text: str


def find_boilerplate(text: str) -> tuple[Boilerplate, ...]:
    """Return the sorted, non-overlapping spans of text that are not the article."""
    lines = list(_content_lines(text))
    marks: dict[int, Boilerplate] = {}
    _mark_cues(lines, _triggers(text, lines), marks)
    _mark_sidebars(text, lines, marks)
    _mark_footer_gaps(text, lines, marks)
    return tuple(marks[i] for i in sorted(marks))


def _content_lines(text: str) -> Iterator[Line]:
    """Yield the non-blank lines with the offsets of their non-blank part.

    A line longer than LONG_LINE (a whole article without line breaks) is yielded sentence
    by sentence, so that a footer glued to its end never takes the article with it.
    """
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + len(line) - len(line.lstrip())
            if len(stripped) > LONG_LINE:
                yield from _sentences(Line(start, start + len(stripped), stripped))
            else:
                yield Line(start, start + len(stripped), stripped)
        offset += len(line) + 1


def _sentences(line: Line) -> Iterator[Line]:
    """Yield the sentence-like pieces of a long line, with their offsets."""
    begin = 0
    for found in SENTENCE_BREAK_RE.finditer(line.text):
        end = found.end("close")
        yield Line(line.start + begin, line.start + end, line.text[begin:end])
        begin = found.end()
    yield Line(line.start + begin, line.end, line.text[begin:])


def _mark(marks: dict[int, Boilerplate], i: int, line: Line, kind: str, rule: str) -> None:
    """Record that line i is boilerplate, unless it already is."""
    if i not in marks:
        marks[i] = Boilerplate(line.start, line.end, kind, rule)


def _triggers(text: str, lines: list[Line]) -> dict[int, list[tuple[int, int]]]:
    """Return, by line index, the anywhere-cues whose trigger phrases it holds, and where."""
    lower = _lower(text)
    starts = [line.start for line in lines]
    found: dict[int, list[tuple[int, int]]] = {}
    for phrase, index in _TRIGGERS:
        at = lower.find(phrase)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            found.setdefault(i, []).append((index, at - starts[i]))
            at = lower.find(phrase, at + len(phrase))
    return found


def _lower(text: str) -> str:
    """Return the text in lower case, every character keeping its offset."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _mark_cues(
    lines: list[Line], triggers: dict[int, list[tuple[int, int]]], marks: dict[int, Boilerplate]
) -> None:
    """Mark lines announced by a cue phrase, link lines and separators."""
    follow = False
    for i, line in enumerate(lines):
        if follow:
            _mark(marks, i, line, "bio", "about_author")
            follow = False
        cue, at = _cue(line.text, triggers.get(i, ()))
        if cue is not None:
            # a cue inside a paragraph marks its own sentence and what follows, not the news
            # before it ("... said on Thursday. (Reporting by ...)")
            _mark(
                marks,
                i,
                line._replace(start=line.start + _sentence_start(line.text, at)),
                cue.kind,
                cue.rule,
            )
            follow = cue.scope == "next"
        elif _is_link_line(line.text):
            _mark(marks, i, line, "links", "link_line")
        elif SEPARATOR_RE.match(line.text):
            _mark(marks, i, line, "separator", "separator")


def _cue(text: str, triggers: Sequence[tuple[int, int]]) -> tuple[Cue | None, int]:
    """Return the cue that announces a line as boilerplate and where it matched, or (None, 0).

    triggers: (anywhere-cue index, offset in the line) of the trigger phrases the line holds.
    """
    found = _OPENING_RE.match(text)
    if found is not None:
        return _OPENING[int(found.lastgroup[1:])], 0  # type: ignore[index]
    for index, at in sorted(triggers):
        cue = _ANYWHERE[index]
        start = 0 if cue.pattern.startswith("^") else max(0, at - TRIGGER_REACH)
        found = _ANYWHERE_RES[index].search(text, start, at + _LONGEST_TRIGGER + TRIGGER_REACH)
        if found is not None:
            return cue, found.start()
    return None, 0


def _sentence_start(text: str, at: int) -> int:
    """Return where the sentence holding offset at begins."""
    begin = 0
    for found in SENTENCE_BREAK_RE.finditer(text, 0, at + 2):  # + 2: room for the lookahead
        if found.end() > at:
            break
        begin = found.end()
    return begin


def _is_link_line(text: str) -> bool:
    """Return whether the line is links with at most a few words around them."""
    if not any(mark in text for mark in LINK_MARKS):
        return False
    rest, count = LINK_RE.subn(" ", text)
    return count > 0 and len(_WORD_RE.findall(rest)) <= LINK_LINE_MAX_WORDS


def _is_headline(text: str) -> bool:
    """Return whether a line has the shape of a headline."""
    text = text.lstrip("-*•·> ").strip()
    if not text or len(text) > HEADLINE_MAX_CHARS or text[-1] in HEADLINE_END_PUNCTUATION:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘"):
        return False
    words = text.split()
    return HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]


def _headline_runs(lines: list[Line], marks: dict[int, Boilerplate]) -> Iterator[tuple[int, int]]:
    """Yield [first, last) line indexes of runs of unmarked headline-shaped lines."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j not in marks and _is_headline(lines[j].text):
            j += 1
        if j - i >= SIDEBAR_MIN_LINES:
            yield i, j
        i = max(j, i + 1)


def _mark_sidebars(text: str, lines: list[Line], marks: dict[int, Boilerplate]) -> None:
    """Mark runs of headlines of other stories: at the end, or under a "Related" heading."""
    for first, last in list(_headline_runs(lines, marks)):
        if lines[first].start < SIDEBAR_MIN_POSITION * len(text):
            continue
        headed = first > 0 and bool(SIDEBAR_HEADING_RE.match(lines[first - 1].text))
        introduced = first > 0 and lines[first - 1].text.endswith(":")  # the article's own list
        at_end = all(k in marks for k in range(last, len(lines))) and not introduced
        if not (headed or (at_end and _unrelated(lines, first, last, marks))):
            continue
        if headed:
            _mark(marks, first - 1, lines[first - 1], "sidebar", "sidebar_heading")
        rule = "related_heading" if headed else "headline_block"
        for k in range(first, last):
            _mark(marks, k, lines[k], "sidebar", rule)


def _unrelated(lines: list[Line], first: int, last: int, marks: dict[int, Boilerplate]) -> bool:
    """Return whether the block's vocabulary is foreign enough to the article's."""
    block = [lines[k].text for k in range(first, last)]
    article = [ln.text for k, ln in enumerate(lines) if k not in marks and not first <= k < last]
    block_words = _content_words(" ".join(block))
    if not block_words:
        return False
    overlap = len(block_words & _content_words(" ".join(article))) / len(block_words)
    limit = (
        SIDEBAR_MAX_OVERLAP
        if _title_case_share(block) >= TITLE_CASE_SHARE
        else (SIDEBAR_MAX_OVERLAP_PLAIN)
    )
    return overlap < limit


def _content_words(text: str) -> set[str]:
    """Return the lower-cased words that say what a text is about."""
    words = {w.lower().strip("'’-") for w in _WORD_RE.findall(text)}
    return {w for w in words if len(w) >= 4 and w not in STOPWORDS}


def _title_case_share(block: list[str]) -> float:
    """Return the share of capitalised words among the block's non-small words."""
    words: list[str] = [
        w for line in block for w in _WORD_RE.findall(line) if w.lower() not in SMALL_WORDS
    ]
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def _mark_footer_gaps(text: str, lines: list[Line], marks: dict[int, Boilerplate]) -> None:
    """Mark short unmarked lines wedged between boilerplate lines at the end of the text."""
    k = len(lines) - 1
    while k >= 0:
        if k in marks:
            k -= 1
            continue
        j = k
        while j >= 0 and j not in marks:
            j -= 1
        gap = range(j + 1, k + 1)
        if k == len(lines) - 1 or j < 0 or len(gap) > FOOTER_GAP_MAX_LINES:
            return
        if lines[j].start < FOOTER_MIN_POSITION * len(text):
            return
        if any(len(lines[g].text) > FOOTER_GAP_MAX_CHARS for g in gap):
            return
        for g in gap:
            _mark(marks, g, lines[g], "footer", "between_footer")
        k = j
