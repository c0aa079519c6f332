"""Money in news sentences: dollar spellings, ranges, conversions, other currencies, non-money."""

from __future__ import annotations

import pytest

from timeline.money import find_money

B, M = 1e9, 1e6

# sentence, [(text, low, high, currency)] in order
AMOUNTS = [
    (
        "The US State Department has approved the sale of $385 million worth of military equipment",
        [("$385 million", 385 * M, None, "USD")],
    ),
    (
        "Taiwan is negotiating to buy weapons worth US$7 billion.",
        [("US$7 billion", 7 * B, None, "USD")],
    ),
    ("a package of USD 7 billion", [("USD 7 billion", 7 * B, None, "USD")]),
    ("The $2.37bn sale includes 100 launchers.", [("$2.37bn", 2.37 * B, None, "USD")]),
    ("a deal valued at $2.37 bln", [("$2.37 bln", 2.37 * B, None, "USD")]),
    ("a $500m upgrade of the radars", [("$500m", 500 * M, None, "USD")]),
    (
        "approved the sale of US sensors, missiles and artillery to Taiwan, a package worth around "
        "\\$1.8 billion.",
        [("$1.8 billion", 1.8 * B, None, "USD")],
    ),
    (
        "The \\$2.37 billion sale throws more fuel on a growing fire",
        [("$2.37 billion", 2.37 * B, None, "USD")],
    ),
    ("weapons worth 1.8 billion dollars", [("1.8 billion dollars", 1.8 * B, None, "USD")]),
    ("arms worth 1.8 billion U.S. dollars", [("1.8 billion U.S. dollars", 1.8 * B, None, "USD")]),
    ("an order of 6.5 billion US dollars", [("6.5 billion US dollars", 6.5 * B, None, "USD")]),
    (
        "the total amount of arms sales to Taiwan during Trump's first term was $18.335 billion",
        [("$18.335 billion", 18.335 * B, None, "USD")],
    ),
    ("a contract of $1,800,000,000", [("$1,800,000,000", 1.8 * B, None, "USD")]),
    ("a sale of $ 1.2 billion", [("$ 1.2 billion", 1.2 * B, None, "USD")]),
    (
        "mobile communications equipment and support valued at approximately $65 million",
        [("$65 million", 65 * M, None, "USD")],
    ),
    ("a deal worth nearly $2 billion", [("$2 billion", 2 * B, None, "USD")]),
    (
        "US and Japan Fast-Track $550 Billion Strategic Investment Initiative",
        [("$550 Billion", 550 * B, None, "USD")],
    ),
    ("Taiwan Seeks $10 Billion US Arms Deal", [("$10 Billion", 10 * B, None, "USD")]),
    ("the Canadian-style $1.8-billion package", [("$1.8-billion", 1.8 * B, None, "USD")]),
    ("a USD7bn programme", [("USD7bn", 7 * B, None, "USD")]),
    ("priced at $27 a share", [("$27", 27.0, None, "USD")]),
    (
        "$320 million worth of F-16 spare parts, support, and advanced radar systems",
        [("$320 million", 320 * M, None, "USD")],
    ),
    ("the $8 billion sale of 66 F-16 fighter aircraft", [("$8 billion", 8 * B, None, "USD")]),
    ("a $1.3 trillion budget", [("$1.3 trillion", 1.3e12, None, "USD")]),
    ("a $2.2B deal for tanks", [("$2.2B", 2.2 * B, None, "USD")]),
    ("a $10 billion-plus package", [("$10 billion", 10 * B, None, "USD")]),
    ("the 2019 $8 billion F-16 sale", [("$8 billion", 8 * B, None, "USD")]),
    ("a 66-jet, $8 billion deal", [("$8 billion", 8 * B, None, "USD")]),
    (
        "$7 billion to Taiwan and $10 billion to Japan",
        [("$7 billion", 7 * B, None, "USD"), ("$10 billion", 10 * B, None, "USD")],
    ),
    (
        "a sale worth $1.4 billion, up from $1 billion",
        [("$1.4 billion", 1.4 * B, None, "USD"), ("$1 billion", 1 * B, None, "USD")],
    ),
]

