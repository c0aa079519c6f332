"""Amounts of money in news text: US dollars in every usual spelling, ranges, other currencies.

Every amount needs a currency sign or word ("$385 million", "1.8 billion U.S. dollars",
"NT$12 billion"); a bare "1.8 billion", "45%", "F-16" or a year is never money.

Conversions: an amount that restates its neighbour ("$18.335 billion (approximately RMB
131.8 billion)", "NT$12 billion (US$375 million)", "NT$12 billion, or US$375 million") is
the same money. The restating amount gets ``conversion=True`` unless it is the only dollar
figure of the pair (a dollar amount restating a foreign one), so that
``[m for m in found if m.usd and not m.conversion]`` are the distinct dollar amounts.

Ranges ("between $7 billion and $10 billion", "$7-10 billion", "$7 to $10 billion", where
the low end takes the high end's scale) give ``low`` and ``high``; "from $5 billion to $7
billion" after a verb of change ("rose") is two amounts. "up to $10 billion" is one amount.
A Markdown escape ("\\$1.8 billion") is read as the dollar sign and left out of the span.
Amounts in other currencies keep their own value and ``usd=False``. ``rule`` names the
form: amount, words, up_to, range_between, range_to, range_dash (+restates).
"""

from __future__ import annotations

import re
from functools import cache

from timeline.records import Money
from timeline.vocabulary import whole_text_once

#: multipliers of the scale words and abbreviations (matched case-insensitively)
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}

#: currency signs and codes written before the number, and the currency they denote
PREFIX_CURRENCIES: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "USD$": "USD",
    "NT$": "NTD",
    "NTD": "NTD",
    "TWD": "NTD",
    "RMB": "RMB",
    "CNY": "RMB",
    "HK$": "HKD",
    "HKD": "HKD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "S$": "SGD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",  # also written for yuan; which one never matters here: it is not a dollar
    "JPY": "JPY",
    "₩": "KRW",
    "KRW": "KRW",
}

#: currency words written after the number (matched case-insensitively)
SUFFIX_CURRENCIES: dict[str, str] = {
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "usd": "USD",
    "new taiwan dollars": "NTD",
    "taiwan dollars": "NTD",
    "taiwanese dollars": "NTD",
    "nt dollars": "NTD",
    "ntd": "NTD",
    "hong kong dollars": "HKD",
    "yuan": "RMB",
    "renminbi": "RMB",
    "rmb": "RMB",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "yen": "JPY",
    "won": "KRW",
}

#: currency words that are also ordinary words ("500 pounds of explosives", "2 million won
#: the vote"): money only with a scale word
AMBIGUOUS_SUFFIXES = frozenset({"pounds", "won", "dollar"})

#: words before "from X to Y" that make it a change between two amounts, not a range
CHANGE_CUES = frozenset(
    """rose rise rises rising risen increase increased increases increasing grew grow grows
    growing jumped jump climbed climb fell fall falls falling dropped drop declined decline
    cut cuts raised raise raising boosted boost boosting expanded expand up down reduced
    reduce lowered lower slashed hiked""".split()
)

#: how far back (characters) a change cue may stand before "from"
CHANGE_WINDOW = 40

#: numbers written as words before a scale word ("two billion dollars", "half a billion euros")
WORD_NUMBERS: dict[str, float] = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "half a": 0.5,
}

#: scale words that may follow a number written as a word
WORD_SCALES = ("million", "billion", "trillion")

#: what every scale word for word amounts contains (found with str.find before any regex runs)
SCALE_HINT = "illion"

#: characters before and after a scale word that its word amount may span
WORD_LOOKBACK = 14
WORD_LOOKAHEAD = 40

#: words allowed between an amount and the restatement that follows it
RESTATE_WORDS = (
    r"(?:approximately|approx\.|about|around|roughly|some|nearly|almost|or|equal to"
    r"|equivalent to|worth|~|≈)"
)

#: characters before a number that may belong to its amount ("between US$ ", "up to NT$ ")
LOOKBACK = 16

