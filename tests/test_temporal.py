"""Tests of the TIMEX3 tagger on real news sentences: failure strings, conventions, intervals."""

from __future__ import annotations

import re
from datetime import date

import pytest

from timeline.temporal import tag, value_interval

D = date.fromisoformat


def found(text: str, published: date | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, published)]


# failure strings users report about date parsers, each in a real sentence
FAILURE_STRINGS = [
    ("The sale may be approved by the State Department.", "2020-10-27", []),
    ("We will resolutely take countermeasures, the spokesman said.", "2020-10-27", []),
    ("The committee sat for three hours before the vote.", "2020-10-27", [("three hours", "PT3H")]),
    ("The Sun reported that the package was ready.", "2020-10-27", []),
    ("The package is now before Congress.", "2020-10-27", [("now", "PRESENT_REF")]),
    ("Royal Trustco bought the thrift for $27 a share, or $212 million.", "1989-11-02", []),
    ("The stock rose 1/2 to 14 3/8 in composite trading.", "1989-11-02", []),
    ("Global Research, October 27, 2020", "2020-10-27", [("October 27, 2020", "2020-10-27")]),
    ("On the 30th, Reuters cited two US officials.", "2020-10-27", [("the 30th", "2020-09-30")]),
    ("On the 30th, Reuters cited two US officials.", "2025-05-30", [("the 30th", "2025-05-30")]),
    ("On the 30th, Reuters reports that Washington plans more sales.", "2020-10-27",
     [("the 30th", "2020-09-30")]),
    ("The talks will resume on the 30th.", "2020-10-27", [("the 30th", "2020-10-30")]),
    ("The Pentagon announced the sale on Friday.", "2024-11-29", [("Friday", "2024-11-29")]),
    ("The sale is worth $65 million, about 45% of the total.", "2024-11-29", []),
    ("Lai wants defence spending above 3% of GDP, up from 2.45%.", "2025-05-30", []),
    ("It is the 8th one this year, three of the 12 approved.", "2025-05-30",
     [("this year", "2025")]),
    ("The briefing starts at 1PM Central time.", "2020-10-27",
     [("1PM Central time", "2020-10-27T13:00")]),
    ("Washington has sold arms to Taiwan since 1979.", "2020-10-27", [("1979", "1979")]),
    ("Arms sales to Taiwan in 2017-2021 totalled $18.3 billion.", "2025-05-30",
     [("2017", "2017"), ("2021", "2021")]),
    ("The letter, dated 27.10.2020, reached Taipei.", "2020-11-01", [("27.10.2020", "2020-10-27")]),
    ("The notice is filed as 2020/10/27 in the register.", "2020-11-01",
     [("2020/10/27", "2020-10-27")]),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), FAILURE_STRINGS)
def test_failure_strings(sentence: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence, D(published)) == expected