RANGES = [
    (
        "The potential deal, estimated between $7 billion and $10 billion, may include coastal "
        "defense "
        "cruise missiles",
        [("$7 billion and $10 billion", 7 * B, 10 * B, "USD")],
    ),
    (
        "purchase military equipment worth $7 billion to $10 billion to seek support",
        [("$7 billion to $10 billion", 7 * B, 10 * B, "USD")],
    ),
    ("Taiwan in talks for $7-10 billion of US arms", [("$7-10 billion", 7 * B, 10 * B, "USD")]),
    ("a package of $7 billion-$10 billion", [("$7 billion-$10 billion", 7 * B, 10 * B, "USD")]),
    ("weapons worth $7 to $10 billion", [("$7 to $10 billion", 7 * B, 10 * B, "USD")]),
    (
        "worth between 7 and 10 billion dollars",
        [("7 and 10 billion dollars", 7 * B, 10 * B, "USD")],
    ),
    ("a deal of $7bn–$10bn", [("$7bn–$10bn", 7 * B, 10 * B, "USD")]),
    ("a package of US$7bn-10bn", [("US$7bn-10bn", 7 * B, 10 * B, "USD")]),
    (
        "the budget would grow from $700,000 to $1.2 million",
        [("$700,000", 700_000.0, None, "USD"), ("$1.2 million", 1.2 * M, None, "USD")],
    ),
    (
        "estimates range from $700,000 to $1.2 million",
        [("$700,000 to $1.2 million", 700_000.0, 1.2 * M, "USD")],
    ),
    (
        "spending rose from $5 billion to $7 billion",
        [("$5 billion", 5 * B, None, "USD"), ("$7 billion", 7 * B, None, "USD")],
    ),
    (
        "$320 million and $65 million",
        [("$320 million", 320 * M, None, "USD"), ("$65 million", 65 * M, None, "USD")],
    ),
]

UP_TO = [
    ("PAC-3 missiles worth up to $3.1 billion", [("up to $3.1 billion", 3.1 * B, None, "USD")]),
    ("The sale is valued at up to $10 billion.", [("up to $10 billion", 10 * B, None, "USD")]),
]

WORDS = [
    (
        "Taiwan has spent a billion dollars on the programme",
        [("a billion dollars", 1 * B, None, "USD")],
    ),
    ("arms worth two billion US dollars", [("two billion US dollars", 2 * B, None, "USD")]),
    ("Five Billion Dollars for Taiwan's Navy", [("Five Billion Dollars", 5 * B, None, "USD")]),
    ("a credit line of half a billion euros", [("half a billion euros", 0.5 * B, None, "EUR")]),
    (
        "$5 billion now and two billion dollars later",
        [("$5 billion", 5 * B, None, "USD"), ("two billion dollars", 2 * B, None, "USD")],
    ),
]

FOREIGN = [
    ("a budget of 5 billion yuan", [("5 billion yuan", 5 * B, None, "RMB")]),
    ("a special budget of NT$500 billion", [("NT$500 billion", 500 * B, None, "NTD")]),
    ("sanctions worth €2.5bn", [("€2.5bn", 2.5 * B, None, "EUR")]),
    ("a £5 billion order", [("£5 billion", 5 * B, None, "GBP")]),
    ("a 2 trillion won deal", [("2 trillion won", 2e12, None, "KRW")]),
    (
        "a special budget of 1.25 trillion New Taiwan dollars",
        [("1.25 trillion New Taiwan dollars", 1.25e12, None, "NTD")],
    ),
]

NOT_MONEY = [
    "Currently, Taiwan's defense budget accounts for about 2.45% of GDP.",
    "special budgets would be prioritized to raise defense spending to more than 3% of GDP",
    "Taiwan is in talks with the United States to purchase billions of dollars in arms",
    "The symbol $ alone is not an amount",
    "Call +1 202-555-0100 for details.",
    "Since Jimmy Carter ended US recognition of Taiwan in 1979",
    "Taiwan will be the first foreign buyer to have AGM-84H cruise missiles, using F-16V fighter "
    "jets",
    "It airs three times weekly: live on Sundays at 1PM Central time",
    "the sale of around 100 Harpoon Coastal Defense Systems",
    "it carried 500 pounds of explosives",
    "the 8th one since Trump took office in January 2017",
    "three of the 12 countries that maintain formal diplomatic ties with Taiwan",
    "in 2019 - 2020 the sales grew",
    "It won a billion hearts",
    "tens of billions of dollars in arms",
]


def _summary(text: str) -> list[tuple[str, float, float | None, str]]:
    return [(m.text, m.low, m.high, m.currency) for m in find_money(text)]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS + RANGES + UP_TO + WORDS + FOREIGN)
