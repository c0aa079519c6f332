"""TIMEX3 tagger for news: find temporal expressions with regular expressions and resolve them.

Expressions are found by the patterns in ``RULES`` (compiled once at import) and resolved against
the publication date, or, for expressions relative to a date the text has just set up ("two days
later", "the next day"), against that date. Values follow the TempEval-3 TimeML conventions.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from timeline.records import Timex
from timeline.temporal_rules import (
    CLOCK_UNITS,
    FUTURE_CUES,
    HOLIDAYS,
    MONTHS,
    NAME_NOUNS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_WORDS,
    QUANTITY_NOUNS,
    REFERENCE_WORDS,
    REPORTING_VERBS,
    SCHEDULED_EVENTS,
    SEASON_MONTHS,
    SEASONS,
    SET_WORDS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)

__all__ = ["tag", "value_interval"]

# ---------------------------------------------------------------- pattern fragments
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}\.|{MONTH_ABBR}(?=\s+\d))"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
#: YEAR4 after its first digit, which the pattern has taken (so that re scans for that digit)
YEAR4_REST = r"(?:(?<=1)[6-9]\d\d|(?<=2)0\d\d)"
NUM_WORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
VAGUE = "|".join(re.escape(w) for w in VAGUE_NUMBERS)
NUM = (
    rf"(?:\d{{1,3}}(?:\.\d+)?(?:\s+\d/\d)?(?!\d)|\d/\d|(?i:{VAGUE}|(?:twenty|thirty|forty|fifty|sixty|seventy"
    rf"|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)|{NUM_WORD})"
    rf"(?:\s+(?i:or|to)\s+(?:\d+|(?i:{NUM_WORD})))?)"
)
UNIT = r"(?i:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"
MODIFIER = (
    r"(?i:about|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|over"
    r"|some|roughly|approximately|around|just|only|up\s+to|no\s+more\s+than|barely|well\s+over"
    r"|a\s+little\s+over|under|another|an\s+additional|the\s+first|the\s+last|within)"
)
REL_WORD = (
    r"(?i:this\s+past|this\s+coming|this|last|next|the\s+coming|the\s+past|the\s+previous"
    r"|the\s+following|the\s+current|the\s+same|the\s+latest|the\s+last|the\s+next|coming|that"
    r"|the\s+preceding|the\s+prior|the\s+present|past|previous|current|same|early\s+next"
    r"|early\s+this|late\s+last|late\s+this|early\s+last|late\s+next)"
)
#: modifiers TimeML keeps inside a duration's span ("nearly two years"; not "about", "within")
BOUND_MODIFIER = (
    r"(?i:nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|no\s+more\s+than)"
)
SEASON = r"(?i:spring|summer|fall|autumn|winter)"
PART = r"(?i:morning|afternoon|evening|night)"
AMPM = r"(?:[ap]\.\s?m\b\.?|[ap]m\b|[AP]\.?M\b\.?)"
ZONE = r"(?:E[SD]T|C[SD]T|P[SD]T|M[SD]T|GMT|UTC|local\s+time|[A-Z][a-z]+\s+time)"

REFERENCE = "|".join(sorted((re.escape(w) for w in REFERENCE_WORDS), key=len, reverse=True))

#: patterns, tried everywhere; among overlapping matches the earliest and longest wins
RULE_PATTERNS: list[tuple[str, str]] = [
    ("block_money", r"[$€£¥]\s?\d[\d,.]*(?:\s*(?i:million|billion|trillion|bn|m)\b)?"),
    ("block_percent", r"\d[\d,.]*\s*(?:%|(?i:percent|per\s+cent|percentage\s+points?)\b)"),
    (
        "block_age",
        rf"(?:(?i:a|an|the|their|his|her|its)\s+)?{NUM}[\s-]+(?i:years?|months?|weeks?|days?)"
        r"[\s-]+old\b",
    ),
    (
        "block_fraction_word",
        r"(?i:one|two|three)[\s-]quarters?\b|(?i:a)\s+quarter\s+of\b"
        r"|(?i:more\s+than\s+a)\s+quarter\b",
    ),
    ("block_rate", r"(?<=\d\s)(?:(?i:a|an|per))\s+(?i:year|month|week|day|hour|quarter)\b"),
    (
        "block_rate_word",
        r"(?:(?<=illion\s)|(?<=ollars\s)|(?<=shares\s)|(?<=seats\s)|(?<=lights\s)|(?<=people\s)"
        r"|(?<=cents\s))(?:(?i:a|an|per))\s+(?i:year|month|week|day|hour|quarter)\b",
    ),
    ("block_possessive", r"(?i:today|tomorrow|yesterday)['’]s\b"),
    ("block_second", r"(?i:a\s+second)\b"),
    # the digit patterns take their first digit first, then test what comes before it: re then
    # scans for digits quickly
    ("block_quantity", rf"\d(?<!\w\d)[\d,]*\s+(?:{'|'.join(QUANTITY_NOUNS)})\b"),
    ("block_number", r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+)"),
    ("block_fraction", r"\d(?<!\w\d)\d?/\d{1,2}\b(?!/)"),
    (
        "date_iso",
        rf"(?P<y>[12](?<!\w[12]){YEAR4_REST})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b",
    ),
    (
        "date_numeric",
        r"(?P<m>\d(?<!\w\d)(?:(?<=1)[0-2]|(?<=0)[1-9]|(?<=[1-9])))/(?P<d>3[01]|[12]\d|0?[1-9])"
        r"/(?P<y>\d{4}|\d\d)\b",
    ),
    (
        "date_other_numeric",
        rf"\d(?<!\w\d)(?:{YEAR4_REST}[/.]\d{{1,2}}[/.]\d{{1,2}}|\d?[.-]\d{{1,2}}[.-]{YEAR4})\b"
        r"(?![.-]?\d)",
    ),
    (
        "date_month_day",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY_NUM})\b(?![,.]?\d|\s*%)"
        rf"(?:,?\s+(?P<year>{YEAR4})\b)?",
    ),
    (
        "date_day_month",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY_NUM})\s+(?:of\s+)?(?P<mon>{MONTH})"
        rf"(?:,?\s+(?P<year>{YEAR4})\b)?",
    ),
    ("month_year", rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR4})\b"),
    ("month_rel_year", rf"(?P<mon>{MONTH})\s+(?P<rel>(?i:last|this|next))\s+year\b"),
    ("month", rf"(?:(?P<rel>{REL_WORD})\s+)?(?P<mon>{MONTH_FULL}|{MONTH_ABBR}\.)(?![,.]?\s*\d)"),
    (
        "weekday",
        rf"(?:(?P<rel>{REL_WORD})\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?"
        rf"(?:,?\s+(?P<mon>{MONTH})\s+(?P<day>{DAY_NUM})\b(?:,?\s+(?P<year>{YEAR4})\b)?)?",
    ),
    (
        "relative_day",
        rf"(?P<word>(?i:yesterday|today|tomorrow|tonight))(?:\s+(?P<part>{PART}))?",
    ),
    (
        "part_of_day",
        rf"(?P<rel>(?i:this|that|last|the\s+next|the\s+following|the))\s+(?P<part>{PART})\b"
        r"(?!\s+of\b)",
    ),
    (
        "mid_part",
        rf"(?i:mid)[-\s]?(?P<part>(?i:afternoon|morning))"
        rf"(?:\s+(?P<wd>{WEEKDAY}|(?i:yesterday|today|tomorrow)))?",
    ),
    ("in_the_day", r"(?:(?<=[Ee]arlier\sin\s)|(?<=[Ll]ater\sin\s))the\s+day\b"),
    (
        "anchored_day",
        r"(?i:(?P<rel>the\s+next|the\s+following|that|the\s+same|the\s+previous"
        r"|the\s+preceding)\s+day|the\s+day\s+(?P<after>before|after)(?=\s*[,.;:)]))\b",
    ),
    (
        "relative_unit",
        rf"(?P<rel>{REL_WORD})\s+(?P<fiscal>(?i:fiscal)\s+)?(?P<unit>(?i:week|weekend|month|year"
        rf"|quarter|decade|century|period))\b(?!-)",
    ),
    (
        "season",
        rf"(?:(?P<rel>{REL_WORD}|(?i:the|the\s+early|the\s+late))\s+)?(?P<season>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR4}))?\b",
    ),
    (
        "ago",
        rf"(?:(?P<mod>{MODIFIER})\s+)?(?P<num>{NUM}|(?i:a\s+couple\s+of))[\s-]+(?P<unit>{UNIT})s?"
        rf"\s+(?i:or\s+so\s+)?(?P<dir>(?i:ago|earlier|later|before|after|from\s+now|hence|back"
        rf"|before\s+that|after\s+that))\b",
    ),
    ("vague_ago", rf"(?P<unit>{UNIT})s\s+(?P<dir>(?i:ago|earlier|later|before))\b"),
    (
        "duration",
        rf"(?:(?P<mod>{BOUND_MODIFIER})\s+)?(?:(?P<det>(?i:the))\s+(?=(?i:past|last|next|first|coming|previous|following|latest|final"
        rf"|remaining|initial|ensuing|same|succeeding|preceding|recent|second)\s|(?i:nine|six|three)"
        rf"\s+months))?(?:(?P<rel>(?i:past|last"
        rf"|next|first|coming|previous|following|latest|final|remaining|initial|ensuing|same"
        rf"|succeeding|preceding|recent|second))\s+)?(?P<num>{NUM})[\s-]+(?:(?i:more|additional"
        rf"|straight|consecutive|full|trading|business|calendar|long)\s+)?(?P<unit>{UNIT})s?\b(?!-)"
        rf"(?:\s+(?i:or\s+so|or\s+more|or\s+longer))?",
    ),
    (
        "duration_single",
        r"(?P<det>(?i:the))\s+(?P<rel>(?i:past|last|next|coming|previous|following))\s+"
        r"(?P<unit>(?i:year|month|decade|century))\b",
    ),
    ("vague_duration", rf"(?P<rel>(?i:recent|coming|the\s+coming|past))\s+(?P<unit>{UNIT})s\b"),
    ("units_ahead", rf"(?:(?i:the)\s+)?(?P<unit>{UNIT})s\s+(?i:ahead)\b"),
    (
        "bare_units",
        r"(?:(?<=\b[Ff]or\s)|(?<=within\s)|(?<=\bin\s))"
        r"(?P<unit>(?i:years|months|weeks|days|decades|hours))\b",
    ),
    (
        "quarter",
        rf"(?:(?P<det>(?i:the|this\s+year's|last\s+year's|next\s+year's|the\s+year-earlier"
        rf"|the\s+year-ago))\s+(?!\w+-quarter))?(?:(?i:fiscal)[\s-]+)?(?P<ord>(?i:first|second|third|fourth"
        rf"|1st|2nd|3rd|4th))[\s-]+(?:(?i:fiscal)\s+)?(?i:quarter)(?!ly)(?P<plural>s)?"
        rf"(?:\s+(?:of\s+)?(?:(?i:fiscal)\s+)?(?P<year>{YEAR4}))?\b",
    ),
    (
        "half",
        rf"(?P<det>(?i:the))\s+(?P<ord>(?i:first|second|last))\s+half\s+of\s+(?P<year>{YEAR4})\b",
    ),
    (
        "quarter_ref",
        r"(?:(?P<det>(?i:the|its|this))\s+)?(?P<which>(?i:latest|current|same|comparable"
        r"|year-earlier|year-ago|previous|prior|fiscal|most\s+recent|comparable\s+year-ago"
        r"|comparable\s+year-earlier|year-earlier\s+third|year-ago\s+third))?"
        r"(?:\s+|^|(?<=\s))?(?P<noun>(?i:quarter|period))\b(?!ly)",
    ),
    ("year_ago_adj", r"(?P<word>(?i:year-earlier|year-ago))"),
    ("year_end", r"(?i:year-end|year\s+end|year's\s+end|the\s+end\s+of\s+the\s+year)\b(?!ed|ing)"),
    (
        "year_ended",
        r"(?i:the\s+(?:fiscal\s+)?(?P<unit>year|quarter))(?=\s+(?:ended|ending|that\s+ended)\b)",
    ),
    (
        "the_year",
        r"(?P<det>(?i:the\s+full|the\s+current|the))\s+(?P<fiscal>(?i:fiscal)\s+)?"
        r"(?P<unit>(?i:year|week|weekend))\b(?!-)(?!\s+(?:ended|ending|before|after|earlier|ago)\b)",
    ),
    (
        "year",
        rf"(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|FY)\s*))?(?<![\d,.$#])(?:(?<=\d{{4}}[-–])|(?<!\d-))"
        rf"(?P<year>{YEAR4})(?![\d%]|,\d|\.\d|[-–](?!{YEAR4}\b)\d)"
        rf"(?:\s+(?P<noun>(?i:period|fiscal\s+year|first\s+half|second\s+half))\b)?",
    ),
    ("year_the", rf"(?i:the)\s+(?P<year>{YEAR4})\s+(?P<noun>(?i:period|fiscal\s+year))\b"),
    (
        "spelled_year",
        rf"(?:(?P<mon>{MONTH_FULL})\s+)?(?:(?P<the>(?i:the\s+year))\s+)?(?:(?i:nineteen)[\s-]+"
        rf"(?P<tens>(?i:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))"
        rf"(?:[\s-]+(?P<ones>(?i:one|two|three|four|five|six|seven|eight|nine)))?"
        rf"|(?P<millennium>(?i:two\s+thousand))(?:\s+(?i:and\s+)?(?P<ones2>(?i:one|two|three|four"
        rf"|five|six|seven|eight|nine)))?)\b",
    ),
    (
        "year_quarter",
        rf"(?i:the)\s+(?P<year>{YEAR4})\s+(?:(?P<ord>(?i:first|second|third|fourth))[\s-]+)?"
        rf"(?i:quarter|period)\b",
    ),
    (
        "decade",
        r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|late|mid))[\s-]+)?(?:(?P<dec>(?:1[5-9]|20)\d)0"
        r"|['’](?P<short>\d)0)['’]?s\b",
    ),
    (
        "decade_word",
        r"(?i:the)\s+(?:(?P<mod>(?i:early|late|mid))[\s-]+)?(?P<word>(?i:twenties|thirties|forties"
        r"|fifties|sixties|seventies|eighties|nineties))\b",
    ),
    ("century", r"(?:(?i:the|this|last|next)\s+)?(?P<ord>\d{1,2})(?:st|nd|rd|th)\s+(?i:century)"),
    ("this_century", r"(?P<rel>(?i:this|last|next))\s+(?i:century)"),
    # a word-start test goes before these: a leading \b would be the same
    ("reference", rf"(?i:{REFERENCE})\b"),
    ("set_word", rf"(?i:{'|'.join(SET_WORDS)})\b"),
    (
        "set_every",
        rf"(?P<q>(?i:every|each|per))\s+(?:(?P<num>{NUM_WORD}|\d+)\s+)?(?P<unit>{UNIT}|{WEEKDAY}"
        rf"|{MONTH_FULL})s?\b(?:\s+(?P<part>{PART}))?",
    ),
    (
        "clock",
        rf"(?P<h>1[0-2]|0?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>{AMPM})"
        rf"(?:\s+(?P<zone>{ZONE}))?(?:,?\s+(?P<wd>{WEEKDAY}|(?i:today|yesterday|tomorrow)))?"
        rf"(?:,?\s+(?P<mon>{MONTH})\s+(?P<day>{DAY_NUM})\b)?",
    ),
    (
        "clock_24",
        rf"(?P<h>\d(?<!\w\d)(?:(?<=[01])\d|(?<=2)[0-3])?):(?P<mi>[0-5]\d)\s+(?P<zone>{ZONE})",
    ),
    ("block_high_noon", r"\b[Hh]igh\s+[Nn]oon\b"),
    (
        "noon",
        rf"(?P<word>(?i:noon|midnight|midday))"
        rf"(?:\s+(?P<wd>{WEEKDAY}|(?i:today|yesterday|tomorrow)))?",
    ),
    (
        "day_of_month",
        # "on the 10th that ...": a date a statement was made; "the 10th that year" is not
        r"[Tt](?<!\w[Tt])he\s+(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)\b"
        r"(?:(?=\s*(?:[,.;:)]|$|\s+of\b))|(?<=\bon\s[Tt]he\s\d\d\w\w)(?=\s+that\b)"
        r"|(?<=\bon\s[Tt]he\s\d\w\w)(?=\s+that\b))",
    ),
    (
        "holiday",
        rf"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<name>{'|'.join(h.title() for h in HOLIDAYS)}"
        r"|Thanksgiving(?:\s+Day)?|Election\s+Day|Easter)\b",
    ),
]


_UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "centur")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_HOLIDAY_WORDS = (
    "christmas",
    "new year",
    "independence",
    "halloween",
    "valentine",
    "thanksgiving",
    "election",
    "easter",
)
#: how a trigger word may end, after its literal text: at the end of a word, after more letters
#: and then at the end of a word, or anywhere
WORD_TAILS = (r"[a-z]*\b", r"\b", "")
MONTH_WORD = tuple(rf"{m}[a-z]*\b" for m in _MONTHS)
#: a run of digits: the trigger of rules every match of which holds one (the merged windows
#: around a run are those around its digits); not "\d+", for which re does not scan fast
DIGITS = r"\d\d*"
#: "a.m", "p m", "pm" ([ap]\.?\s?m\b), found by the "m" they end in, which re scans for fast; the
#: group that matched starts the span (no two spans overlap, so these are finditer's spans)
AMPM_END = r"m\b(?:(?<=([ap])m)|(?<=([ap])\.m)|(?<=([ap])\sm)|(?<=([ap])\.\sm))"
#: cheap words one of which every match of the rule contains, searched in the ASCII-lower-cased
#: text: the rule's own pattern is only tried in a window around them. A tuple holds plain
#: words (see _Occurrences), each ending in one of WORD_TAILS, and finds what the regular
#: expression of their alternation would (the first word that fits wins at a place); a string is
#: a regex, whose span starts at its matched group when it has groups
TRIGGERS: dict[str, str | tuple[str, ...]] = {
    **dict.fromkeys(
        # every match of these holds a digit: they are tried only near digits
        (
            "block_money",
            "block_percent",
            "block_quantity",
            "block_number",
            "block_fraction",
            "date_iso",
            "date_numeric",
            "date_other_numeric",
            "year",
            "year_the",
            "year_quarter",
            "clock_24",
            "day_of_month",
        ),
        DIGITS,
    ),
    "block_age": (r"old\b",),
    "date_month_day": MONTH_WORD,
    "date_day_month": MONTH_WORD,
    "month_year": MONTH_WORD,
    "month_rel_year": MONTH_WORD,
    "month": MONTH_WORD,
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "relative_day": ("yesterday", "today", "tomorrow", "tonight", "overnight"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "mid_part": r"mid[-\s]?(?:afternoon|morning)",
    "in_the_day": ("the day",),
    "anchored_day": (r"day\b",),
    "year_ended": ("year", "quarter"),
    "spelled_year": ("nineteen", "two thousand"),
    "the_year": ("year", "week"),
    "relative_unit": ("week", "month", "year", "quarter", "decade", "century", "period"),
    "season": ("spring", "summer", r"fall\b", "autumn", "winter"),
    "ago": _UNITS,
    "reference": (
        "now",
        "current",
        "recent",
        "future",
        "soon",
        "past",
        "present",
        "these",
        "lately",
        "near",
        "short",
        "coming",
        "later",
    ),
    "block_fraction_word": ("quarter",),
    "block_rate": _UNITS,
    "block_rate_word": _UNITS,
    "block_possessive": tuple(
        rf"{w}{q}s\b" for w in ("today", "tomorrow", "yesterday") for q in "'’"
    ),
    "block_second": ("second",),
    "set_word": (r"ly\b",),
    "year_ago_adj": ("-earlier", "-ago"),
    "year_end": (r"end\b",),
    "vague_ago": _UNITS,
    "duration": _UNITS,
    "duration_single": _UNITS,
    "vague_duration": _UNITS,
    "bare_units": tuple(rf"{u}s\b" for u in ("year", "month", "week", "day", "decade", "hour")),
    "quarter": ("quarter",),
    "half": (r"half\b",),
    "quarter_ref": ("quarter", "period"),
    "decade": (r"0's\b", r"0’s\b", r"0s\b"),
    "decade_word": (r"ties\b",),
    "units_ahead": (r"ahead\b",),
    "century": ("century",),
    "this_century": ("century",),
    "set_every": (r"every\b", r"each\b", r"per\b"),
    "clock": AMPM_END,
    "noon": ("noon", "midnight", "midday"),
    "holiday": _HOLIDAY_WORDS,
}
#: lower-cases ASCII letters only, so offsets into the lowered text stay those of the text
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
TRIGGER_WINDOW = (50, 40)  # characters searched before and after a trigger
#: substrings of the lower-cased text without which a rule cannot match (rules absent: always run)
NEEDLES: dict[str, tuple[str, ...]] = {
    "block_money": ("$", "€", "£", "¥"),
    "block_percent": ("%", "percent", "per cent", "percentage"),
    "block_age": ("old",),
    "block_fraction_word": ("quarter",),
    "block_rate": _UNITS,
    "block_rate_word": _UNITS,
    "block_possessive": ("'s", "’s"),
    "block_second": ("second",),
    "block_high_noon": ("noon",),
    "date_numeric": ("/",),
    "date_other_numeric": ("/", ".", "-"),
    "date_month_day": _MONTHS,
    "date_day_month": _MONTHS,
    "month_year": _MONTHS,
    "month_rel_year": _MONTHS,
    "month": _MONTHS,
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "relative_day": ("yesterday", "today", "tomorrow", "tonight"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "mid_part": ("mid",),
    "in_the_day": ("in the day",),
    "anchored_day": ("day",),
    "relative_unit": ("week", "month", "year", "quarter", "decade", "century", "period"),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "ago": _UNITS,
    "vague_ago": _UNITS,
    "duration": _UNITS,
    "duration_single": ("year", "month", "decade", "century"),
    "vague_duration": _UNITS,
    "bare_units": ("years", "months", "weeks", "days", "decades", "hours"),
    "quarter": ("quarter",),
    "half": ("half",),
    "quarter_ref": ("quarter", "period"),
    "year_ago_adj": ("-earlier", "-ago"),
    "year_end": ("end",),
    "year_ended": ("year", "quarter"),
    "the_year": ("year", "week"),
    "year_the": ("the 1", "the 2"),
    "year_quarter": ("the 1", "the 2"),
    "spelled_year": ("nineteen", "two thousand"),
    "decade": ("0s", "0's", "0’s"),
    "decade_word": ("ties",),
    "units_ahead": ("ahead",),
    "century": ("century",),
    "this_century": ("century",),
    "set_word": ("ly",),
    "set_every": ("every", "each", "per "),
    "clock": ("a.m", "p.m", "am", "pm"),
    "clock_24": (":",),
    "noon": ("noon", "midnight", "midday"),
    "holiday": _HOLIDAY_WORDS,
}
#: patterns that already start with a character class re can scan for quickly
FAST_STARTS = ("[$", r"\d")
#: patterns that take a first character (in a group, maybe) and then test for a word before it
OWN_WORD_START = re.compile(r"(?:\(\?P<\w+>)?(?:\[[^\]]+\]|\\d)\(\?<!\\w")

GROUP_HEAD = re.compile(r"\(\?(?:P<\w+>|<[=!]|[:=!]|i:)")


def _either_case(pattern: str) -> str:
    """Return pattern with each (?i:...) group rewritten so words match in either initial case.

    Python's re is several times faster on case-sensitive alternations, and news capitalises a
    cue word only at its first letter (sentence starts, headlines), so "[Ll]ast" suffices.
    """
    out: list[str] = []
    depth = 0  # nesting depth inside a (?i:...) group, 0 outside
    prev = ""
    k = 0
    while k < len(pattern):
        c = pattern[k]
        if c == "\\":
            out.append(pattern[k : k + 2])
            prev, k = "\\", k + 2
            continue
        if c == "(" and pattern.startswith("(?", k):
            head = GROUP_HEAD.match(pattern, k)
            assert head, pattern[k : k + 10]
            if head.group() == "(?i:":
                out.append("(?:")
                depth = max(depth, 0) + 1
            else:
                out.append(head.group())
                depth += 1 if depth else 0
            prev, k = ":", head.end()
            continue
        if c == "(":
            depth += 1 if depth else 0
        elif c == ")" and depth:
            depth -= 1
        if depth and c.isalpha() and not prev.isalpha() and prev != "\\":
            out.append(f"[{c.upper()}{c.lower()}]")
        else:
            out.append(c)
        prev, k = c, k + 1
    return "".join(out)


#: a trigger's words, each as its literal text and the pattern its tail must match (None: any)
Words = tuple[tuple[str, re.Pattern[str] | None], ...]
Trigger = re.Pattern[str] | Words


def _word(spec: str) -> tuple[str, re.Pattern[str] | None]:
    """Return a trigger word's literal text and the compiled pattern of its tail."""
    tail = next(t for t in WORD_TAILS if spec.endswith(t))
    word = spec[: len(spec) - len(tail)]
    assert word and not re.search(r"[\\\[\](){}|?*+^$.]", word), spec
    return word, re.compile(tail) if tail else None