# the news conventions: weekdays, bare months and days, look-ahead, names, durations, anchors
CONVENTIONS = [
    ("On Wednesday, Trump's State Department approved the sale.", "2020-10-27",
     [("Wednesday", "2020-10-21")]),
    ("On Monday, the agency announced the sale of Harpoon systems.", "2020-10-27",
     [("Monday", "2020-10-26")]),
    ("Lai will depart for Hawaii on Saturday.", "2024-11-29", [("Saturday", "2024-11-30")]),
    ("Lai will depart for Hawaii on November 30.", "2024-11-30", [("November 30", "2024-11-30")]),
    ("Americans will vote on November 3.", "2020-10-27", [("November 3", "2020-11-03")]),
    ("The sale was confirmed on November 29.", "2024-11-30", [("November 29", "2024-11-29")]),
    ("In February, Reuters reported that talks were under way.", "2025-05-30",
     [("February", "2025-02")]),
    ("In November, the ministry repeated its protest.", "2025-11-20", [("November", "2025-11")]),
    ("At the beginning of August, Taiwan's foreign minister warned.", "2020-09-17",
     [("the beginning of August", "2020-08")]),
    ("Beijing cited the August 17 Communique of 1982.", "2020-10-27",
     [("August 17", "XXXX-08-17"), ("1982", "1982")]),
    ("The sales are expected to be operational within a month.", "2024-11-30",
     [("a month", "P1M")]),
    ("Over the next four years, the budget will grow.", "2025-02-18",
     [("the next four years", "P4Y")]),
    ("On March 3, the ministry filed the request. Two days later, Washington approved it.",
     "2021-03-10", [("March 3", "2021-03-03"), ("Two days later", "2021-03-05")]),
    ("The talks ended on March 3. The next day, China protested.", "2021-03-10",
     [("March 3", "2021-03-03"), ("The next day", "2021-03-04")]),
    ("China has conducted two rounds of drills earlier this year.", "2024-11-29",
     [("earlier this year", "2024")]),
    ("So far in 2020, the island has bought more.", "2020-09-17", [("2020", "2020")]),
    ("Pompeo is expected to report on the packages this week.", "2020-09-17",
     [("this week", "2020-W38")]),
    ("Last month, reports indicated a major sale.", "2020-10-27", [("Last month", "2020-09")]),
    ("Arms sales grew since Trump took office in January 2017.", "2020-10-27",
     [("January 2017", "2017-01")]),
    ("China's Foreign Ministry spokesperson spoke on May 30.", "2025-05-30",
     [("May 30", "2025-05-30")]),
    ("Some agreements had been requested over a year ago.", "2020-09-17",
     [("over a year ago", "2019-09-17")]),
    ("Profit rose in the third quarter from a year earlier.", "1989-10-26",
     [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]),
    ("The company expects to complete the sale by year-end.", "1989-11-02",
     [("year-end", "1989")]),
    ("Shares peaked in the early 1980s and fell in the 1990s.", "1998-02-19",
     [("the early 1980s", "198"), ("the 1990s", "199")]),
    ("Rebels have kidnapped a 44-year-old contractor for ransom.", "1999-01-22", []),
    ("The paper publishes the tally daily.", "1998-03-06", [("daily", "P1D")]),
    ("On Monday, the ministry filed the request. The next day, China protested.", "2020-10-28",
     [("Monday", "2020-10-26"), ("The next day", "2020-10-27")]),
    ("Beijing will respond to Wednesday's approval, the spokesman said.", "2020-10-23",
     [("Wednesday", "2020-10-21")]),
    ("The carrier is due to return to the U.S. in September.", "1990-08-13",
     [("September", "1990-09")]),
    ("Albright spent about 5 1/2 hours in Nairobi.", "1998-08-17", [("5 1/2 hours", "PT5H30M")]),
    ("They lived in refugee camps for 2 1/2 years.", "1998-02-27", [("2 1/2 years", "P2Y6M")]),
    ("Growth will stay slow for the next couple of years.", "1989-10-26",
     [("the next couple of years", "P2Y")]),
    ("The blasts next to the embassies in Kenya and Tanzania on Friday killed 257 people.",
     "1998-08-08", [("Friday", "1998-08-07")]),
    ("In the third quarter, net rose to $5 million from $4 million a year earlier.", "1989-10-26",
     [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]),
    ("In 1995 he was promoted, and the following year he moved to Paris.", "1998-04-18",
     [("1995", "1995"), ("the following year", "1996")]),
    ("Beijing accused Washington of escalating in the days up to the (November 3) election.",
     "2020-10-27", [("November 3", "2020-11-03")]),
    ("Voters rejected him in the November 3 election.", "2021-01-20",
     [("November 3", "2020-11-03")]),
    ("China's official People's Daily accused the Trump regime.", "2020-10-27", []),
    ("In London at mid-afternoon yesterday, Ratners's shares were up.", "1989-11-02",
     [("mid-afternoon yesterday", "1989-11-01TAF")]),
    ("He appeared in court on Feb. 22 and again the next morning.", "2000-02-24",
     [("Feb. 22", "2000-02-22"), ("the next morning", "2000-02-23TMO")]),
    ("The president arrived in Philadelphia later in the day.", "1998-02-13",
     [("the day", "1998-02-13")]),
    ("He stepped down as chairman in March for health reasons.", "1989-11-02",
     [("March", "1989-03")]),
    ("Hate group numbers dropped through the nineties.", "1998-03-03", [("the nineties", "199")]),
    ("Funds may have to sell bonds in the weeks ahead.", "1989-10-27",
     [("the weeks ahead", "PXW")]),
    ("Spokesperson Ren Guoqiang said on the 10th that the army was ready.", "2020-07-14",
     [("the 10th", "2020-07-10")]),
    ("It was the 10th that year.", "2020-07-14", [("that year", "2020")]),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), CONVENTIONS)