def test_amounts(text: str, expected: list[tuple[str, float, float | None, str]]) -> None:
    found = _summary(text)
    assert [f[0] for f in found] == [e[0] for e in expected]
    for (_, low, high, cur), (_, elow, ehigh, ecur) in zip(found, expected, strict=True):
        assert low == pytest.approx(elow)
        assert (high is None) == (ehigh is None) and (high is None or high == pytest.approx(ehigh))
        assert cur == ecur


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("worth up to $10 billion", "up_to"),
        ("estimated between $7 billion and $10 billion", "range_between"),
        ("worth $7 billion to $10 billion", "range_to"),
        ("talks for $7-10 billion", "range_dash"),
        ("approves $385 million arms sale", "amount"),
    ],
)
def test_rule_is_kept(text: str, rule: str) -> None:
    assert [m.rule for m in find_money(text)] == [rule]


@pytest.mark.parametrize("text", [t for t, _ in FOREIGN])
def test_other_currencies_are_not_dollars(text: str) -> None:
    assert [m.usd for m in find_money(text)] == [False]


# sentence, [(text, usd, conversion)]: the distinct dollar amounts are those usd and not conversion
CONVERSIONS = [
    (
        "the total amount of arms sales to Taiwan during Trump's first term was $18.335 billion "
        "(approximately RMB 131.8 billion).",
        [("$18.335 billion", True, False), ("RMB 131.8 billion", False, True)],
    ),
    (
        "The ministry budgeted NT$12 billion (US$375 million) for the missiles.",
        [("NT$12 billion", False, False), ("US$375 million", True, False)],
    ),
    (
        "a special budget of NT$12 billion, or about US$375 million,",
        [("NT$12 billion", False, False), ("US$375 million", True, False)],
    ),
    (
        "the $1.8 billion (NT$58 billion) package",
        [("$1.8 billion", True, False), ("NT$58 billion", False, True)],
    ),
    (
        "131.8 billion yuan ($18.3 billion)",
        [("131.8 billion yuan", False, False), ("$18.3 billion", True, False)],
    ),
    ("a $2bn, or about NT$60bn, deal", [("$2bn", True, False), ("NT$60bn", False, True)]),
    ("$8bn (£6.5bn)", [("$8bn", True, False), ("£6.5bn", False, True)]),
    (
        "the $2.37 billion (about $2.4 billion) sale",
        [("$2.37 billion", True, False), ("$2.4 billion", True, True)],
    ),
    ("$320 million and $65 million", [("$320 million", True, False), ("$65 million", True, False)]),
]


@pytest.mark.parametrize(("text", "expected"), CONVERSIONS)
def test_conversions(text: str, expected: list[tuple[str, bool, bool]]) -> None:
    assert [(m.text, m.usd, m.conversion) for m in find_money(text)] == expected


@pytest.mark.parametrize(
    ("text", "dollars"),
    [
        ("The ministry budgeted NT$12 billion (US$375 million) for the missiles.", [375 * M]),
        ("was $18.335 billion (approximately RMB 131.8 billion)", [18.335 * B]),
        ("the $1.8 billion (NT$58 billion) package", [1.8 * B]),
    ],
)
def test_distinct_dollars_of_a_sentence(text: str, dollars: list[float]) -> None:
    found = find_money(text)
    assert [m.low for m in found if m.usd and not m.conversion] == pytest.approx(dollars)


def test_offsets_index_the_whole_text() -> None:
    text = "Intro. The \\$2.37 billion sale. Then $385 million. And US$7 billion."
    start = text.index("Then")
    found = find_money(text, start, text.index("And"))
    assert [(m.text, text[m.start : m.end]) for m in found] == [("$385 million", "$385 million")]
    assert all(text[m.start : m.end] == m.text for m in find_money(text))


@pytest.mark.parametrize(
    ("file", "dollars"),
    [
        ("000_7b448bc0385fa330.txt", [18.335 * B, 7 * B]),
        ("002_8f0cd40a663991c2.txt", [1.8 * B, 5 * B, 2.37 * B]),
        ("004_193c2b0243c827da.txt", [385 * M, 385 * M, 320 * M, 65 * M, 2 * B]),
    ],
)
def test_seed_articles(file: str, dollars: list[float]) -> None:
    from pathlib import Path

    text = (Path(__file__).parent.parent / "seeds" / file).read_text(encoding="utf-8")
    assert [m.low for m in find_money(text) if m.usd and not m.conversion] == pytest.approx(dollars)