def _trigger(spec: str | tuple[str, ...]) -> Trigger:
    """Return a trigger compiled: its regex, or its words."""
    return re.compile(spec) if isinstance(spec, str) else tuple(map(_word, spec))


WORD_START = r"(?<!\w)"
#: a character class or a letter or digit: the first character of an alternative, if hoisted
FIRST_CHAR = re.compile(r"\[[^\]\\^][^\]\\]*\]|[A-Za-z0-9]")


def _atom_end(pattern: str, k: int) -> int:
    """Return where the escape, character class or character at pattern[k] ends."""
    if pattern[k] == "\\":
        return k + 2
    if pattern[k] != "[":
        return k + 1
    k += 1
    while pattern[k] != "]" or pattern[k - 1] == "[":
        k += 2 if pattern[k] == "\\" else 1
    return k + 1


def _alternatives(pattern: str, start: int, end: int) -> list[str]:
    """Return the top-level alternatives of pattern[start:end]."""
    found, depth, k, last = [], 0, start, start
    while k < end:
        c = pattern[k]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            found.append(pattern[last:k])
            last = k + 1
        k = _atom_end(pattern, k) if c in "\\[" else k + 1
    found.append(pattern[last:end])
    return found


def _group_end(pattern: str, k: int) -> int:
    """Return where the group opening at pattern[k] ends."""
    depth = 0
    while True:
        c = pattern[k]
        depth += (c == "(") - (c == ")")
        if c == ")" and depth == 0:
            return k + 1
        k = _atom_end(pattern, k) if c in "\\[" else k + 1