_DIGITS = re.compile(r"\d+")

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _alternation(words: list[str]) -> str:
    """Return a regex alternation of the words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _prefix_pattern() -> str:
    """Return the regex of a currency prefix (a Markdown backslash before "$" allowed)."""
    signs = _alternation(list(PREFIX_CURRENCIES)).replace(r"\$", r"\\?\$")
    return rf"(?:{signs})"


def _atom(n: int) -> str:
    """Return the regex of one amount, its groups numbered n."""
    scale = _alternation(list(SCALES))
    suffix = _alternation(list(SUFFIX_CURRENCIES)).replace(r"\ ", r"\s+")
    return (
        rf"(?:(?P<cur{n}>{_prefix_pattern()})\s?)?"
        rf"(?(cur{n})|(?<![\w.,]))(?P<num{n}>{_NUMBER})(?![\d])"
        rf"(?:(?:\s|-)?(?P<scale{n}>(?i:{scale}))(?![\w]))?"
        rf"(?:\s+(?P<suf{n}>(?i:{suffix}))(?![\w]))?"
    )


@cache
def _money_regex() -> re.Pattern[str]:
    """Return the compiled regex of an amount or a range of two amounts."""
    lead = r"(?:(?P<upto>\b(?i:up\s+to)\s+)|(?P<between>\b(?i:between|from)\s+))?"
    sep = r"\s*(?P<sep>-|–|—|(?i:to|and))\s*"
    return re.compile(rf"(?<![\w$]){lead}{_atom(1)}(?:{sep}{_atom(2)})?")


@cache
def _restate_regex() -> re.Pattern[str]:
    """Return the regex of what may stand between an amount and its restatement."""
    return re.compile(
        rf"\s*(?:\(\s*(?:{RESTATE_WORDS}\s*)?|,?\s+or\s+(?:{RESTATE_WORDS}\s+)?)",
        re.IGNORECASE,
    )


def _value(num: str | None, scale: str | None) -> float:
    """Return the number times its scale."""
    value = float((num or "0").replace(",", ""))
    # rounded to cents: 131.8 * 1e9 is not exactly 131.8e9 in binary
    return round(value * SCALES[scale.lower()], 2) if scale else value


def _currency(m: re.Match[str], n: int) -> str | None:
    """Return the currency of amount n of a match, or None when it shows none."""
    cur, suf = m.group(f"cur{n}"), m.group(f"suf{n}")
    if cur:
        return PREFIX_CURRENCIES[cur.replace("\\", "").replace(" ", "")]
    if suf:
        suffix = re.sub(r"\s+", " ", suf.lower())
        if suffix in AMBIGUOUS_SUFFIXES and not m.group(f"scale{n}"):
            return None
        return SUFFIX_CURRENCIES[suffix]
    return None


def _span_start(m: re.Match[str]) -> int:
    """Return where the amount's text starts (after a Markdown backslash)."""
    start = m.start()
    if m.group("between"):
        start = m.start("cur1") if m.group("cur1") else m.start("num1")
    return start + (m.string[start] == "\\")


def _is_change(text: str, m: re.Match[str]) -> bool:
    """Return whether "from X to Y" reports a change between two amounts."""
    if not m.group("between") or m.group("between").strip().lower() != "from":
        return False
    before = text[max(0, m.start() - CHANGE_WINDOW) : m.start()].lower()
    return any(w in CHANGE_CUES for w in re.findall(r"[a-z]+", before)[-3:])


def _range(text: str, m: re.Match[str]) -> Money | None:
    """Return the range a two-amount match denotes, or None when it is not a range."""
    if m.group("num2") is None:
        return None
    sep = m.group("sep").lower()
    if sep == "and" and not m.group("between"):
        return None
    if m.group("upto") or _is_change(text, m):
        return None
    cur1, cur2 = _currency(m, 1), _currency(m, 2)
    if cur2 is None and not m.group("scale2"):
        return None
    currency = cur2 or cur1
    if currency is None or (cur1 and cur2 and cur1 != cur2):
        return None
    raw1, raw2 = _value(m.group("num1"), None), _value(m.group("num2"), None)
    scale1 = m.group("scale1") or (m.group("scale2") if raw1 <= raw2 else None)
    if cur1 is None and scale1 is None:
        return None  # "in 2019 - $5 billion": a bare number is no low end
    low, high = _value(m.group("num1"), scale1), _value(m.group("num2"), m.group("scale2"))
    if low >= high:
        return None
    dash = "range_dash" if sep in "-–—" else "range_to"
    rule = "range_between" if m.group("between") else dash
    start = _span_start(m)
    return Money(
        start, m.end(), text[start : m.end()], low, high, currency, currency == "USD", False, rule
    )


