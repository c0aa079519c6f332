"""Vocabulary and regular-expression fragments of the temporal tagger (data, not logic)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a half": 0.5, "half a": 0.5, "half an": 0.5, "one and a half": 1.5,
    "a dozen": 12, "dozen": 12,
}

#: quantities that are not a number: their durations take X ("several years" -> PXY)
VAGUE_NUMBERS = ("a few", "few", "several", "a couple of", "couple of", "many", "some")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

#: TimeML unit letters for a duration value (P3D, PT5H)
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}
CLOCK_UNITS = ("second", "minute", "hour")

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

#: first and last month of each TimeML season (winter runs into the next year)
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2),
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "mid-afternoon": "AF", "mid afternoon": "AF",
}

REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "these days": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "recent": "PAST_REF",
    "the past": "PAST_REF", "lately": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the near future": "FUTURE_REF", "a later date": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "coming months": "FUTURE_REF",
}

SET_WORDS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D",
}

HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14),
}

#: words in a clause that make a bare weekday, month or day look ahead instead of back
FUTURE_CUES = (
    r"will|would|'ll|shall|won't|is\s+expected|are\s+expected|expects?\s+to|plans?\s+to|planned\s+(?:for|to)"
    r"|planning\s+to"
    r"|scheduled|is\s+set\s+to|are\s+set\s+to|is\s+due|are\s+due|going\s+to|upcoming"
    r"|to\s+be\s+held|intends?\s+to|would\s+begin|would\s+start|is\s+to|are\s+to|set\s+to"
    r"|payable|expires?|as\s+soon\s+as|as\s+early\s+as|effective|of\s+record|deadline|takes\s+effect|extended\s+to|begins?"
)

#: words that place a clause in the past, so its bare dates look back (regular "-ed" verbs are
#: recognised by their ending; present-tense reporting verbs count: news reports what happened)
PAST_WORDS = (
    "was", "were", "had", "did", "said", "says", "told", "tells", "reports", "cites", "quotes",
    "adds", "notes", "confirms", "ago", "last", "earlier", "since", "brought", "took", "made",
    "came", "went", "began", "became", "saw", "gave", "got", "found", "sold", "bought", "paid",
    "held", "met", "left", "led", "won", "lost", "fell", "rose", "grew", "spoke", "wrote", "sent",
    "struck", "thought", "knew", "ran", "stood", "kept", "broke", "chose", "drove", "flew",
    "fought", "sought", "caught", "built", "meant", "felt", "shot", "drew", "threw", "withdrew",
    "fled", "heard", "spent", "swore", "tore",
)

#: verbs that end the reach of an earlier future cue ("will ..., officials said Monday")
REPORTING_VERBS = ("said", "says", "told", "tells", "announced", "reported")

#: scheduled events a bare date can qualify ("the November 3 election", "the Jan. 14 deadline")
SCHEDULED_EVENTS = (
    "election", "elections", "vote", "ballot", "referendum", "deadline", "summit", "meeting",
    "hearing", "inauguration", "talks", "visit", "session", "auction", "date",
)

#: nouns after "the August 17 ..." that make a date part of a name, not an event date
NAME_NOUNS = (
    "Communiqu", "Communique", "Accord", "Agreement", "Declaration", "Movement", "Incident",
    "Massacre", "Uprising", "Revolution", "Treaty", "Joint", "Protocol", "Act", "Statement",
    "Attacks", "Attack", "Commission", "Memorandum",
)

#: nouns that make a bare four-digit number a quantity rather than a year
QUANTITY_NOUNS = (
    "shares", "people", "points", "tons", "workers", "employees", "cars", "units", "troops",
    "soldiers", "members", "pounds", "dollars", "yen", "marks", "miles", "feet", "meters",
    "acres", "barrels", "jobs", "students", "copies", "vehicles", "homes", "rooms", "seats",
    "kilometers", "km", "metres", "votes", "lives", "men", "women", "children", "planes",
    "aircraft", "missiles", "rounds", "persons", "residents", "cases", "deaths", "hours",
    "stores", "patients", "delegates", "contracts", "companies", "firms", "offices",
)