def test_conventions(sentence: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence, D(published)) == expected


WITHOUT_PUBLICATION_DATE = [
    ("The ministry protested on Thursday.", [("Thursday", "XXXX-WXX-4")]),
    ("The ministry protested on November 29.", [("November 29", "XXXX-11-29")]),
    ("The ministry protested yesterday.", [("yesterday", "XXXX-XX-XX")]),
    ("Reports emerged two weeks ago.", [("two weeks ago", "PAST_REF")]),
    ("Reports emerged in January 2017.", [("January 2017", "2017-01")]),
]


@pytest.mark.parametrize(("sentence", "expected"), WITHOUT_PUBLICATION_DATE)
def test_without_publication_date(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence, None) == expected


def test_offsets_index_the_text_and_carry_rule_and_anchor() -> None:
    text = "Taipei, Oct. 27 (CNA) The sale was approved on Monday, officials said yesterday."
    for t in tag(text, D("2020-10-27")):
        assert text[t.start : t.end] == t.text
        assert t.rule
        assert t.anchor in ("", "2020-10-27")


def test_boilerplate_dates_never_set_up_an_anchor() -> None:
    text = "Related: Taiwan buys drones, March 3, 2019. Two days later, China protested."
    skip = [(0, text.index(".") + 1)]
    later = [t for t in tag(text, D("2021-03-10"), skip=skip) if t.text.startswith("Two")]
    assert [(t.text, t.type, t.value) for t in later] == [("Two days", "DURATION", "P2D")]


VALUE_INTERVALS = [
    ("2020-10-21", ("2020-10-21", "2020-10-21", "day")),
    ("2020-10-21T13:00", ("2020-10-21", "2020-10-21", "day")),
    ("2020-09", ("2020-09-01", "2020-09-30", "month")),
    ("2020", ("2020-01-01", "2020-12-31", "year")),
    ("2020-W43", ("2020-10-19", "2020-10-25", "week")),
    ("2020-Q3", ("2020-07-01", "2020-09-30", "quarter")),
    ("2020-SU", ("2020-06-01", "2020-08-31", "quarter")),
    ("199X", ("1990-01-01", "1999-12-31", "decade")),
    ("198", ("1980-01-01", "1989-12-31", "decade")),
    ("19", ("1900-01-01", "1999-12-31", "century")),
    ("1998-W07-WE", ("1998-02-14", "1998-02-15", "week")),
    ("1998-10-XX", ("1998-10-01", "1998-10-31", "month")),
    ("1989-WXX", ("1989-01-01", "1989-12-31", "year")),
]


@pytest.mark.parametrize(("value", "expected"), VALUE_INTERVALS)
def test_value_interval(value: str, expected: tuple[str, str, str]) -> None:
    first, last, precision = expected
    assert value_interval(value) == (D(first), D(last), precision)


NO_INTERVAL = ["PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-08-17", "XXXX-WXX-5", "P4Y", "PT5H"]


@pytest.mark.parametrize("value", NO_INTERVAL)
def test_value_interval_none_for_values_without_a_date(value: str) -> None:
    assert value_interval(value) is None


@pytest.mark.parametrize("published", [D("2020-10-27"), None])
def test_a_date_in_a_name_is_marked_and_never_takes_the_publication_year(
    published: date | None,
) -> None:
    text = "Beijing said the sale violates the August 17 Communique."
    [timex] = tag(text, published)
    assert (timex.text, timex.value, timex.rule) == ("August 17", "XXXX-08-17", "name")