def _single(text: str, m: re.Match[str]) -> Money | None:
    """Return the first amount of a match alone, or None when it shows no currency."""
    currency = _currency(m, 1)
    if currency is None:
        return None
    end = max(e for e in (m.end("num1"), m.end("scale1"), m.end("suf1")) if e >= 0)
    start = m.start() if m.group("upto") else _span_start(m)
    start += text[start] == "\\"
    rule = "up_to" if m.group("upto") else "amount"
    value = _value(m.group("num1"), m.group("scale1"))
    return Money(start, end, text[start:end], value, None, currency, currency == "USD", False, rule)


def _amounts(text: str, start: int, end: int) -> list[Money]:
    """Return the amounts and ranges in text[start:end], in order, not yet paired."""
    found: list[Money] = []
    pos = start
    regex = _money_regex()
    # the full pattern is tried only just before numbers: scanning every position costs 10x
    for digits in _DIGITS.finditer(text, start, end):
        if digits.start() < pos:
            continue
        m = regex.search(text, _window_start(text, digits.start() - LOOKBACK, pos), end)
        if m is None:
            break
        money = _range(text, m) or _single(text, m)
        if money is None:
            pos = m.end("num1")
            continue
        found.append(money)
        pos = money.end
    return found


def _window_start(text: str, pos: int, floor: int) -> int:
    """Return pos moved back to the start of the word it falls in, never before floor."""
    if pos <= floor:
        return floor
    while pos > floor and text[pos - 1].isalnum():
        pos -= 1
    return pos


def _restates(text: str, first: Money, second: Money) -> bool:
    """Return whether the second amount restates the first in another form."""
    gap = _restate_regex().fullmatch(text, first.end, second.start)
    if gap is None:
        return False
    return "(" in gap.group() or first.currency != second.currency


def _paired(text: str, found: list[Money]) -> list[Money]:
    """Return the amounts with restatements of a neighbour marked as conversions."""
    out = list(found)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        if not _restates(text, first, second) or first.conversion:
            continue
        if second.usd and not first.usd:
            continue  # the dollar figure is the one that counts; the foreign one is not a dollar
        out[i] = Money(
            second.start,
            second.end,
            second.text,
            second.low,
            second.high,
            second.currency,
            second.usd,
            True,
            second.rule + "+restates",
        )
    return out


@cache
def _word_amount_regex() -> re.Pattern[str]:
    """Return the regex of an amount with its number written as a word."""
    numbers = _alternation(list(WORD_NUMBERS)).replace(r"\ ", r"\s+")
    suffix = _alternation(list(SUFFIX_CURRENCIES)).replace(r"\ ", r"\s+")
    return re.compile(
        rf"(?<![\w-])(?P<word>{numbers})\s+(?P<scale>{'|'.join(WORD_SCALES)})"
        rf"\s+(?P<suf>{suffix})(?![\w])",
        re.IGNORECASE,
    )


def _word_amounts(text: str, start: int, end: int) -> list[Money]:
    """Return the amounts whose number is a word ("two billion dollars") in text[start:end]."""
    found: list[Money] = []
    pos = start
    # scale words are rare: look for them first and try the pattern only around them
    while (at := text.find(SCALE_HINT, pos, end)) >= 0:
        window = _window_start(text, at - WORD_LOOKBACK, pos)
        m = _word_amount_regex().search(text, window, min(end, at + WORD_LOOKAHEAD))
        pos = at + len(SCALE_HINT)
        if m is None:
            continue
        currency = SUFFIX_CURRENCIES[re.sub(r"\s+", " ", m.group("suf").lower())]
        number = WORD_NUMBERS[re.sub(r"\s+", " ", m.group("word").lower())]
        value = number * SCALES[m.group("scale").lower()]
        found.append(
            Money(
                m.start(),
                m.end(),
                m.group(),
                value,
                None,
                currency,
                currency == "USD",
                False,
                "words",
            )
        )
        pos = m.end()
    return found


def _all_money(text: str, start: int, end: int) -> list[Money]:
    """Return the amounts of money in text[start:end], in order."""
    found = _amounts(text, start, end) + _word_amounts(text, start, end)
    return _paired(text, sorted(found, key=lambda m: m.start))


_money_within = whole_text_once(_all_money)


def find_money(text: str, start: int = 0, end: int | None = None) -> list[Money]:
    """Return the amounts of money in text[start:end], offsets into text, in order."""
    return _money_within(text, start, end)
