"""Publication dates: metadata values, datelines, and inference from the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.published import (
    date_from_url,
    find_dateline,
    find_partial_dateline,
    infer_published,
    parse_date,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-10-27", date(2020, 10, 27)),
        ("2020-10-27T08:15:00Z", date(2020, 10, 27)),
        ("2020-10-27 08:15:00+08:00", date(2020, 10, 27)),
        ("20201027", date(2020, 10, 27)),
        ("October 27, 2020", date(2020, 10, 27)),
        ("Tue, 27 Oct 2020 08:15:00 GMT", date(2020, 10, 27)),
        ("Sept. 16, 2020", date(2020, 9, 16)),
        ("27/10/2020", date(2020, 10, 27)),
        ("2020/10/27", date(2020, 10, 27)),
        ("", None),
        ("next week", None),
        ("2020-13-45", None),
        ("February 30, 2021", None),
        ("2020-10", None),  # a month is not a publication day
        ("1603785600", date(2020, 10, 27)),  # seconds since 1970 (UTC)
        ("1603785600000", date(2020, 10, 27)),  # milliseconds
    ],
)
def test_parse_date(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected", "dateline"),
    [
        (
            "# Title\n\nBy [Stephen Lendman](#)\n\nGlobal Research, October 27, 2020\n\n"
            "Region: Asia",
            date(2020, 10, 27),
            "Global Research, October 27, 2020",
        ),
        (
            "Published: 12 March 2023\nTaiwan said it would buy more drones.",
            date(2023, 3, 12),
            "Published: 12 March 2023",
        ),
        (
            "March 3, 2021 08:15 ET\nThe State Department approved the sale.",
            date(2021, 3, 3),
            "March 3, 2021 08:15 ET",
        ),
        (
            "Updated on 2021-03-03\nThe Pentagon said on Tuesday it had notified Congress.",
            date(2021, 3, 3),
            "Updated on 2021-03-03",
        ),
        (
            "2020-10-27\nChina said it would sanction the contractors.",
            date(2020, 10, 27),
            "2020-10-27",
        ),
        (
            "Tuesday, October 27, 2020\nBeijing condemned the sale.",
            date(2020, 10, 27),
            "Tuesday, October 27, 2020",
        ),
        (
            "By Jane Doe | October 27, 2020 | 5:00 PM EDT\nThe sale includes Harpoon missiles.",
            date(2020, 10, 27),
            "By Jane Doe | October 27, 2020 | 5:00 PM EDT",
        ),
        (
            "Posted on Oct 27, 2020 by admin\nTaiwan welcomed the approval.",
            date(2020, 10, 27),
            "Posted on Oct 27, 2020",
        ),
        (
            "TAIPEI, Taiwan, Dec. 18, 2019 (Xinhua) -- Taiwan said on Wednesday it would buy more "
            "missiles from the United States.",
            date(2019, 12, 18),
            "TAIPEI, Taiwan, Dec. 18, 2019 (Xinhua) --",
        ),
        (
            "WASHINGTON, Oct. 27, 2020 /PRNewswire/ -- The company said today it was awarded a "
            "contract for the Harpoon Coastal Defense System.",
            date(2020, 10, 27),
            "WASHINGTON, Oct. 27, 2020 /PRNewswire/ --",
        ),
        (
            "4 minute read\n\nOctober 21, 2020 8:55 PM UTC Updated ago\n\nWASHINGTON, Oct 21 "
            "(Reuters) - The sale was approved.",
            date(2020, 10, 21),
            "October 21, 2020 8:55 PM UTC Updated ago",
        ),
        (
            "WASHINGTON, October 26, 2020 - The State Department has made a determination "
            "approving a possible Foreign Military Sale.",
            date(2020, 10, 26),
            "WASHINGTON, October 26, 2020 -",
        ),
        # the first publication wins over a later update
        (
            "Last updated: 28 October 2020 09:12 GMT\nFirst published: 27 October 2020\nBody.",
            date(2020, 10, 27),
            "First published: 27 October 2020",
        ),
        # a clear "Published" line counts anywhere, even at the end
        (
            "The sale was approved on Wednesday.\n"
            + "Officials said more would follow. " * 30
            + "\nPublished: 22 October 2020",
            date(2020, 10, 22),
            "Published: 22 October 2020",
        ),
    ],
)
def test_find_dateline(text: str, expected: date, dateline: str) -> None:
    assert find_dateline(text) == (expected, dateline)


@pytest.mark.parametrize(
    "text",
    [
        # a date inside the first sentence is news, not a dateline
        "On October 27, 2020, the State Department approved a $1.8 billion sale to Taiwan.",
        "The sale was approved on October 21, 2020 and announced the next day.",
        "WASHINGTON (AP) — The Trump administration notified Congress of the sale.",
        "May 30 - the Chinese Foreign Ministry said it firmly opposes the sale.",
        # a bare date line far from the start is not a dateline
        "Taiwan said it would buy the drones. " * 20 + "\nOctober 27, 2020\n",
        "Since Jimmy Carter ended US recognition of Taiwan in 1979, one China has been policy.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Oct. 27 (UPI) -- The State Department approved on Wednesday the sale of missiles.",
            (10, 27, "Oct. 27 (UPI) --"),
        ),
        (
            "WASHINGTON, Sept 16 (Reuters) - The United States plans to sell up to seven major "
            "weapons systems to Taiwan.",
            (9, 16, "WASHINGTON, Sept 16 (Reuters) -"),
        ),
        (
            "BEIJING, May 30 (Xinhua) -- China firmly opposes US arms sales to Taiwan.",
            (5, 30, "BEIJING, May 30 (Xinhua) --"),
        ),
        (
            "TAIPEI, Feb 18 (Reuters) - Taiwan is in talks to buy billions of dollars of arms.",
            (2, 18, "TAIPEI, Feb 18 (Reuters) -"),
        ),
        (
            "Title\n\n\nWASHINGTON, Oct 21 (Reuters) - The State Department approved the sale.",
            (10, 21, "WASHINGTON, Oct 21 (Reuters) -"),
        ),
        ("May 30 - the day the spokesperson spoke.", None),
        ("The deal was reported on Sept. 16 (Reuters) - a week later it was approved.", None),
    ],
)
def test_find_partial_dateline(text: str, expected: tuple[int, int, str] | None) -> None:
    assert find_partial_dateline(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.cnn.com/2020/10/26/politics/taiwan-arms-sale/index.html",
            (date(2020, 10, 26), "2020/10/26"),
        ),
        (
            "https://www.reuters.com/world/asia-pacific/us-approves-sale-taiwan-2020-10-27/",
            (date(2020, 10, 27), "2020-10-27"),
        ),
        ("https://focustaiwan.tw/politics/202010270012", (date(2020, 10, 27), "202010270012")),
        ("https://example.com/2020/1/5/story", (date(2020, 1, 5), "2020/1/5")),
        ("https://example.com/news/2020/10/", None),
        ("https://www.toutiao.com/article/7510139954048254518/", None),
        (
            "http://www.econotimes.com/Taiwan-Seeks-10-Billion-US-Arms-Deal-Amid-Rising-China-"
            "Tensions-1702293",
            None,
        ),
        ("https://www.scmp.com/news/china/article/3106745/taiwan-arms", None),
        ("https://example.com/20000123456/a", None),
        ("https://www.2020-news.example.com/taiwan", None),
        ("", None),
    ],
)
def test_date_from_url(url: str, expected: tuple[date, str] | None) -> None:
    assert date_from_url(url) == expected


# What inference gives on each seed read without its manifest (and, for 002, without its
# dateline): 000, 003 and 004 name no year anywhere, so no date can honestly be inferred.
@pytest.mark.parametrize(
    ("name", "expected", "low", "high", "reason"),
    [
        ("000", None, 0, 0, ""),
        ("001", date(2020, 8, 1), 0.2, 0.5, "so far in 2020"),
        ("002", date(2020, 10, 27), 0.3, 0.5, "October 27, 2020"),
        ("003", None, 0, 0, ""),
        ("004", None, 0, 0, ""),
    ],
)
def test_infer_published_on_seeds(
    name: str, expected: date | None, low: float, high: float, reason: str
) -> None:
    got = infer_published(seed(name))
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert got[0] == expected and low <= got[1] <= high and reason in got[2]


def test_seed_002_dateline() -> None:
    assert find_dateline(seed("002")) == (date(2020, 10, 27), "Global Research, October 27, 2020")


def test_seed_002_without_dateline_falls_back_to_the_copyright_year() -> None:
    text = seed("002").replace("Global Research, October 27, 2020", "")
    got = infer_published(text)
    assert got is not None
    assert got[0].year == 2020 and got[1] < 0.3 and "copyright" in got[2]


@pytest.mark.parametrize(
    ("text", "expected", "low", "high"),
    [
        # a yearless wire dateline takes its year from the text
        (
            "WASHINGTON, Sept 16 (Reuters) - The United States plans to sell seven weapons systems "
            "to Taiwan. Relations have soured so far in 2020.",
            date(2020, 9, 16),
            0.6,
            0.8,
        ),
        (
            "Oct. 27 (UPI) -- The deal follows the $1.8 billion sale approved on October 21, 2020.",
            date(2020, 10, 27),
            0.6,
            0.8,
        ),
        # the latest reported date, not a deadline still to come
        (
            "The State Department approved the sale on October 21, 2020. Deliveries are expected "
            "to run until December 31, 2026.",
            date(2020, 10, 21),
            0.1,
            0.3,
        ),
        (
            "The contract, signed on March 3, 2021, expires on December 31, 2030, the ministry "
            "said.",
            date(2021, 3, 3),
            0.1,
            0.3,
        ),
        (
            "Taiwan's presidential election will be held on January 13, 2024, officials said on "
            "November 24, 2023.",
            date(2023, 11, 24),
            0.1,
            0.3,
        ),
        (
            "Lockheed Martin was awarded the contract on March 3, 2021, after the sale was "
            "notified on December 7, 2020.",
            date(2021, 3, 3),
            0.1,
            0.3,
        ),
        # full dates are history; the days named without a year are the news
        (
            "The embassies were bombed on Aug. 7, 1998. On Oct. 4, a court in New York "
            "charged two more men, prosecutors said.",
            date(1998, 10, 4),
            0.2,
            0.4,
        ),
        (
            "Kopp was charged on May 6 with the murder. He fled after the shooting on Oct. 23, "
            "1998, police said.",
            date(1998, 10, 23),
            0.1,
            0.3,
        ),
        # a year the text says it is written in, with the latest day it mentions
        (
            "Arms sales have accelerated so far in 2020. The Pentagon confirmed on November 29 "
            "that the sale was approved.",
            date(2020, 11, 29),
            0.3,
            0.5,
        ),
        (
            "This year, 2024, saw two rounds of drills. In August, Beijing staged exercises.",
            date(2024, 8, 1),
            0.2,
            0.4,
        ),
    ],
)
def test_infer_published(text: str, expected: date, low: float, high: float) -> None:
    got = infer_published(text)
    assert got is not None
    assert got[0] == expected and low <= got[1] <= high and got[2]


def test_inference_ignores_dates_in_a_sidebar() -> None:
    text = (
        "The State Department approved the $1.8 billion sale on October 21, 2020, officials "
        "said, and China vowed to respond with sanctions against the contractors.\n\n"
        "Related: [Japan signs a trade pact, January 5, 2025](https://example.com/a)\n"
    )
    got = infer_published(text)
    assert got is not None and got[0] == date(2020, 10, 21)


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon confirmed on November 29 that the sale had been approved.",
        "China, meanwhile, has urged the US to be cautious earlier this year.",
    ],
)
def test_no_inference_without_a_year(text: str) -> None:
    assert infer_published(text) is None


def test_a_yearless_dateline_takes_the_latest_year_the_story_names() -> None:
    text = ("China lodges strong protest\n\nBEIJING, Jan. 30 (Xinhua) -- China on Saturday reacted strongly "
            "against the arms sales. The U.S. had already notified a package worth 6.5 billion dollars in "
            "October 2008, and the new sale is the first such arms deal of 2010.")
    found = infer_published(text)
    assert found is not None and found[0] == date(2010, 1, 30) and found[1] < 0.7


def test_a_year_looked_ahead_to_does_not_date_a_dateline() -> None:
    assert infer_published("WASHINGTON, Sept 16 (Reuters) - Deliveries are expected by 2026, officials said.") is None