def _after_first(alternative: str) -> tuple[str, str] | None:
    """Return the first characters an alternative can start with, and the alternative after one.

    The rest tests with a look-behind that the character taken is its own ("(?<=[Tt])oday");
    None when the alternative starts with anything but a character or a group of such.
    """
    first = FIRST_CHAR.match(alternative)
    if first and alternative[first.end() : first.end() + 1] not in ("?", "*", "+", "{"):
        chars = first.group().strip("[]")
        return chars, f"(?<={first.group()}){alternative[first.end() :]}"
    if not alternative.startswith("(?:"):
        return None
    end = _group_end(alternative, 0)
    if alternative[end : end + 1] in ("?", "*", "+", "{"):
        return None
    hoisted = [_after_first(a) for a in _alternatives(alternative, 3, end - 1)]
    if None in hoisted:
        return None
    chars = "".join(dict.fromkeys(c for c, _ in hoisted))  # type: ignore[misc]
    return chars, f"(?:{'|'.join(a for _, a in hoisted)}){alternative[end:]}"  # type: ignore[misc]


def _scannable(pattern: str) -> str:
    """Return a pattern led by a word-start test with its first character taken before the test.

    re scans fast for a first character from a set, but not past a leading look-behind, so
    "(?<!\\w)(?:[Tt]oday|[Nn]ow)\\b" becomes "[TtNn](?<!\\w[TtNn])(?:(?<=[Tt])oday|(?<=[Nn])ow)\\b",
    which matches the same; patterns of any other shape come back as they are.
    """
    if not pattern.startswith(WORD_START) or len(_alternatives(pattern, 0, len(pattern))) > 1:
        return pattern
    rest = pattern[len(WORD_START) :]
    name = re.match(r"\(\?P<\w+>", rest)
    if name:  # the group must start where the match does: take the character inside it
        end = _group_end(rest, 0)
        hoisted = _after_first(f"(?:{rest[name.end() : end - 1]})")
        if hoisted is None:
            return pattern
        chars, body = hoisted
        return f"{name.group()}[{chars}](?<!\\w[{chars}]){body}){rest[end:]}"
    hoisted = _after_first(rest)
    if hoisted is None:
        return pattern
    chars, body = hoisted
    return f"[{chars}](?<!\\w[{chars}]){body}"


QUANTIFIERS = ("?", "*", "+", "{")


def _factor(alternation: str) -> str:
    """Return an alternation with the alternatives that start alike factored, when that is safe.

    "[Tt]wo|[Tt]en|[Ss]ix" becomes "[Tt](?:wo|en)|[Ss]ix": re tests the shared first character
    once. Alternatives are only moved past others that cannot match where they do (first
    characters disjoint), so the alternative that matches first is still the one that did.
    """
    run: list[str] = []  # alternatives starting with a character, since the last that does not
    out: list[str] = []
    for alternative in _alternatives(alternation, 0, len(alternation)):
        first = FIRST_CHAR.match(alternative)
        if first and "-" not in first.group() and alternative[first.end() :][:1] not in QUANTIFIERS:
            run.append(alternative)
            continue
        out += _factor_run(run) + [alternative]
        run = []
    return "|".join(out + _factor_run(run))


def _factor_run(alternatives: list[str]) -> list[str]:
    """Return alternatives that each start with a character, factored if their firsts allow."""
    tails: dict[str, list[str]] = {}
    for alternative in alternatives:
        first = FIRST_CHAR.match(alternative).group()  # type: ignore[union-attr]
        tails.setdefault(first, []).append(alternative[len(first) :])
    chars = [set(first.strip("[]")) for first in tails]
    if len(tails) == len(alternatives) or sum(map(len, chars)) != len(set().union(*chars)):
        return alternatives
    return [
        first + (f"(?:{_factor('|'.join(rest))})" if len(rest) > 1 else rest[0])
        for first, rest in tails.items()
    ]


def _factored(pattern: str) -> str:
    """Return pattern with the alternatives of each of its groups factored (see _factor)."""
    out = []
    k = 0
    while k < len(pattern):
        head = re.match(r"\(\?:|\(\?P<\w+>", pattern[k : k + 40])
        if head:
            end = _group_end(pattern, k)
            body = _factored(pattern[k + head.end() : end - 1])
            out.append(f"{head.group()}{_factor(body)})")
            k = end
            continue
        step = _atom_end(pattern, k)
        out.append(pattern[k:step])
        k = step
    return "".join(out)


#: zero-width groups, passed over in looking for what a match starts with
ASSERTIONS = ("(?=", "(?!", "(?<=", "(?<!")
GROUP_OPEN = re.compile(r"\(\?:|\(\?P<\w+>")


def _firsts(pattern: str, start: int, end: int) -> tuple[list[str], bool] | None:
    """Return what a match of pattern[start:end] can start with, and whether it can be empty.

    What it starts with is a list of the insides of character classes; None when the pattern
    starts with what this does not follow ("." or "[^...]").
    """
    bodies: list[str] = []
    empty = False
    for alternative in _alternatives(pattern, start, end):
        found = _sequence_firsts(alternative)
        if found is None:
            return None
        bodies += found[0]
        empty = empty or found[1]
    return bodies, empty


def _sequence_firsts(pattern: str) -> tuple[list[str], bool] | None:
    """Return _firsts of a pattern without alternatives at its top level."""
    bodies: list[str] = []
    k = 0
    while k < len(pattern):
        if pattern.startswith(ASSERTIONS, k) or pattern.startswith((r"\b", r"\B", "^", "$"), k):
            k = _group_end(pattern, k) if pattern[k] == "(" else k + 1 + (pattern[k] == "\\")
            continue
        head = GROUP_OPEN.match(pattern, k)
        if head:
            end = _group_end(pattern, k)
            inner = _firsts(pattern, head.end(), end - 1)
            if inner is None:
                return None
            found, empty = inner
        elif pattern[k] in "(." or pattern.startswith("[^", k):
            return None
        else:
            end = _atom_end(pattern, k)
            atom = pattern[k:end]
            body = atom[1:-1] if atom[0] == "[" else atom if atom[0] == "\\" else re.escape(atom)
            found, empty = [body], False
        bodies += found
        k, optional = _past_quantifier(pattern, end)
        if not (empty or optional):
            return bodies, False
    return bodies, True


def _past_quantifier(pattern: str, k: int) -> tuple[int, bool]:
    """Return where the quantifier (if any) at pattern[k] ends, and whether it allows none."""
    if pattern[k : k + 1] in ("?", "*", "+"):
        optional, k = pattern[k] != "+", k + 1
    elif pattern[k : k + 1] == "{":
        optional, k = pattern.startswith(("{0", "{,"), k), pattern.index("}", k) + 1
    else:
        return k, False
    return k + (pattern[k : k + 1] in ("?", "+")), optional  # lazy or possessive