def test_a_day_named_with_its_part_sets_up_the_next_day() -> None:
    text = ("Vice Foreign Minister Zhang Yesui summoned the U.S. charge d'affaires on Wednesday evening "
            "Beijing time. The next day, spokesman Lu Kang told reporters that China would impose sanctions.")
    values = {t.text: t.value for t in tag(text, date(2015, 12, 17))}
    assert values["Wednesday evening"] == "2015-12-16TEV"
    assert values["The next day"] == "2015-12-17"


TRIGGER_TEXTS = [
    "today's todays yesterday’s tomorrow's_ 1990s 90's 80’s0 mary summary maybe decade_ decades",
    "in the day the days midday monday's nowadays known snow per cent percentage period perhaps",
    "independence weekend end_ ends. fall fallen half-year halfway x-earlier y-ago ties ties2 only",
    "new year new years every everyone each per. aheadx ahead, quarterly quarters century centuries",
    "janjan janx jan1 jan_ september sept.3 dec decision may, mayé twentieth thirties overnight",
]


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_trigger_words_find_what_the_regex_of_their_alternation_finds(text: str) -> None:
    from timeline import temporal

    for spec in {s for s in temporal.TRIGGERS.values() if isinstance(s, tuple)}:
        expected = [m.span() for m in re.finditer("|".join(spec), text)]
        words = temporal._Occurrences(text)
        assert temporal._word_spans(temporal._trigger(spec), words) == expected, spec


def test_trigger_words_take_the_first_word_fitting_at_a_place_as_the_regex_does() -> None:
    from timeline import temporal

    text = "a new year, the new years' eve"
    for spec in [("new", "new year"), ("new year", "new"), (r"new years\b", "new")]:
        expected = [m.span() for m in re.finditer("|".join(spec), text)]
        words = temporal._Occurrences(text)
        assert temporal._word_spans(temporal._trigger(spec), words) == expected, spec


def test_rules_match_as_they_would_unfactored_with_their_word_start_test_first() -> None:
    from timeline import temporal

    text = " ".join(sentence for sentence, _, _ in FAILURE_STRINGS) + (
        " Today's news: the past year, this past week, mid-morning, the 2nd. xJanuary 3, 2020,"
        " in recent weeks, annually. The year-end, Tuesday morning, the first half of 2019."
        " two or three weeks ago, a few days later, nearly six months, no more than a year, weekend,"
        " Yomorrow's Qaily Dhis week, Tecent weeks, Lhis year, Panuary 3, Fuly 2020, xthe 3rd, xnoon, xannually."
    )
    for name, pattern in temporal.RULE_PATTERNS:
        lead = "" if pattern.startswith(temporal.FAST_STARTS) else temporal.WORD_START
        plain = re.compile(lead + temporal._either_case(pattern))
        scannable = re.compile(temporal._rule_pattern(pattern))
        for lo in (0, 7, 40):
            expected = [(m.span(), m.groups()) for m in plain.finditer(text, lo)]
            assert [(m.span(), m.groups()) for m in scannable.finditer(text, lo)] == expected, name


@pytest.mark.parametrize("text", ["at 5 p.m. and 9 a. m, 10am, 11 p\u00a0m, a.m.m pa.m a..m am_ spam", *TRIGGER_TEXTS])
def test_the_clock_trigger_finds_what_its_plain_pattern_finds(text: str) -> None:
    from timeline import temporal

    expected = [m.span() for m in re.finditer(r"[ap]\.?\s?m\b", text)]
    words = temporal._Occurrences(text)
    assert temporal._windows(re.compile(temporal.AMPM_END), words)[0] == expected


def test_no_rule_matches_the_empty_string() -> None:
    from re import _parser

    from timeline import temporal

    # the tagger resumes each search where the last match ended, as finditer does for these
    assert all(_parser.parse(p.pattern).getwidth()[0] > 0 for _, p, _, _ in temporal.RULES)


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_trigger_words_are_found_wherever_they_start(text: str) -> None:
    from timeline import temporal

    words = temporal._Occurrences(text)
    for word in sorted(temporal.TRIGGER_WORDS):
        expected = [i for i in range(len(text)) if text.startswith(word, i)]
        assert words.where(word) == expected, word
