"""Boilerplate: what is marked as not the article, and what is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.boilerplate import CUES, find_boilerplate
from timeline.records import Boilerplate, Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ARTICLE = (
    "The State Department approved the possible sale of 100 Harpoon Coastal Defense Systems to "
    "Taiwan on Monday, the Defense Security Cooperation Agency said in a statement.\n\n"
    "China's Foreign Ministry spokesman Zhao Lijian said Beijing would take necessary measures "
    "and urged Washington to stop arms sales to Taiwan.\n\n"
)


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def marked(text: str) -> list[tuple[str, str]]:
    return [(text[b.start : b.end], b.kind) for b in find_boilerplate(text)]


def covered(text: str, needle: str) -> bool:
    start = text.index(needle)
    doc = Document("d", text, boilerplate=find_boilerplate(text))
    return doc.is_boilerplate(start, start + len(needle))


# Each seed's footer, prompts, bios, link lines and sidebars: (seed, text that opens a span, kind)
SEED_MARKED = [
    ("000", "This article is an exclusive article by the Observer Network", "copyright"),
    ("000", "Original source: https://www.toutiao.com/", "copyright"),
    ("000", "Disclaimer: The article only represents", "disclaimer"),
    ("000", "Lai Qingde, Reuters", "caption"),
    ("001", "Sign up to receive our latest news!", "prompt"),
    ("001", "By submitting this form, I agree to the terms.", "prompt"),
    ("002", "By [Stephen Lendman](#)", "byline"),
    ("002", "Region: [Asia](#), [USA](#)", "links"),
    ("002", "Theme: [Militarization and WMD](#)", "links"),
    ("002", "Note to readers: please click the share buttons below.", "prompt"),
    ("002", "*Award-winning author **Stephen Lendman** lives in Chicago.", "bio"),
    ("002", "*His new book as editor and contributor", "bio"),
    ("002", "The original source of this article is Global Research", "copyright"),
    ("002", "Copyright © [Stephen Lendman](#), Global Research, 2020", "copyright"),
    ("002", "[Comment on Global Research Articles on our Facebook page](#)", "links"),
    ("002", "[Become a Member of Global Research](#)", "prompt"),
    ("002", "Articles by: **[Stephen Lendman](#)**", "links"),
    ("002", "### **About the author:**", "bio"),
    ("002", "Stephen Lendman lives in Chicago. He can be reached at", "bio"),
    ("002", "<http://www.claritypress.com/LendmanIII.html> Visit his blog site", "bio"),
    ("002", "**Disclaimer:** The contents of this article", "disclaimer"),
    (
        "002",
        "[www.globalresearch.ca](http://www.globalresearch.ca) contains copyrighted",
        "copyright",
    ),
    ("002", "For media inquiries:", "prompt"),
    ("003", "Putin Aide Says European, Ukrainian Changes Fail", "sidebar"),
    ("003", "US and Japan Fast-Track $550 Billion Strategic Investment Initiative", "sidebar"),
    (
        "003",
        "U.S. Coast Guard Faces Resource Strain as It Pursues Venezuela-Linked Oil Tanker",
        "sidebar",
    ),
    ("004", "By Tamilla Hasanova", "byline"),
]


@pytest.mark.parametrize(("name", "opening", "kind"), SEED_MARKED)
def test_seed_boilerplate_is_marked(name: str, opening: str, kind: str) -> None:
    text = seed(name)
    start = text.index(opening)
    spans = [b for b in find_boilerplate(text) if b.start == start]
    assert len(spans) == 1 and spans[0].kind == kind and spans[0].rule


def test_seed_003_whole_sidebar_is_one_block_of_fifteen() -> None:
    text = seed("003")
    sidebar = [b for b in find_boilerplate(text) if b.kind == "sidebar"]
    assert len(sidebar) == 15
    assert text[sidebar[0].start :].startswith("Putin Aide Says")
    assert text[sidebar[-1].end :].strip() == ""


# Sentences with events (the gold evidence of the seeds) and article text that looks like
# boilerplate: none of it may be marked.
SEED_ARTICLE = [
    ("000", "[Source/Observer Network, Zhang Jingjuan] As the China-US trade friction"),
    ("000", "On the 30th, Reuters cited two US officials as saying that the US plans to increase"),
    ("000", "the total amount of arms sales to Taiwan during Trump's first term was $18.335"),
    ("000", "In February, Reuters reported that the DPP authorities were negotiating with the US"),
    ("000", "In February, Lai Qingde stated that special budgets would be prioritized"),
    ("000", 'the party "undoubtedly" firmly supports increasing defense budgets'),
    ("000", "The People's Party said that the party \"always maintains smooth communication"),
    ("000", "Chinese Foreign Ministry spokesperson Lin Jian emphasized at a regular press"),
    ("001", "the United States plans to sell up to seven major weapons systems to the island"),
    ("001", "The Taiwanese Ministry of Defense described the package’s announcement as a media"),
    ("001", "U.S. Secretary of State Mike Pompeo is expected to report on the packages this week"),
    ("001", "Some of the agreements had been requested by Taiwan over a year ago"),
    ("001", "At the beginning of August, Taiwan’s foreign minister warned"),
    ("001", "During his latest visit to Taiwan, U.S. Health Secretary Alex Azar said"),
    ("002", "# Trump Regime Approves Large-Scale Taiwan Arms Purchase."),
    ("002", "*China considers Taiwan a breakaway province to be eventually reunited"),
    ("002", "Last month, reports indicated that Washington intends a major weapons sale"),
    ("002", "Weeks earlier, China’s official People’s Daily broadsheet accused the Trump regime"),
    ("002", "On Wednesday, Trump’s State Department approved the sale of US sensors, missiles"),
    ("002", "the White House is set to approve the sale of five weapons systems worth around"),
    ("002", "A Taiwan Defense Ministry statement said the following"),
    ("002", "called the newly announced package “a breakthrough in US arms sales for Taiwan.”"),
    ("002", "On Thursday, Chinese Foreign Ministry spokesman **Zhao Lijian** slammed the Trump"),
    ("002", "### **A Final Comment**"),
    ("002", "On Monday, Trump’s Defense Security Cooperation Agency announced the sale of"),
    ("002", "The \\$2.37 billion sale throws more fuel on a growing fire"),
    ("002", "Since Jimmy Carter ended US recognition of Taiwan in 1979"),
    ("003", "The potential deal, estimated between $7 billion and $10 billion, may include"),
    ("003", "Taiwan’s defense ministry declined to comment on specific purchases"),
    ("003", "On February 7, Trump and Japanese Prime Minister Shigeru Ishiba jointly opposed"),
    ("003", "Taiwan plans to propose a special defense budget"),
    ("003", "Trump's previous term saw regular arms sales to Taiwan, including F-16 fighter jets"),
    (
        "003",
        "Taiwan-US arms talks, military defense, China tensions, and Trump administration "
        "support remain key factors in this evolving geopolitical landscape.",
    ),
    ("004", "US strengthens security ties with Taiwan, approves $385 million arms sale"),
    ("004", "The US State Department has approved the sale of $385 million worth of military"),
    ("004", "$320 million worth of F-16 spare parts, support, and advanced radar systems"),
    ("004", "mobile communications equipment and support valued at approximately $65 million"),
    ("004", "Taiwan's Ministry of Defence has expressed that these sales are expected to be"),
    ("004", "This approval follows the US government's recent announcement of a $2 billion arms"),
    ("004", "China, meanwhile, has urged the US to be cautious in its dealings with Taiwan"),
    ("004", "conducting two rounds of military drills earlier this year"),
    ("004", "Lai will depart for Hawaii on November 30"),
]


@pytest.mark.parametrize(("name", "sentence"), SEED_ARTICLE)
def test_seed_article_text_is_not_marked(name: str, sentence: str) -> None:
    text = seed(name)
    start = text.index(sentence)
    end = start + len(sentence)
    assert not any(b.start < end and start < b.end for b in find_boilerplate(text))


@pytest.mark.parametrize(
    ("footer", "kind"),
    [
        ("Subscribe to our newsletter for the latest defence news.", "prompt"),
        ("Sign up for our daily briefing", "prompt"),
        ("By signing up, you agree to our Terms of Use and Privacy Policy.", "prompt"),
        ("Share this article", "prompt"),
        ("Follow us on Twitter and Facebook", "prompt"),
        ("Please support independent journalism by becoming a member.", "prompt"),
        ("© 2025 Reuters. All rights reserved.", "copyright"),
        (
            "Copyright 2020 The Associated Press. All rights reserved. This material may not be "
            "published, broadcast, rewritten or redistributed.",
            "copyright",
        ),
        ("This article was originally published on The Diplomat.", "copyright"),
        ("This article cannot be reprinted without permission.", "copyright"),
        (
            "The views expressed in this article are the author's own and do not necessarily "
            "reflect the position of this outlet.",
            "disclaimer",
        ),
        ("Disclaimer: This content is for information only.", "disclaimer"),
        ("About the Author", "bio"),
        ("John Smith is a senior fellow at the Atlantic Council who lives in Washington.", "bio"),
        ("She can be reached at jane@example.com.", "bio"),
        ("Reporting by Yimou Lee; Editing by Michael Perry", "byline"),
        ("By Yimou Lee and Ben Blanchard", "byline"),
        ("Tags: Taiwan, arms sales, China", "links"),
        ("Read more: [US approves $1.8 billion arms sale](https://example.com/a)", "links"),
        ("[Home](/) | [World](/world) | [Asia](/asia)", "links"),
        ("https://example.com/news/taiwan-arms-sale", "links"),
        ("* * *", "separator"),
        ("ADVERTISEMENT", "ad"),
        ("Story continues below advertisement", "ad"),
        (
            "We use cookies to improve your experience. By continuing you accept our Terms of Use.",
            "prompt",
        ),
        ("Share on Facebook | Twitter | Email", "prompt"),
        ("Photo: Reuters", "caption"),
        ("File photo by Ann Wang", "caption"),
        ("A Harpoon missile is launched during a drill, Reuters/file photo", "caption"),
        ("Source: Focus Taiwan", "copyright"),
    ],
)
def test_realistic_footers_are_marked(footer: str, kind: str) -> None:
    text = ARTICLE + footer + "\n"
    spans = find_boilerplate(text)
    assert [(text[b.start : b.end], b.kind) for b in spans] == [(footer, kind)]


@pytest.mark.parametrize(
    "sentence",
    [
        "By Wednesday, Taiwan had received the first batch of missiles.",
        "By contrast, Beijing said it would respond with sanctions.",
        "By 2026, Taiwan expects to field all 100 launchers.",
        "Taiwan cannot buy the weapons without the approval of Congress.",
        "The sale must not be reprised, officials said, and China should respect it.",
        "Subscribers to the Pentagon's contract notices saw the award on Friday.",
        "Sources said the deal could be signed by the end of the year.",
        "Copyrights and patents were not part of the talks, the trade office said.",
        "The ministry said the missiles would be delivered in 2026.",
        "The Harpoon system, made by Boeing, can strike ships 125 km away.",
        "Advertising revenue fell 5% in the quarter, the company said.",
        "Photo opportunities at the signing were limited, officials said.",
        "Sources said the approval could come as early as next week.",
        "The report was first carried by Reuters, citing two officials.",
        "Share prices of Lockheed Martin rose 2% after the announcement.",
    ],
)
def test_article_sentences_are_not_marked(sentence: str) -> None:
    text = ARTICLE + sentence + "\n"
    assert find_boilerplate(text) == ()


ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "dsca_release.txt",
            [
                ("This notice of a potential sale is required by law", "disclaimer"),
                ("All questions regarding this proposed Foreign Military Sale", "disclaimer"),
            ],
        ),
        (
            "wire_story.txt",
            [
                ("By Mike Stone and Patricia Zengerle", "byline"),
                ("4 minute read", "byline"),
                ("Reporting by Mike Stone in Washington; Editing by Leslie Adler", "byline"),
                ("Our Standards: The Thomson Reuters Trust Principles.", "footer"),
                ("Read Next", "sidebar"),
                ("Taiwan's military drills simulate response to Chinese attack", "sidebar"),
                ("China's exports slow as global demand cools", "sidebar"),
                ("Japan's Suga pledges to boost economy in first policy speech", "sidebar"),
                ("Apple unveils new iPhone lineup amid 5G push", "sidebar"),
            ],
        ),
    ],
)
def test_realistic_articles(name: str, expected: list[tuple[str, str]]) -> None:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    spans = find_boilerplate(text)
    assert [
        (text[b.start : b.end][: len(opening)], b.kind)
        for b, (opening, _) in zip(spans, expected, strict=False)
    ] == expected
    assert len(spans) == len(expected)


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("dsca_release.txt", "The State Department has made a determination approving a possible"),
        ("dsca_release.txt", "Four hundred (400) RGM-84L-4 Harpoon Block II Surface Launched"),
        ("dsca_release.txt", "The principal contractor will be Boeing, St. Louis, Missouri."),
        ("wire_story.txt", "The U.S. State Department approved the potential sale of three"),
        ("wire_story.txt", "Reuters reported last week that the administration was moving ahead"),
        ("wire_story.txt", "China's foreign ministry spokesman Zhao Lijian said on Thursday"),
    ],
)
def test_realistic_article_text_is_not_marked(name: str, sentence: str) -> None:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    start = text.index(sentence)
    end = start + len(sentence)
    assert not any(b.start < end and start < b.end for b in find_boilerplate(text))


@pytest.mark.parametrize(
    ("paragraph", "marked"),
    [
        (
            "China said on Thursday it would take necessary measures. (Reporting by Ben Blanchard; "
            "Editing by Kim Coghill)",
            "(Reporting by Ben Blanchard; Editing by Kim Coghill)",
        ),
        (
            "The ministry welcomed the sale. Copyright 2020 The Associated Press. All rights "
            "reserved.",
            "Copyright 2020 The Associated Press. All rights reserved.",
        ),
        (
            "The sale was first reported by the newspaper. This material may not be published, "
            "broadcast, rewritten or redistributed.",
            "This material may not be published, broadcast, rewritten or redistributed.",
        ),
    ],
)
def test_footer_sentence_ending_a_paragraph_is_marked_alone(paragraph: str, marked: str) -> None:
    text = ARTICLE + paragraph + "\n"
    assert [text[b.start : b.end] for b in find_boilerplate(text)] == [marked]


def test_footer_glued_to_a_one_line_article_takes_only_its_sentences() -> None:
    text = ARTICLE.replace("\n", " ") * 4 + (
        'Beijing said it "firmly opposes" the sale. Copyright 2020 Reuters. All rights '
        "reserved. Sign up for our newsletter."
    )
    assert [(text[b.start : b.end], b.kind) for b in find_boilerplate(text)] == [
        ("Copyright 2020 Reuters.", "copyright"),
        ("All rights reserved.", "copyright"),
        ("Sign up for our newsletter.", "prompt"),
    ]


UNRELATED_HEADLINES = (
    "Putin Aide Says Peace Prospects Have Not Improved\n"
    "Protests Erupt in Albania as Corruption Allegations Rock Government\n"
    "Niigata Set to Approve Restart of Japan’s Largest Nuclear Power Plant\n"
    "Democratic Attorneys General Sue Over Proposed Limits on Healthcare\n"
)


def test_trailing_headline_block_is_a_sidebar() -> None:
    text = ARTICLE + UNRELATED_HEADLINES
    kinds = {b.kind for b in find_boilerplate(text)}
    assert kinds == {"sidebar"} and covered(text, "Putin Aide Says")


def test_headline_block_under_a_related_heading_is_a_sidebar_even_mid_text() -> None:
    text = ARTICLE + "Related Stories\n" + UNRELATED_HEADLINES + "\n" + ARTICLE
    spans = find_boilerplate(text)
    assert [b.kind for b in spans] == ["sidebar"] * 5
    assert text[spans[0].start : spans[0].end] == "Related Stories"


def test_two_headlines_are_not_a_block() -> None:
    text = ARTICLE + "".join(UNRELATED_HEADLINES.splitlines(keepends=True)[:2])
    assert find_boilerplate(text) == ()


def test_a_list_of_the_article_own_systems_is_not_a_sidebar() -> None:
    text = (
        ARTICLE + "The package includes the following systems, the agency said:\n"
        "Harpoon Coastal Defense Systems For Taiwan\n"
        "Harpoon Missiles And Launchers For The Defense Systems\n"
        "Radar Trucks And Spare Parts For The Harpoon Systems\n"
    )
    assert find_boilerplate(text) == ()


def test_lines_between_footer_lines_are_footer() -> None:
    text = (
        ARTICLE * 3 + "Note to readers: please share this article.\n"
        "Our work depends on you.\n" + "© 2020 Global Research\n"
    )
    spans = find_boilerplate(text)
    assert [b.kind for b in spans] == ["prompt", "footer", "copyright"]


def test_spans_are_sorted_and_disjoint_and_text_is_unchanged() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = find_boilerplate(text)
        assert all(isinstance(b, Boilerplate) for b in spans)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
        assert all(text[b.start : b.end].strip() == text[b.start : b.end] for b in spans)


def test_every_cue_has_kind_and_rule() -> None:
    assert all(cue.kind and cue.rule and cue.scope in ("line", "next") for cue in CUES)
    assert all(cue.triggers or cue.pattern.startswith(r"^[\W_]*") for cue in CUES)