def _guarded(pattern: str) -> str:
    """Return a pattern led by a word-start test, led by a look-ahead for what a match starts with.

    A word that cannot start a match ("said", for a date) then fails at once, not after every
    alternative of the pattern's optional lead ("(?:(?P<rel>last|next|...)\\s+)?"), and so does
    any other place the look-ahead rules out, before the costlier look-behind.
    """
    if not pattern.startswith(WORD_START):
        return pattern
    firsts = _firsts(pattern, len(WORD_START), len(pattern))
    if firsts is None or firsts[1]:
        return pattern
    return f"(?=[{''.join(dict.fromkeys(firsts[0]))}])" + pattern


def _rule_pattern(pattern: str) -> str:
    """Return a rule's pattern as compiled: led by a word-start test, in either case, factored."""
    lead = "" if pattern.startswith(FAST_STARTS) or OWN_WORD_START.match(pattern) else WORD_START
    return _guarded(_scannable(_factored(lead + _either_case(pattern))))


DIGIT_TRIGGER = re.compile(DIGITS)
RULES: list[tuple[str, re.Pattern[str], Trigger | None, tuple[str, ...]]] = [
    (
        n,
        re.compile(_rule_pattern(p)),
        _trigger(TRIGGERS[n]) if n in TRIGGERS else None,
        NEEDLES.get(n, ()),
    )
    for n, p in RULE_PATTERNS
]

#: modifiers kept inside a date's span ("early next year", "the end of 1990")
PREFIX = re.compile(
    _either_case(
        r"(?i:\b(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
        r"|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+last\s+half\s+of|earlier|later"
        r"|around|the\s+end\s+of\s+this|sometime|some\s+time)[\s-]+)$"
    )
)
# the cues (all lower-case) factored: re tests each first letter once
FUTURE = re.compile(rf"\b(?:{_factor(FUTURE_CUES)})\b", re.IGNORECASE)
#: what a period ends no clause after ("Nov.", "Mr.", "U.S."): a capital, or an abbreviation
NO_CLAUSE_BEFORE_PERIOD = (
    r"[A-Z]",
    *(rf"\b{a}" for a in ("Mr", "Ms", "Dr", "St", "Jr", "Co", "No")),
    *("Mrs", "Inc", "Ltd", "Corp", "Gov", "Sen", "Rep", "Gen"),
    *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"),
)
#: the end of a sentence or clause: not the period of "Nov.", "Mr.", "U.S." or "9.5"; the stop
#: comes first, so that re scans for it quickly, and the look-behinds hold the period
CLAUSE_END = re.compile(
    r"[;!?\n.](?:(?<=[;!?\n])|"
    + "".join(rf"(?<!{a}\.)" for a in NO_CLAUSE_BEFORE_PERIOD)
    + r"[\"'`’”]*(?=\s+[\"'`(A-Z]|\s*$))"
)
#: how far back a clause boundary is looked for
CLAUSE_REACH = 300
#: how far before a date a future cue still governs it ("will depart for Hawaii on November 30")
CUE_REACH = 60
MAY_CUES = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|through|during|before|after|of|last|next|this|early"
    r"|late|mid|to|and|or|between|end\s+of)[\s-]+)$"
)
#: what follows "annually" when it is an adverb of frequency, not an adjective ("annual report")
SET_ADVERB_AFTER = re.compile(
    r"\s*(?:[.,;:)\"'']|$|(?:and|or|in|at|for|to|from|by|since|until|on|with|through|the|a|an)\b)"
)
#: modifiers of "N units ago" that make it a bound, not a point ("over a year ago")
UPPER_BOUND_MODIFIERS = re.compile(r"over|more\s+than|well\s+over|a\s+little\s+over")
#: nouns of scheduled events a bare date can qualify ("the November 3 election", "the Jan. 14
#: deadline"): such a date is the coming one when that is near
SCHEDULED_AFTER = re.compile(
    rf"\)?\s+(?:presidential\s+|general\s+|special\s+|return\s+)?"
    rf"(?:{'|'.join(SCHEDULED_EVENTS)})\b"
)
SCHEDULED_DAYS = 183
SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[\"“]\s*)$")
DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}
#: "March on Washington", "march to the sea": the verb, not the month
MARCH_VERB = re.compile(r"\s+(?:on|to|for|through|against)\b")
#: what lets a bare "the year" be the publication year ("the year to date", "for the year.")
YEAR_SO_FAR = re.compile(r"\s+(?:to\s+date|so\s+far)|[.,;]")
YEAR_AFTER = re.compile(r"(?i)\b(?:for|of|in|during|through)\s+$")
#: a preposition right before a date that points forward ("by Dec. 15", "until Nov. 6")
AHEAD_BEFORE = re.compile(r"\b(?:by|until|till)\s+(?:early\s+|late\s+|mid-?\s*)?$")
#: verbs that place a clause in the past (or report it), so its bare dates look back
PAST = re.compile(
    # the word boundary tested first, once, and the words factored: re fails fast inside words
    rf"\b(?:(?:{_factor('|'.join(PAST_WORDS))})\b"
    r"|(?<!\bbe\s)(?<!\bbeen\s)[a-z]{2,}ed\b)"  # regular past tense, not "to be published"
)
#: verbs that end the reach of an earlier future cue ("will ..., officials said Monday")
REPORTING = re.compile(rf"\b(?:{'|'.join(REPORTING_VERBS)})\b")
NEVER = 10**6
#: words by which a sentence sets a figure against an earlier period's ("compared with $3 million")
COMPARISON = re.compile(r"\b(?:compared|from|versus|than|against)\b")
#: how far (characters) a named quarter stays the topic for "a year earlier" (same paragraph)
QUARTER_REACH = 600
#: with no cue either way, a bare date this close ahead is read as the coming one
NEAR_FUTURE_DAYS = 75
NAME_AFTER = re.compile(rf"\s+(?:{'|'.join(NAME_NOUNS)})")

# ---------------------------------------------------------------- helpers on dates


@dataclass
class _Context:
    """What resolution needs: the publication date and what the text has set up so far."""

    published: date | None
    anchor: date | None = None
    quarter: str | None = None
    quarter_at: int = -NEVER  # where the text last named that quarter
    year: int | None = None  # the last year the text named ("in 1995"), for "that year"
    month: date | None = None  # the last month the text named, for "the following month"


Resolved = tuple[str, str, str] | None  # (type, value, anchor)


def _add_months(d: date, months: int) -> date:
    """Return d moved by a number of months, the day clipped to the month's length."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _week(d: date) -> str:
    """Return the ISO week value of a date (1998-W08)."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: date) -> str:
    """Return the quarter value of a date (1989-Q3)."""
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def _number(word: str) -> float | None:
    """Return the number a numeral or number word stands for, None for vague ones."""
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w in ("a couple of", "couple of"):
        return 2
    if w in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    m = re.fullmatch(r"(\d+) (\d)/(\d)", w)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    if re.search(r"\s(?:or|to)\s", w):
        return None
    m = re.fullmatch(r"(\w+)[ -](\w+)", w)
    if m and m.group(1) in NUMBER_WORDS and m.group(2) in NUMBER_WORDS and w not in NUMBER_WORDS:
        return NUMBER_WORDS[m.group(1)] + NUMBER_WORDS[m.group(2)]
    return NUMBER_WORDS.get(w)


def _fmt(n: float) -> str:
    """Return a number as TimeML writes it (3, not 3.0)."""
    return str(int(n)) if n == int(n) else str(n)


#: the next smaller unit, and how many of it make one, for "2 1/2 years" (P2Y6M), "5 1/2 hours"
FRACTION_UNITS: dict[str, tuple[str, int]] = {
    "year": ("M", 12),
    "month": ("D", 30),
    "week": ("D", 7),
    "day": ("H", 24),
    "hour": ("M", 60),
    "minute": ("S", 60),
}


def _duration(num: float | None, unit: str) -> str:
    """Return a TimeML duration value (P3D, PT5H, PXY)."""
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    letter = UNITS[unit]
    amount = "X" if num is None else _fmt(num)
    if letter == "WE":
        return f"P{amount}WE"
    if letter == "DE":
        return f"P{amount}DE" if num is None else f"P{_fmt(num * 10)}Y"
    if letter == "CE":
        return f"P{amount}CE" if num is None else f"P{_fmt(num * 100)}Y"
    if num is not None and num != int(num) and unit in FRACTION_UNITS:
        smaller, factor = FRACTION_UNITS[unit]
        whole, rest = int(num), _fmt(round((num - int(num)) * factor, 3))
        head = f"{whole}{letter}" if whole else ""
        if unit in CLOCK_UNITS:
            return f"PT{head}{rest}{smaller}"
        return f"P{head}T{rest}{smaller}" if unit == "day" else f"P{head}{rest}{smaller}"
    if unit in CLOCK_UNITS:
        return f"PT{amount}{letter}"
    return f"P{amount}{letter}"


def _looks_ahead(
    text: str, start: int, end: int, days_ahead: int = NEVER, deadline_first: bool = True
) -> bool:
    """Return whether an expression without a year or week points forward from publication.

    A future cue before it in its clause ("will depart ... on Saturday") or "by"/"until" right
    before it points forward; any past-tense or reporting verb in the clause points back; a clause
    with neither points to the nearer occurrence when the next one is close. A deadline ("by Jan.
    14") outweighs the clause's tense for dates, not for weekdays ("by Monday, officials had ...").
    """
    left, right = _clause(text, start, end)
    cues = list(FUTURE.finditer(text, max(left, start - CUE_REACH), start))
    if cues and not REPORTING.search(text, cues[-1].end(), start):
        return True
    deadline = bool(AHEAD_BEFORE.search(text, max(0, start - 16), start))
    if deadline and deadline_first:
        return True
    if PAST.search(text, left, start) or PAST.search(text, end, right):
        return False
    if deadline:
        return True
    return days_ahead <= NEAR_FUTURE_DAYS


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the start and end of the clause around a span."""
    left = max(0, start - CLAUSE_REACH)
    for boundary in CLAUSE_END.finditer(text, left, start):
        left = boundary.end()
    after = CLAUSE_END.search(text, end)
    return left, (after.start() if after else len(text))


def _weekday_date(base: date, weekday: int, ahead: bool) -> date:
    """Return the latest such weekday on or before base, or the next one after it."""
    if ahead:
        return base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def _month_date(base: date, month: int, ahead: bool) -> int:
    """Return the year of a month named without one: latest past occurrence, or next."""
    if ahead:
        return base.year if month >= base.month else base.year + 1
    return base.year if month <= base.month else base.year - 1


def _month_num(name: str) -> int:
    """Return the month number of a month name or abbreviation."""
    return MONTHS[name.lower().rstrip(".")]


def _day_num(s: str) -> int:
    """Return the day number of "30", "30th"."""
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _safe_date(y: int, m: int, d: int) -> date | None:
    """Return the date, or None when the day does not exist (Feb. 30)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


# ---------------------------------------------------------------- resolvers


def _md_value(
    ctx: _Context, text: str, s: int, e: int, month: int, day: int, year: str | None, wd: str | None
) -> Resolved:
    """Return a month and day, with the year given or the one the clause points to."""
    if year:
        d = _safe_date(int(year), month, day)
        return ("DATE", d.isoformat(), "") if d else None
    if _is_name(text, s, e):
        return "DATE", f"XXXX-{month:02d}-{day:02d}", ""
    base = ctx.published
    if base is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", ""
    nxt = _safe_date(base.year, month, day) or base
    if nxt <= base:
        nxt = _safe_date(base.year + 1, month, day) or nxt
    days_ahead = (nxt - base).days
    scheduled = SCHEDULED_AFTER.match(text, e) and days_ahead <= SCHEDULED_DAYS
    ahead = bool(scheduled) or _looks_ahead(text, s, e, days_ahead)
    y = _month_date(base, month, ahead)
    if not ahead and month == base.month and day > base.day:
        y -= 1
    if ahead and month == base.month and day < base.day:
        y += 1
    d = _safe_date(y, month, day)
    return ("DATE", d.isoformat(), base.isoformat()) if d else None


def _is_name(text: str, start: int, end: int) -> bool:
    """Return whether a date is part of a name ("the August 17 Communique"), not a story date."""
    return bool(NAME_AFTER.match(text, end)) and text[max(0, start - 4) : start].lower() == "the "


def _r_date_iso(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return an ISO date (2020-10-27) as written."""
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return ("DATE", d.isoformat(), "") if d else None


def _r_date_numeric(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return a US month-first numeric date (10/27/2020, 11/02/89)."""
    y = int(m["y"])
    if y < 100:
        y += 1900 if y > 30 else 2000
    d = _safe_date(y, int(m["m"]), int(m["d"]))
    return ("DATE", d.isoformat(), "") if d else None


def _r_date_other_numeric(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return a day-first or year-first numeric date (27.10.2020, 2020/10/27)."""
    parsed = _parse_absolute(m.group())
    return ("DATE", parsed, "") if parsed else None


@lru_cache(maxsize=512)
def _parse_absolute(phrase: str) -> str | None:
    """Return the ISO day of an absolute numeric date in a less common layout (27.10.2020).

    Rare enough that dateparser, imported only here, is worth its cost; day-first as in most of
    the world outside the US (the US month-first layout has its own rule).
    """
    from dateparser.date import DateDataParser

    data = DateDataParser(languages=["en"], settings=DATEPARSER_SETTINGS).get_date_data(phrase)
    if data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date().isoformat()


def _r_month_day(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "Nov. 9", "October 27, 2020", "9 November"."""
    return _md_value(ctx, text, s, e, _month_num(m["mon"]), _day_num(m["day"]), m["year"], m["wd"])


def _r_month_year(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "January 2017" as a month."""
    return "DATE", f"{m['year']}-{_month_num(m['mon']):02d}", ""


def _r_month_rel_year(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "June last year" as a month."""
    if ctx.published is None:
        return "DATE", f"XXXX-{_month_num(m['mon']):02d}", ""
    y = ctx.published.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return "DATE", f"{y}-{_month_num(m['mon']):02d}", ctx.published.isoformat()


def _r_month(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return a month named without a year: its latest occurrence, or the coming one."""
    mon = m["mon"]
    rel = (m["rel"] or "").lower().split()
    month_cue = bool(MAY_CUES.search(text, max(0, s - 12), s))
    if mon == "May" and not rel and not month_cue:
        return None
    if mon == "March" and not rel and MARCH_VERB.match(text, e) and not month_cue:
        return None
    month = _month_num(mon)
    base = ctx.published
    if base is None:
        return "DATE", f"XXXX-{month:02d}", ""
    last = rel[-1] if rel else ""
    if last in ("last", "past", "previous"):
        y = base.year if month < base.month else base.year - 1
    elif last in ("next", "coming"):
        y = base.year if month > base.month else base.year + 1
    elif last == "this":
        y = base.year
    else:
        months_ahead = (month - base.month) % 12 or 12
        ahead = _looks_ahead(text, s, e, 30 * months_ahead - base.day)
        y = _month_date(base, month, ahead)
    return "DATE", f"{y}-{month:02d}", base.isoformat()


def _r_weekday(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return a weekday: the latest such day, or the next one when the clause looks ahead."""
    wd = WEEKDAYS[m["wd"].lower()]
    part = PARTS_OF_DAY.get((m["part"] or "").lower(), "")
    if m["mon"]:
        r = _md_value(ctx, text, s, e, _month_num(m["mon"]), _day_num(m["day"]), m["year"], m["wd"])
        return r
    base = ctx.published
    if base is None:
        return ("TIME" if part else "DATE"), f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""), ""
    rel = (m["rel"] or "").lower().split()
    last = rel[-1] if rel else ""
    if rel[:1] == ["the"] and ctx.anchor and last in ("previous", "preceding", "following", "next"):
        # "the previous Friday" counts from the day the text is telling of
        base = ctx.anchor
    if last in ("last", "past", "previous", "preceding"):
        d = _weekday_date(base - timedelta(days=1), wd, False)
    elif last in ("next", "coming", "following"):
        d = _weekday_date(base, wd, True)
    elif text.startswith(("'s", "’s"), e):
        d = _weekday_date(base, wd, False)  # "Wednesday's ruling": news tells of a past day
    else:
        d = _weekday_date(base, wd, _looks_ahead(text, s, e, deadline_first=False))
    if part:
        return "TIME", f"{d.isoformat()}T{part}", base.isoformat()
    return "DATE", d.isoformat(), base.isoformat()


def _r_relative_day(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return yesterday, today, tomorrow, tonight (with a part of the day)."""
    word = m["word"].lower()
    part = PARTS_OF_DAY.get((m["part"] or "").lower(), "")
    if word == "tonight":
        part = "NI"
    if word == "overnight":
        part = "NI"
    base = ctx.published
    if base is None:
        return ("TIME" if part else "DATE"), "XXXX-XX-XX" + (f"T{part}" if part else ""), ""
    d = base + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    if word == "overnight":
        d = base - timedelta(days=1)
    if part:
        return "TIME", f"{d.isoformat()}T{part}", base.isoformat()
    return "DATE", d.isoformat(), base.isoformat()


def _r_part_of_day(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "this morning", "last night", "the next morning" as a TIME."""
    rel = m["rel"].lower().split()
    part = PARTS_OF_DAY[m["part"].lower()]
    told = rel[0] in ("that", "the")
    base = ctx.anchor if told and ctx.anchor else ctx.published
    if base is None:
        return "TIME", f"XXXX-XX-XXT{part}", ""
    shift = {"last": -1, "next": 1, "following": 1}.get(rel[-1], 0)
    return "TIME", f"{(base + timedelta(days=shift)).isoformat()}T{part}", base.isoformat()


def _r_mid_part(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "mid-afternoon yesterday" as a TIME."""
    d, anchor = _clock_day(m, text, s, e, ctx)
    day = d.isoformat() if d else "XXXX-XX-XX"
    return "TIME", f"{day}T{PARTS_OF_DAY[m['part'].lower()]}", anchor


def _r_in_the_day(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the day" of "later in the day": the day the text tells of."""
    base = ctx.anchor or ctx.published
    return "DATE", base.isoformat() if base else "XXXX-XX-XX", base.isoformat() if base else ""


def _r_anchored_day(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the next day", "that day" against the day the text set up."""
    base = ctx.anchor or ctx.published
    if base is None:
        return "DATE", "XXXX-XX-XX", ""
    rel = (m["rel"] or "").lower().split()
    after = m["after"]
    shift = 1 if (rel and rel[-1] in ("next", "following")) or after == "after" else 0
    if (rel and rel[-1] in ("previous", "preceding")) or after == "before":
        shift = -1
    return "DATE", (base + timedelta(days=shift)).isoformat(), base.isoformat()


def _unit_value(base: date, unit: str, shift: int) -> str:
    """Return the value of the calendar unit containing base, moved by shift units."""
    if unit == "week":
        return _week(base + timedelta(weeks=shift))
    if unit == "weekend":
        return _week(base + timedelta(weeks=shift)) + "-WE"
    if unit == "month":
        return _add_months(base, shift).strftime("%Y-%m")
    if unit == "quarter":
        return _quarter(_add_months(base, 3 * shift))
    if unit == "decade":
        return f"{base.year // 10 + shift}"
    if unit == "century":
        return f"{base.year // 100 + shift}"
    return str(base.year + shift)


def _r_relative_unit(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "last week", "this year", "the latest quarter", "that year"."""
    rel = m["rel"].lower().split()
    unit = m["unit"].lower()
    last = rel[-1]
    if m["unit"][0].isupper() and m["rel"][0].isupper():
        return None
    if unit == "period" and last not in ("same", "latest", "current"):
        return None
    if last == "same" or (unit == "period"):
        if ctx.quarter:
            return "DATE", ctx.quarter, ""
        return None
    if rel[0] == "the" and last in ("previous", "preceding", "prior", "following"):
        return _told_unit(ctx, unit, 1 if last == "following" else -1)
    if (
        rel[0] == "the"
        and last in ("past", "last", "next", "coming")
        and unit in ("year", "decade", "century", "month")
    ):
        return "DURATION", _duration(1, unit), ""
    if last == "that":
        if unit == "year" and ctx.year is not None:
            return "DATE", str(ctx.year), ""
        if unit == "month" and ctx.month is not None:
            return "DATE", ctx.month.strftime("%Y-%m"), ""
        base = ctx.anchor or ctx.published
        if base is None:
            return None
        return "DATE", _unit_value(base, unit, 0), base.isoformat()
    base = ctx.published
    if base is None:
        xs = {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX")
        if last in ("this", "current", "present"):
            return "DATE", "PRESENT_REF" if unit in ("decade", "century") else xs, ""
        return "DATE", xs, ""
    shift = 0
    if last in ("last", "past", "previous", "preceding", "prior"):
        shift = -1
    elif last in ("next", "coming", "following"):
        shift = 1
    if unit == "quarter" and last in ("latest",):
        return "DATE", _quarter(_add_months(base, -3)), base.isoformat()
    if unit == "year" and m["fiscal"] and last in ("current", "this"):
        shift = 0
    value = _unit_value(base, unit, shift)
    if unit == "year" and last == "last" and _compares_quarter(text, s, ctx):
        return "DATE", f"{int(ctx.quarter[:4]) - 1}{ctx.quarter[4:]}", base.isoformat()  # type: ignore[index]
    if unit == "year" and ctx.quarter and last in ("last",) and re.match(r"'s\s", text[e : e + 3]):
        value = str(base.year - 1)
    return "DATE", value, base.isoformat()


def _compares_quarter(text: str, start: int, ctx: _Context) -> bool:
    """Return whether "last year" compares a result with the quarter the paragraph is about."""
    if not ctx.quarter or start - ctx.quarter_at >= QUARTER_REACH or "Q" not in ctx.quarter:
        return False
    left = max(text.rfind(c, 0, start) for c in ".;\n") + 1
    return bool(COMPARISON.search(text, left, start))


def _told_unit(ctx: _Context, unit: str, shift: int) -> Resolved:
    """Return "the following year" as the year after the one the text named, else a duration."""
    if unit == "year" and ctx.year is not None:
        return "DATE", str(ctx.year + shift), ""
    if unit == "month" and ctx.month is not None:
        return "DATE", _add_months(ctx.month, shift).strftime("%Y-%m"), ""
    if ctx.anchor is not None:
        return "DATE", _unit_value(ctx.anchor, unit, shift), ctx.anchor.isoformat()
    return "DURATION", _duration(1, unit), ""


def _season_year(base: date, code: str, last: str) -> int:
    """Return the year of "last fall", "this past spring"."""
    if last == "this past":
        return base.year if SEASON_MONTHS[code][0] <= base.month else base.year - 1
    if last in ("last", "past", "previous"):
        return base.year - 1
    if last in ("next", "coming"):
        return base.year + 1
    return base.year


def _r_season(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return a season with a year or a relative word (1998-FA)."""
    code = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower().split()
    if m["season"].lower() == "fall" and not rel and not m["year"]:
        return None
    if (
        not rel
        and not m["year"]
        and not re.search(r"(?i)\b(?:in|this|during|by|until|over)\s+$", text[max(0, s - 10) : s])
    ):
        return None
    if m["year"]:
        return "DATE", f"{m['year']}-{code}", ""
    base = ctx.published
    if base is None:
        return "DATE", f"XXXX-{code}", ""
    last = " ".join(rel[-2:]) if rel[-2:] == ["this", "past"] else (rel[-1] if rel else "")
    return "DATE", f"{_season_year(base, code, last)}-{code}", base.isoformat()


def _shift(base: date, num: float, unit: str, sign: int) -> str:
    """Return the value of base moved by num units, at the unit's granularity."""
    n = int(num)
    if unit in ("year",):
        return str(base.year + sign * n)
    if unit == "decade":
        return str(base.year + sign * 10 * n)
    if unit == "century":
        return str(base.year + sign * 100 * n)[:2]
    if unit == "quarter":
        return _quarter(_add_months(base, sign * 3 * n))
    if unit == "month":
        return _add_months(base, sign * n).strftime("%Y-%m")
    if unit == "week":
        return _week(base + timedelta(weeks=sign * n))
    if unit == "day":
        return (base + timedelta(days=sign * n)).isoformat()
    return (base + timedelta(days=0)).isoformat()


def _r_ago(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "two years ago", "a year earlier", "three days later"."""
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    num = _number(m["num"])
    direction = m["dir"].lower()
    sign = 1 if direction in ("later", "after", "from now", "hence", "after that") else -1
    relative_to_text = direction not in ("ago", "from now", "hence", "back")
    if direction in ("after", "before", "after that", "before that") or (
        direction == "later" and ctx.anchor is None
    ):
        return "DURATION_ONLY", _duration(num, unit), ""
    base = (ctx.anchor if relative_to_text and ctx.anchor else None) or ctx.published
    if num is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", ""
    if base is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", ""
    if unit in CLOCK_UNITS:
        return "DURATION", _duration(num, unit), ""
    if unit == "year" and num == 1 and ctx.quarter and s - ctx.quarter_at < QUARTER_REACH:
        q = ctx.quarter
        if re.fullmatch(r"\d{4}-Q\d", q):
            return "DATE", f"{int(q[:4]) - 1}{q[4:]}", base.isoformat()
    if sign < 0 and m["mod"] and UPPER_BOUND_MODIFIERS.fullmatch(m["mod"].lower()):
        # "over a year ago" only bounds the date from above: the day a year back is its latest
        return (
            "DATE",
            _shift(base, num, "day", -1) if unit == "day" else _bound(base, num, unit),
            base.isoformat(),
        )
    return "DATE", _shift(base, num, unit, sign), base.isoformat()


def _bound(base: date, num: float, unit: str) -> str:
    """Return the day num units before base ("more than two years ago" ends there)."""
    months = {"year": 12, "decade": 120, "century": 1200, "quarter": 3, "month": 1}.get(unit)
    if months:
        return _add_months(base, -int(num * months)).isoformat()
    return (base - timedelta(weeks=num)).isoformat()


def _r_vague_ago(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "weeks earlier", "years ago" as a duration without a number."""
    return "DURATION", _duration(None, m["unit"].lower()), ""


def _r_duration(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "three years", "the past two months", "a 10-year" as a duration."""
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    raw = m["num"]
    num = _number(raw)
    if raw.lower() in ("a", "an") and m["det"] is None and m["rel"] is None:
        prev = text[max(0, s - 12) : s].lower()
        if re.search(r"(?:once|twice|times|\d)\s+$", prev):
            return "SET", _duration(1, unit), ""
    if m["det"] and m["det"].lower() == "a" and raw.lower() in ("a", "an"):
        return None
    if unit == "quarter" and num is not None and not m["rel"] and not m["det"]:
        return "DURATION", f"P{_fmt(num)}Q", ""
    return "DURATION", _duration(num, unit), ""


def _r_duration_single(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the past year", "the next month" as a one-unit duration."""
    return "DURATION", _duration(1, m["unit"]), ""


def _r_vague_duration(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "recent years", "coming months"."""
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    if unit.startswith("year") or unit.startswith("decade"):
        return "DATE", "FUTURE_REF" if "coming" in rel else "PAST_REF", ""
    return "DURATION", _duration(None, unit), ""


def _r_bare_units(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "for years", "within weeks" as a duration without a number."""
    return "DURATION", _duration(None, m["unit"]), ""


def _quarter_year(base: date | None, q: int) -> str:
    """Return the year of a quarter named without one: this year's unless yet to come."""
    if base is None:
        return "XXXX"
    start_month = 3 * (q - 1) + 1
    return str(base.year if start_month <= base.month else base.year - 1)


def _r_quarter(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the third quarter", "third-quarter", "the fourth quarter of 1989"."""
    q = ORDINALS[m["ord"].lower()]
    det = (m["det"] or "").lower()
    if m["plural"] and not m["year"]:
        return "SET", f"XXXX-Q{q}", ""
    if m["year"]:
        year = m["year"]
    elif det.startswith("next year"):
        year = str(ctx.published.year + 1) if ctx.published else "XXXX"
    elif det.startswith("last year") or "year-" in det:
        year = str(ctx.published.year - 1) if ctx.published else "XXXX"
    else:
        year = _quarter_year(ctx.published, q)
    value = f"{year}-Q{q}"
    if "year-" not in det:
        ctx.quarter = value
    return "DATE", value, ctx.published.isoformat() if ctx.published and not m["year"] else ""


def _r_half(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the first half of 1989"."""
    h = 1 if m["ord"].lower() == "first" else 2
    if m["year"]:
        return "DATE", f"{m['year']}-H{h}", ""
    if ctx.published is None:
        return "DATE", f"XXXX-H{h}", ""
    year = ctx.published.year if (h == 1 or ctx.published.month > 6) else ctx.published.year - 1
    return "DATE", f"{year}-H{h}", ctx.published.isoformat()


def _r_quarter_ref(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the quarter", "the year-earlier period" against the quarter under discussion."""
    which = (m["which"] or "").lower()
    det = (m["det"] or "").lower()
    noun = m["noun"].lower()
    if not det and not which:
        return None
    if noun == "period" and not which:
        return None
    if not ctx.quarter and which not in ("latest", "current", "fiscal") and noun == "period":
        return None
    if which == "fiscal" and noun == "period":
        return None
    base = ctx.published
    if base is None:
        return "DATE", "XXXX-QX", ""
    current = ctx.quarter or _quarter(_add_months(base, -3))
    if which == "current":
        current = _quarter(base)
    if which.startswith(("year-", "comparable")) or which in ("previous", "prior"):
        if which in ("previous", "prior"):
            y, q = int(current[:4]), int(current[-1])
            y, q = (y, q - 1) if q > 1 else (y - 1, 4)
            return "DATE", f"{y}-Q{q}", base.isoformat()
        return "DATE", f"{int(current[:4]) - 1}{current[4:]}", base.isoformat()
    return "DATE", current, base.isoformat()


def _r_year_ago_adj(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "year-earlier", "year-ago" as the year (or quarter) before."""
    if ctx.published is None:
        return "DATE", "XXXX", ""
    if ctx.quarter:
        return "DATE", f"{int(ctx.quarter[:4]) - 1}{ctx.quarter[4:]}", ctx.published.isoformat()
    return "DATE", str(ctx.published.year - 1), ctx.published.isoformat()


def _r_year_end(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "year-end", "the end of the year"."""
    # TimeML gives "year-end" the year's value (its END lies in a mod attribute)
    if ctx.published is None:
        return "DATE", "XXXX", ""
    return "DATE", str(ctx.published.year), ctx.published.isoformat()


def _r_spelled_year(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "nineteen ninety-six", "the year two thousand"."""
    if m["millennium"]:
        if not (m["the"] or m["ones2"] or m["mon"]):
            return None
        year = 2000 + int(NUMBER_WORDS[m["ones2"].lower()] if m["ones2"] else 0)
    else:
        year = 1900 + int(NUMBER_WORDS[m["tens"].lower()])
        year += int(NUMBER_WORDS[m["ones"].lower()]) if m["ones"] else 0
    if m["mon"]:
        return "DATE", f"{year}-{_month_num(m['mon']):02d}", ""
    return "DATE", str(year), ""


def _r_year_quarter(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the 1988 quarter", "the 1988 third quarter"."""
    if m["ord"]:
        return "DATE", f"{m['year']}-Q{ORDINALS[m['ord'].lower()]}", ""
    if ctx.quarter and ctx.quarter[-2:-1] == "Q":
        return "DATE", f"{m['year']}-{ctx.quarter[-2:]}", ""
    return "DATE", m["year"], ""


def _r_year_ended(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the year ended March 31" as a year-long duration."""
    if m["unit"].lower() == "quarter":
        return "DATE", ctx.quarter or "XXXX-QX", ""
    return "DURATION", "P1Y", ""


def _r_the_year(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the week", "the weekend", "the full year", "the fiscal year"."""
    unit = m["unit"].lower()
    det = m["det"].lower().split()
    base = ctx.published
    if base is None:
        return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE"}.get(unit, "XXXX"), ""
    # "the year" alone is mostly generic; "for the year", "the year to date" are not
    generic = unit == "year" and det == ["the"] and not m["fiscal"]
    if generic and not (YEAR_SO_FAR.match(text, e) or YEAR_AFTER.search(text, max(0, s - 12), s)):
        return None
    if unit == "week":
        return "DATE", _week(base), base.isoformat()
    if unit == "weekend":
        d = _weekday_date(base, 5, _looks_ahead(text, s, e))
        return "DATE", _week(d) + "-WE", base.isoformat()
    return "DATE", str(base.year), base.isoformat()


def _r_year(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return a year ("1979", "fiscal 1989"), not a clock time or a number."""
    year = int(m["year"])
    if not m.groupdict().get("fiscal") and year < 1800:
        if not re.search(r"(?i)\b(?:in|since|of|by|from|until|year)\s+$", text[max(0, s - 8) : s]):
            return None
    if re.match(r"\s*(?::\d|[ap]\.?m\b)", text[e : e + 6]):
        return None
    noun = (m["noun"] or "").lower()
    if "half" in noun:
        return "DATE", f"{year}-H{1 if 'first' in noun else 2}", ""
    return "DATE", str(year), ""


def _r_decade_word(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the nineties" as the decade of the 1900s it names (199)."""
    tens = int(NUMBER_WORDS[m["word"].lower()[:-3] + "y"] // 10)
    return "DATE", f"19{tens}", ""


def _r_units_ahead(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the weeks ahead" as a duration without a number."""
    return "DURATION", _duration(None, m["unit"]), ""


def _r_decade(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the 1990s", "the '80s", "the early 1980s"."""
    suffix = "" if m.group()[:3].lower() == "the" else "X"
    if m["dec"]:
        return "DATE", f"{m['dec']}{suffix}", ""
    century = "19"
    if ctx.published and ctx.published.year >= 2000 and int(m["short"]) < 3:
        century = "20"
    return "DATE", f"{century}{m['short']}{suffix}", ""


def _r_century(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the 20th century" as its two-digit value (19)."""
    return "DATE", f"{int(m['ord']) - 1:02d}", ""


def _r_this_century(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "this century", "last century"."""
    if ctx.published is None:
        return "DATE", "XX", ""
    shift = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return "DATE", f"{ctx.published.year // 100 + shift:02d}", ctx.published.isoformat()


def _r_reference(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return now, currently, recently, the future as PRESENT_REF, PAST_REF, FUTURE_REF."""
    word = re.sub(r"\s+", " ", m.group().lower())
    before = text[max(0, s - 12) : s].lower()
    if word == "soon" and (
        before.endswith("as ") or re.match(r"\s+(?:after|as)\b", text[e : e + 8])
    ):
        return None
    if word == "future" and re.search(r"foreseeable\s+$", before):
        return None
    if word == "current" and re.match(r"\s+accounts?\b", text[e : e + 10]):
        return None
    if word == "future" and re.match(r"\s+[a-z]", text[e : e + 2]):
        return None
    if word == "recent" and not re.match(
        r"\s+(?:\w+\s+)?(?:weeks|months|days|years|times|history|"
        r"past|decades|quarters)",
        text[e : e + 20],
    ):
        return None
    return "DATE", REFERENCE_WORDS[word], ""


def _r_set_word(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return daily, weekly, annually as a SET."""
    word = m.group().lower()
    if m.group()[0].isupper() and not SENTENCE_START.search(text, max(0, s - 4), s):
        return None  # "People's Daily", "Daily Mail": a title, not a frequency
    if word == "quarterly" or (word != "daily" and not SET_ADVERB_AFTER.match(text, e)):
        return None
    return "SET", SET_WORDS[m.group().lower()], ""


def _r_set_every(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "every Monday", "each year" as a SET."""
    unit = m["unit"]
    if unit.lower() in WEEKDAYS:
        part = PARTS_OF_DAY.get((m["part"] or "").lower(), "")
        return "SET", f"XXXX-WXX-{WEEKDAYS[unit.lower()] + 1}" + (f"T{part}" if part else ""), ""
    if unit.lower() in MONTHS:
        return "SET", f"XXXX-{_month_num(unit):02d}", ""
    num = _number(m["num"]) if m["num"] else 1
    return "SET", _duration(num, unit), ""


def _clock_day(
    m: re.Match[str], text: str, s: int, e: int, ctx: _Context
) -> tuple[date | None, str]:
    """Return the day a clock time falls on and what it was resolved against."""
    base = ctx.published
    wd = m["wd"]
    if base is None:
        return None, ""
    if wd:
        w = wd.lower()
        if w in WEEKDAYS:
            return _weekday_date(base, WEEKDAYS[w], _looks_ahead(text, s, e)), base.isoformat()
        return base + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0)), base.isoformat()
    if ctx.anchor:
        return ctx.anchor, ctx.anchor.isoformat()
    return base, base.isoformat()


def _r_clock(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "10:35 a.m.", "5 p.m. EST Nov. 9", "1PM Central time" as a TIME."""
    h = int(m["h"])
    ampm = m["ampm"].lower().replace(".", "").replace(" ", "")
    if ampm.startswith("p") and h < 12:
        h += 12
    if ampm.startswith("a") and h == 12:
        h = 0
    mi = m["mi"] or "00"
    d, anchor = _clock_day(m, text, s, e, ctx)
    if m["mon"]:
        dated = _md_value(ctx, text, s, e, _month_num(m["mon"]), _day_num(m["day"]), None, None)
        if dated and re.fullmatch(r"\d{4}-\d\d-\d\d", dated[1]):
            d = date.fromisoformat(dated[1])
    day = d.isoformat() if d else "XXXX-XX-XX"
    return "TIME", f"{day}T{h:02d}:{mi}", anchor


def _r_clock_24(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "14:30 GMT" as a TIME."""
    d = ctx.anchor or ctx.published
    day = d.isoformat() if d else "XXXX-XX-XX"
    return "TIME", f"{day}T{int(m['h']):02d}:{m['mi']}", d.isoformat() if d else ""


def _r_noon(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return noon, midnight, midday (with a weekday)."""
    d, anchor = _clock_day(m, text, s, e, ctx)
    day = d.isoformat() if d else "XXXX-XX-XX"
    hour = "24:00" if m["word"].lower() == "midnight" else "12:00"
    return "TIME", f"{day}T{hour}", anchor


def _r_day_of_month(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return "the 30th": this month's, or last month's when that would be ahead."""
    day = int(m["day"])
    if day < 1:
        return None
    base = ctx.published
    if base is None:
        return "DATE", f"XXXX-XX-{day:02d}", ""
    ahead = _looks_ahead(text, s, e)
    d = _safe_date(base.year, base.month, day)
    if ahead and (d is None or d < base):
        nxt = _add_months(base.replace(day=1), 1)
        d = _safe_date(nxt.year, nxt.month, day)
    elif not ahead and (d is None or d > base):
        prev = _add_months(base.replace(day=1), -1)
        d = _safe_date(prev.year, prev.month, day)
    return ("DATE", d.isoformat(), base.isoformat()) if d else None


def _r_holiday(m: re.Match[str], text: str, s: int, e: int, ctx: _Context) -> Resolved:
    """Return Christmas, Thanksgiving, Election Day: the latest one unless looking ahead."""
    name = re.sub(r"\s+", " ", m["name"].lower())
    base = ctx.published
    rel = (m["rel"] or "").lower()
    known = name in HOLIDAYS or name.startswith(("thanksgiving", "election"))
    if name == "easter" or not known:
        return None
    if base is None:
        fixed = HOLIDAYS.get(name)
        return "DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX", ""
    year = base.year - 1 if rel == "last" else base.year + (1 if rel == "next" else 0)
    d = _holiday_date(name, year)
    if not rel and d > base and not _looks_ahead(text, s, e):
        d = _holiday_date(name, year - 1)
    return "DATE", d.isoformat(), base.isoformat()


def _holiday_date(name: str, year: int) -> date:
    """Return the day of a holiday in a year (Thanksgiving: fourth Thursday of November)."""
    if name in HOLIDAYS:
        return date(year, *HOLIDAYS[name])
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    first = date(year, 11, 2)  # election day: the Tuesday after the first Monday
    return first + timedelta(days=(1 - first.weekday()) % 7)


RESOLVERS: dict[str, Callable[[re.Match[str], str, int, int, _Context], Resolved]] = {
    "date_iso": _r_date_iso,
    "date_numeric": _r_date_numeric,
    "date_other_numeric": _r_date_other_numeric,
    "date_month_day": _r_month_day,
    "date_day_month": _r_month_day,
    "month_year": _r_month_year,
    "month_rel_year": _r_month_rel_year,
    "month": _r_month,
    "weekday": _r_weekday,
    "relative_day": _r_relative_day,
    "part_of_day": _r_part_of_day,
    "mid_part": _r_mid_part,
    "in_the_day": _r_in_the_day,
    "anchored_day": _r_anchored_day,
    "relative_unit": _r_relative_unit,
    "season": _r_season,
    "ago": _r_ago,
    "vague_ago": _r_vague_ago,
    "duration": _r_duration,
    "duration_single": _r_duration_single,
    "vague_duration": _r_vague_duration,
    "bare_units": _r_bare_units,
    "quarter": _r_quarter,
    "half": _r_half,
    "quarter_ref": _r_quarter_ref,
    "year_ago_adj": _r_year_ago_adj,
    "year_end": _r_year_end,
    "year_ended": _r_year_ended,
    "the_year": _r_the_year,
    "year": _r_year,
    "year_the": _r_year,
    "spelled_year": _r_spelled_year,
    "year_quarter": _r_year_quarter,
    "decade": _r_decade,
    "decade_word": _r_decade_word,
    "units_ahead": _r_units_ahead,
    "century": _r_century,
    "this_century": _r_this_century,
    "reference": _r_reference,
    "set_word": _r_set_word,
    "set_every": _r_set_every,
    "clock": _r_clock,
    "clock_24": _r_clock_24,
    "noon": _r_noon,
    "day_of_month": _r_day_of_month,
    "holiday": _r_holiday,
}

#: rules whose dates set up an anchor for later relative expressions ("two days later")
#: rules naming a part of a given day ("Wednesday evening"): their day sets up an anchor too
DAY_PART_RULES = frozenset({"part_of_day", "mid_part"})
NO_PREFIX_RULES = frozenset({"duration", "ago", "reference", "weekday", "clock"})
ANCHORING_RULES = frozenset(
    {
        "date_iso",
        "date_numeric",
        "date_other_numeric",
        "date_month_day",
        "date_day_month",
        "weekday",
        "relative_day",
    }
)
PRIORITY = {name: i for i, (name, _) in enumerate(RULE_PATTERNS)}


# ---------------------------------------------------------------- finding and tagging


Spans = list[tuple[int, int]]


#: the words of the triggers: whether one occurs is told by where it does, needed anyway
TRIGGER_WORDS = frozenset(w for _, _, t, _ in RULES if isinstance(t, tuple) for w, _ in t)


def _word_bases() -> dict[str, tuple[str, int]]:
    """Return, for each needle and trigger word, a longer-than-two-letter trigger word inside it."""
    bases: dict[str, tuple[str, int]] = {}
    for word in TRIGGER_WORDS.union(*NEEDLES.values()):
        inside = [b for b in TRIGGER_WORDS if len(b) >= MIN_BASE and b != word and b in word]
        if inside:
            base = max(inside, key=len)  # the longest occurs the least
            bases[word] = base, word.index(base)
    return bases


#: the shortest word whose starts are sifted for those of the words holding it: shorter ones
#: ("ly") occur so often that finding the longer word anew is cheaper
MIN_BASE = 3
WORD_BASES = _word_bases()


def _word_groups() -> dict[str, tuple[re.Pattern[str], dict[int, tuple[str, ...]]]]:
    """Return a pattern finding the trigger words without a base, by their first character.

    Only for characters MIN_GROUP or more such words share. Each match takes a word's first
    character only, so the next search finds words that overlap it; the group that matched is
    the longest word there, and names with it the words it starts with (they are there too).
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(TRIGGER_WORDS - WORD_BASES.keys(), key=lambda w: (-len(w), w)):
        groups.setdefault(word[0], []).append(word)
    found = {}
    for first, words in groups.items():
        if len(words) < MIN_GROUP:
            continue
        rests = "|".join(f"({re.escape(w[1:])})" for w in words)
        held = {i: tuple(v for v in words if w.startswith(v)) for i, w in enumerate(words, 1)}
        found[first] = re.compile(f"{re.escape(first)}(?={rests})"), held
    return found


#: the fewest words found in one pass: a pass for one word costs more than str.find
MIN_GROUP = 2
WORD_GROUPS = _word_groups()


class _Occurrences:
    """Where words occur in a text, each looked for once (among the starts of a word inside it)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[str, list[int]] = {}
        self.present: dict[str, bool] = {}

    def where(self, word: str) -> list[int]:
        """Return every start of word in the text, overlapping ones too."""
        starts = self.starts.get(word)
        if starts is None:
            starts = self.starts[word] = self._find(word)
        return starts

    def has(self, word: str) -> bool:
        """Return whether word occurs in the text."""
        starts = self.starts.get(word)
        if starts is not None:
            return bool(starts)
        if word in WORD_BASES or word in TRIGGER_WORDS:
            return bool(self.where(word))
        present = self.present.get(word)
        if present is None:
            present = self.present[word] = word in self.text
        return present

    def _find(self, word: str) -> list[int]:
        """Return every start of word, sifted from those of its base when it has one."""
        text = self.text
        if word in WORD_BASES:
            base, k = WORD_BASES[word]
            return [i - k for i in self.where(base) if i >= k and text.startswith(word, i - k)]
        if word in TRIGGER_WORDS and word[0] in WORD_GROUPS:
            self._scan(word[0])
            return self.starts[word]
        find = text.find
        starts = []
        i = find(word)
        while i >= 0:
            starts.append(i)
            i = find(word, i + 1)
        return starts

    def _scan(self, first: str) -> None:
        """Find every trigger word starting with first, in one pass (see _word_groups)."""
        pattern, held = WORD_GROUPS[first]
        starts: dict[str, list[int]] = {w: [] for words in held.values() for w in words}
        for m in pattern.finditer(self.text):
            i = m.start()
            for word in held[m.lastindex]:  # type: ignore[index]
                starts[word].append(i)
        self.starts.update(starts)


def _candidates(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Return every rule match as (start, end, rule, match)."""
    found: dict[tuple[int, int, str], re.Match[str]] = {}
    triggered: dict[Trigger, tuple[Spans, Spans]] = {}
    lower = text.lower()
    if len(lower) != len(text):  # a rare letter lowered into two ("İ"): lower ASCII only
        lower = text.translate(ASCII_LOWER)
    words = _Occurrences(lower)
    has = words.has
    needed: dict[tuple[str, ...], bool] = {}  # rules share needles: test each tuple once
    for name, pattern, trigger, needles in RULES:
        wanted = needed.get(needles)
        if wanted is None:
            wanted = needed[needles] = not needles or any(map(has, needles))
        if not wanted:
            continue
        if trigger is None:
            for m in pattern.finditer(text):
                found[m.start(), m.end(), name] = m
            continue
        if trigger not in triggered:
            triggered[trigger] = _windows(trigger, words)
        spans, windows = triggered[trigger]
        # a match holding a digit lies in the window of its digits: no need to test it
        near_digits = trigger is DIGIT_TRIGGER
        search = pattern.search
        for lo, hi in windows:
            # finditer's matches, found with less overhead: no rule matches the empty string, so
            # each search resumes where the last match ended, as finditer does
            hit: re.Match[str] | None = search(text, lo, hi)
            while hit:
                start, end = hit.span()
                if near_digits or _covers(spans, start, end):
                    found[start, end, name] = hit
                hit = search(text, end, hi)
    return [(s, e, name, m) for (s, e, name), m in found.items() if e > s]


def _covers(spans: Spans, start: int, end: int) -> bool:
    """Return whether [start, end) contains one of the (sorted) trigger spans."""
    i = bisect_left(spans, (start, -1))
    return i < len(spans) and spans[i][1] <= end


def _windows(trigger: Trigger, words: _Occurrences) -> tuple[Spans, Spans]:
    """Return the trigger's spans in the text and the merged windows around them."""
    before, after = TRIGGER_WINDOW
    if isinstance(trigger, re.Pattern):
        spans = [(t.start(t.lastindex or 0), t.end()) for t in trigger.finditer(words.text)]
    else:
        spans = _word_spans(trigger, words)
    windows: list[tuple[int, int]] = []
    for a, b in spans:
        lo, hi = max(0, a - before), b + after
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return spans, windows


def _word_spans(trigger: Words, words: _Occurrences) -> Spans:
    """Return the spans of the trigger's words, as finditer of their alternation would find them."""
    text = words.text
    ends: dict[int, int] = {}  # where a word fits -> where the first one fitting there ends
    for word, tail in trigger:
        for i in words.where(word):
            if i not in ends:
                end = i + len(word)
                if tail is None:
                    ends[i] = end
                elif m := tail.match(text, end):
                    ends[i] = m.end()
    spans: Spans = []
    last = 0
    for start in sorted(ends):
        if start >= last:  # finditer resumes after each match
            last = ends[start]
            spans.append((start, last))
    return spans


Candidate = tuple[int, int, str, re.Match[str]]


def _select(found: list[Candidate]) -> list[Candidate]:
    """Return non-overlapping matches, preferring the earliest start, then the longest."""
    found.sort(key=lambda c: (c[0], c[0] - c[1], PRIORITY[c[2]]))
    chosen = []
    end = -1
    for c in found:
        if c[0] >= end:
            chosen.append(c)
            end = c[1]
    return chosen


def _in_skip(start: int, end: int, skip: Sequence[tuple[int, int]]) -> bool:
    """Return whether a span lies inside one of the skipped (boilerplate) spans."""
    for s, e in skip:  # a loop, not any() over a generator: this runs for every expression
        if s <= start and end <= e:
            return True
    return False


def _with_prefix(text: str, start: int, rule: str) -> int:
    """Return the start of a span widened over a leading modifier ("early", "the end of")."""
    m = PREFIX.search(text, max(0, start - 24), start)
    if m is None:
        return start
    if m.group().lower().startswith(("earlier", "later")) and not re.match(
        r"(?i)this\s+(?:year|month)|that\s+year|in\s+the\s+year|yesterday", text[start : start + 14]
    ):
        return start
    return m.start()


def _duration_end(m: re.Match[str]) -> int:
    """Return where the duration part of "three days later" ends (TimeML leaves out "later")."""
    return m.end("unit") + (1 if m.string[m.end("unit") : m.end("unit") + 1] == "s" else 0)


def _set_up(ctx: _Context, value: str) -> None:
    """Remember the year and month an absolute date names, for "that year", "the next month"."""
    m = re.match(r"(\d{4})(?:-(\d\d))?", value)
    if m and value[:1] in "12":
        ctx.year = int(m.group(1))
        ctx.month = date(ctx.year, int(m.group(2)), 1) if m.group(2) else None


def tag(text: str, published: date | None, *, skip: Sequence[tuple[int, int]] = ()) -> list[Timex]:
    """Return every temporal expression in text, in order, resolved as TimeML TIMEX3 values."""
    ctx = _Context(published)
    bare = _Context(published)
    out: list[Timex] = []
    for start, end, rule, m in _select(_candidates(text)):
        resolver = RESOLVERS.get(rule)
        if resolver is None:
            continue
        skipped = _in_skip(start, end, skip)
        use = bare if skipped else ctx
        if skipped:
            bare.anchor, bare.quarter = None, None
        resolved = resolver(m, text, start, end, use)
        if resolved is None:
            continue
        typ, value, anchor = resolved
        if typ == "DURATION_ONLY":
            typ, end = "DURATION", _duration_end(m)
        name = rule
        if rule in ("date_month_day", "date_day_month") and _is_name(text, start, end):
            name = "name"
        if typ == "DATE" and rule not in NO_PREFIX_RULES:
            start = max(_with_prefix(text, start, rule), out[-1].end if out else 0)
        out.append(Timex(start, end, text[start:end], typ, value, anchor, name))
        if not skipped and not anchor:
            _set_up(ctx, value)
        if not skipped and value == ctx.quarter:
            ctx.quarter_at = end
        if (
            (rule in ANCHORING_RULES or rule in DAY_PART_RULES)
            and not skipped
            and re.match(r"\d{4}-\d\d-\d\d(?:T|$)", value)
        ):
            ctx.anchor = date.fromisoformat(
                value[:10]
            )  # "Wednesday evening" tells of a day as "Wednesday" does
    return out


# ---------------------------------------------------------------- value intervals

#: the unknown fields ending a value ("1998-10-XX", "1989-WXX", "199X-XX-XX"), read as coarser
UNKNOWN_TAIL = re.compile(r"(?:-(?:XX|WXX|QX|W?XX-XX))+(?:T\w+)?$")
PRECISION_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day", re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")),
    ("week", re.compile(r"(\d{4})-W(\d\d?)(-WE)?")),
    ("month", re.compile(r"(\d{4})-(\d\d)")),
    ("quarter", re.compile(r"(\d{4})-Q([1-4])")),
    ("half", re.compile(r"(\d{4})-H([12])")),
    ("season", re.compile(r"(\d{4})-(SP|SU|FA|WI)")),
    ("year", re.compile(r"(\d{4})")),
    ("decade", re.compile(r"(\d{3})X?")),
    ("century", re.compile(r"(\d{2})")),
]


def value_interval(value: str) -> tuple[date, date, str] | None:
    """Return the first day, last day and precision of a TIMEX3 date value, None if it has none.

    >>> value_interval("2020-Q3")
    (datetime.date(2020, 7, 1), datetime.date(2020, 9, 30), 'quarter')
    >>> value_interval("1998-10-XX")  # a day of October 1998
    (datetime.date(1998, 10, 1), datetime.date(1998, 10, 31), 'month')
    """
    known = UNKNOWN_TAIL.sub("", value)
    for precision, pattern in PRECISION_PATTERNS:
        m = pattern.fullmatch(known)
        if m:
            return _interval(precision, m)
    return None


def _interval(precision: str, m: re.Match[str]) -> tuple[date, date, str] | None:
    """Return the first day, last day and precision of a matched value."""
    g = m.groups()
    if precision == "day":
        d = _safe_date(int(g[0]), int(g[1]), int(g[2]))
        return (d, d, "day") if d else None
    if precision == "week":
        try:
            first = date.fromisocalendar(int(g[0]), int(g[1]), 6 if g[2] else 1)
        except ValueError:
            return None
        return first, first + timedelta(days=1 if g[2] else 6), "week"
    if precision == "month":
        y, mo = int(g[0]), int(g[1])
        if not 1 <= mo <= 12:
            return None
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month"
    if precision in ("quarter", "half"):
        y, n = int(g[0]), int(g[1])
        months = 3 if precision == "quarter" else 6
        first = date(y, months * (n - 1) + 1, 1)
        last = _add_months(first, months) - timedelta(days=1)
        return first, last, "quarter"  # a half year is no finer than its quarters
    if precision == "season":
        y = int(g[0])
        a, b = SEASON_MONTHS[g[1]]
        end_year = y + 1 if b < a else y
        return date(y, a, 1), date(end_year, b, calendar.monthrange(end_year, b)[1]), "quarter"
    if precision == "year":
        y = int(g[0])
        return date(y, 1, 1), date(y, 12, 31), "year"
    if precision == "decade":
        y = int(g[0]) * 10
        return date(max(1, y), 1, 1), date(y + 9, 12, 31), "decade"
    y = int(g[0]) * 100
    return date(max(1, y), 1, 1), date(y + 99, 12, 31), "century"
