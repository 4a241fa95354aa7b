"""Renderers: the JSON contract, the self-contained HTML page and Markdown, on a hand-built brief.

The fixture brief holds short excerpts of real pages: the five seed captures of one event
(../shared/seeds: ATACMS authorisation, November 2024, in French) and two English reports of
the 27 November 2005 Qeshm earthquake (ECB+ documents 20_11ecbplus, Los Angeles Times, and
20_1ecbplus, BBC News; ../shared/data/ecbplus, CC BY 3.0, de-tokenised). One page carries
hostile strings, as a scraped title or flag detail may.

Golden files live in tests/fixtures/render/; regenerate them with RECOUPE_REGEN_GOLDEN=1.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from recoupe.model import (
    Brief,
    CleanStats,
    Discrepancy,
    DiscrepancyValue,
    Document,
    DuplicateCluster,
    Fact,
    FactMention,
    Flag,
    InputEntry,
    Quote,
    Removal,
    SharedPassage,
    Story,
    SummarySentence,
    TimelineEntry,
    document_id,
)
from recoupe.render import (
    RENDERERS,
    brief_from_dict,
    brief_to_dict,
    load_schema,
    render_html,
    render_json,
    render_markdown,
    validate_brief_dict,
)
from recoupe.render.anchors import TextAnchors, cited_span
from recoupe.render.common import format_number, format_value, safe_url
from recoupe.render.markdown import md_text

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "render"
REGENERATE = os.environ.get("RECOUPE_REGEN_GOLDEN") == "1"

HOSTILE_TITLE = '<script>alert(1)</script> Biden "feu vert" & ATACMS | missiles'
HOSTILE_FLAG = 'site listed as a content farm: <b>2</b> sources & "pattern" </td></tr>'
HOSTILE_REMOVAL = '<img src=x onerror="alert(1)"> Partager sur Facebook'

# --------------------------------------------------------------------------------------------
# the fixture brief
# --------------------------------------------------------------------------------------------

# Le Monde, seed 003 (2024-11-18)
LEMONDE_TEXT = (
    "Washington a finalement cédé à une demande faite par Kiev depuis des mois : pouvoir utiliser les "
    "missiles ATACMS, qui peuvent atteindre une cible à près de 300 kilomètres.\n\n"
    "Joe Biden a finalement cédé à une demande faite par Kiev depuis des mois, a-t-on appris de source "
    "officielle dimanche 17 novembre.\n\n"
    "Il s’agit ici de repousser la contre-attaque de Moscou – forte de près de 50 000 hommes, dont "
    "10 000 Nord-Coréens – dans la région russe de Koursk, conquise par Kiev en août."
)
LEMONDE_INPUT_HEAD = "Cet article vous est offert\nRead in English\n"
LEMONDE_PAYWALL = "Il vous reste 73.51% de cet article à lire. La suite est réservée aux abonnés."

# seed 004
SEED4_TEXT = (
    "L’autorisation de déployer les missiles ATACMS, capables d’atteindre des cibles jusqu’à 300 km de "
    "distance, constitue une évolution majeure dans la politique américaine. Zelensky, prudent, a "
    "simplement commenté : « Les missiles parleront d’eux-mêmes ».\n\n"
    "L’Ukraine estime à 11 000 le nombre de militaires nord-coréens déployés près de Koursk, tandis que "
    "Kiev prépare ses forces à contrer une attaque imminente de cette alliance."
)

SHARED_PASSAGE = "L’Ukraine estime à 11 000 le nombre de militaires nord-coréens déployés près de Koursk"

# seed 000, a repetitive page
SEED0_TEXT = (
    "Dans la foulée de l’annonce sur les ATACMS, le Pentagone a dévoilé un nouveau package d’aide "
    "militaire à l’Ukraine, d’un montant de 275 millions de dollars.\n\n"
    "Les Russes utilisent de plus en plus leur infanterie pour mener leurs assauts, au lieu des blindés."
)

# ECB+ 20_11ecbplus (Los Angeles Times) and 20_1ecbplus (BBC News)
LATIMES_TEXT = (
    "Ten people were killed and at least 50 injured when an earthquake razed mud-brick villages on the "
    "Persian Gulf island of Qeshm off Iran's southern coast Sunday, officials and state media said.\n\n"
    "Tehran's seismologic center put the quake's magnitude at 5.9, but the U.S. Geological Survey in "
    "Golden, Colo., said it was 6.1."
)
BBC_TEXT = (
    "A powerful earthquake has hit southern Iran, killing at least 10 people, injuring dozens more and "
    "damaging several villages, officials say.\n\n"
    "The 6.1-magnitude quake struck Qeshm island, home to 120,000 people, and the city of Bandar Abbas, "
    "state media said."
)

SRC_LEMONDE = "examples/003_9f022cd4a79fafdb.txt"
SRC_SEED4 = "examples/004_6c95f4fc2acd8dce.txt"
SRC_COPY = "examples/mirror/004-copy.txt"
SRC_SEED0 = "examples/000_5ae074ca8bef98bc.html"
SRC_LATIMES = "ecb.jsonl#20_11ecbplus"
SRC_BBC = "ecb.jsonl#20_1ecbplus"
D_LEMONDE, D_SEED4, D_COPY, D_SEED0, D_LATIMES, D_BBC = (
    document_id(s) for s in (SRC_LEMONDE, SRC_SEED4, SRC_COPY, SRC_SEED0, SRC_LATIMES, SRC_BBC)
)
TEXTS = {
    D_LEMONDE: LEMONDE_TEXT,
    D_SEED4: SEED4_TEXT,
    D_COPY: SEED4_TEXT,
    D_SEED0: SEED0_TEXT,
    D_LATIMES: LATIMES_TEXT,
    D_BBC: BBC_TEXT,
}


def mention(doc: str, text: str) -> FactMention:
    start = TEXTS[doc].index(text)
    return FactMention(document=doc, text=text, start=start, end=start + len(text))


def quote(doc: str, text: str, speaker: str | None, **extra: Any) -> Quote:
    start = TEXTS[doc].index(text)
    return Quote(text=text, speaker=speaker, document=doc, start=start, end=start + len(text), **extra)


def fixture_brief() -> Brief:
    """Two stories (French, English), a duplicate, a junk page, skipped and failed inputs."""
    paywall_at = len(LEMONDE_INPUT_HEAD) + len(LEMONDE_TEXT) + 2
    documents = [
        Document(
            id=D_LEMONDE,
            source=SRC_LEMONDE,
            text=LEMONDE_TEXT,
            url="https://www.lemonde.fr/international/article/2024/11/18/joe-biden-autorise-l-ukraine.html",
            site="Le Monde",
            title="Joe Biden autorise l’Ukraine à utiliser des missiles à longue portée pour frapper la Russie en profondeur",
            published="2024-11-18T01:58:00+01:00",
            language="fr",
            removed=[
                Removal("Cet article vous est offert", "paywall", 0, 27, rule="paywall.offer"),
                Removal("Read in English", "widget", 28, 43, rule="widget.translation"),
                Removal(
                    LEMONDE_PAYWALL, "paywall", paywall_at, paywall_at + len(LEMONDE_PAYWALL), "paywall.share"
                ),
            ],
            clean_stats=CleanStats(
                paragraphs_in=6,
                paragraphs_unique=6,
                paywall_notice=True,
                hidden_share=0.7351,
                chars_in=len(LEMONDE_INPUT_HEAD) + len(LEMONDE_TEXT) + 2 + len(LEMONDE_PAYWALL),
                chars_removed=27 + 15 + len(LEMONDE_PAYWALL),
            ),
            flags=[
                Flag(
                    "paywall_truncated",
                    "The page says 73.51% of the article is hidden to non-subscribers.",
                    0.7351,
                )
            ],
            quality=0.62,
            story="s-atacms",
            content_hash="h-lemonde",
        ),
        Document(
            id=D_SEED4,
            source=SRC_SEED4,
            text=SEED4_TEXT,
            title="Les États-Unis franchissent une étape majeure dans leur soutien à l’Ukraine",
            published="2024-11-18",
            language="fr",
            quality=0.81,
            story="s-atacms",
            content_hash="h-seed4",
        ),
        Document(
            id=D_COPY,
            source=SRC_COPY,
            text=SEED4_TEXT,
            title="Les États-Unis franchissent une étape majeure dans leur soutien à l’Ukraine",
            language="fr",
            flags=[Flag("missing_date", "No publication date was found in the page or its metadata.")],
            quality=0.55,
            verdict="duplicate",
            duplicate_of=D_SEED4,
            story="s-atacms",
            content_hash="h-seed4",
        ),
        Document(
            id=D_SEED0,
            source=SRC_SEED0,
            text=SEED0_TEXT,
            format="html",
            url="javascript:alert(1)",
            site="actu-express.example",
            title=HOSTILE_TITLE,
            language="fr",
            removed=[
                Removal(HOSTILE_REMOVAL, "markup", rule="trafilatura"),
                Removal(SEED0_TEXT.split("\n\n")[1], "repetition", rule="paragraph.repeat"),
                Removal(SEED0_TEXT.split("\n\n")[1], "repetition", rule="paragraph.repeat"),
            ],
            flags=[
                Flag("repetitive", "15 of 24 paragraphs repeat (62%).", 0.62),
                Flag("content_farm", HOSTILE_FLAG),
            ],
            quality=0.12,
            verdict="junk",
            story="s-atacms",
            content_hash="h-seed0",
        ),
        Document(
            id=D_LATIMES,
            source=SRC_LATIMES,
            text=LATIMES_TEXT,
            url="http://articles.latimes.com/2005/nov/28/world/fg-quake28",
            site="Los Angeles Times",
            title="Earthquake Levels Villages on Iranian Island of Qeshm",
            published="2005-11-28",
            language="en",
            quality=0.9,
            story="s-qeshm",
            content_hash="h-latimes",
        ),
        Document(
            id=D_BBC,
            source=SRC_BBC,
            text=BBC_TEXT,
            url="http://news.bbc.co.uk/2/hi/middle_east/4475546.stm",
            site="BBC News",
            title="Ten dead in southern Iran quake",
            published="2005-11-28T02:24:00Z",
            language="en",
            quality=0.88,
            story="s-qeshm",
            content_hash="h-bbc",
        ),
    ]
    atacms = Story(
        id="s-atacms",
        title="Joe Biden autorise l’Ukraine à frapper la Russie avec des missiles ATACMS",
        documents=[D_LEMONDE, D_SEED4, D_COPY, D_SEED0],
        summary=[
            SummarySentence(
                "Joe Biden a autorisé l’Ukraine à utiliser des missiles ATACMS pour frapper le territoire russe.",
                [D_LEMONDE, D_SEED4],
            ),
            SummarySentence(
                "Les ATACMS peuvent atteindre une cible à près de 300 kilomètres.", [D_LEMONDE, D_SEED4]
            ),
        ],
        facts=[
            Fact(
                "f-range",
                "quantity",
                "Portée des ATACMS : 300 km",
                300.0,
                2,
                [mention(D_LEMONDE, "près de 300 kilomètres"), mention(D_SEED4, "jusqu’à 300 km")],
                unit="km",
                subject="portée des ATACMS",
                qualifier="approximately",
                low=270.0,
                high=300.0,
            ),
            Fact(
                "f-nk-10k",
                "quantity",
                "Soldats nord-coréens : 10 000",
                10000.0,
                1,
                [mention(D_LEMONDE, "10 000 Nord-Coréens")],
                unit="soldiers",
                subject="soldats nord-coréens",
                qualifier="exact",
            ),
            Fact(
                "f-nk-11k",
                "quantity",
                "Soldats nord-coréens : 11 000",
                11000.0,
                1,
                [
                    mention(D_SEED4, "11 000 le nombre de militaires nord-coréens"),
                    mention(D_COPY, "11 000 le nombre de militaires nord-coréens"),
                ],
                unit="soldiers",
                subject="soldats nord-coréens",
                qualifier="exact",
                claimed_by="L’Ukraine estime",
            ),
            Fact(
                "f-zelensky",
                "person",
                "Volodymyr Zelensky",
                "Volodymyr Zelensky",
                1,
                [mention(D_SEED4, "Zelensky")],
            ),
            Fact(
                "f-date",
                "date",
                "Autorisation annoncée : 17 novembre 2024",
                "2024-11-17",
                1,
                [mention(D_LEMONDE, "dimanche 17 novembre")],
            ),
            Fact(
                "f-aid",
                "money",
                "Aide militaire : 275 millions de dollars",
                275_000_000.0,
                0,
                [mention(D_SEED0, "275 millions de dollars")],
                unit="USD",
            ),
            Fact(
                "f-atacms",
                "product",
                "ATACMS | Army Tactical Missile System",
                "ATACMS",
                2,
                [
                    mention(D_LEMONDE, "ATACMS"),
                    mention(D_SEED4, "ATACMS"),
                ],
            ),
        ],
        quotes=[
            quote(
                D_SEED4,
                "« Les missiles parleront d’eux-mêmes »",
                "Volodymyr Zelensky",
                speaker_fact="f-zelensky",
                support=1,
            ),
            quote(
                D_SEED0,
                "Les Russes utilisent de plus en plus leur infanterie pour mener leurs assauts, au lieu des blindés.",
                None,
            ),
        ],
        discrepancies=[
            Discrepancy(
                about="soldats nord-coréens",
                kind="conflict",
                values=[
                    DiscrepancyValue(10000.0, [D_LEMONDE], "10 000 Nord-Coréens", ["f-nk-10k"]),
                    DiscrepancyValue(
                        11000.0,
                        [D_SEED4, D_COPY],
                        "11 000 le nombre de militaires nord-coréens",
                        ["f-nk-11k"],
                        claimed_by="L’Ukraine estime",
                    ),
                ],
            )
        ],
        timeline=[
            TimelineEntry("2024-08", "Kiev conquiert une partie de la région russe de Koursk.", [D_LEMONDE]),
            TimelineEntry(
                "2024-11-17", "Washington autorise l’usage des ATACMS contre la Russie.", [D_LEMONDE]
            ),
        ],
        shared_passages=[
            SharedPassage(
                SHARED_PASSAGE,
                [D_SEED4, D_COPY],
                {
                    doc: (
                        SEED4_TEXT.index(SHARED_PASSAGE),
                        SEED4_TEXT.index(SHARED_PASSAGE) + len(SHARED_PASSAGE),
                    )
                    for doc in (D_SEED4, D_COPY)
                },
            )
        ],
    )
    qeshm = Story(
        id="s-qeshm",
        title="Earthquake hits Qeshm island, southern Iran",
        documents=[D_LATIMES, D_BBC],
        summary=[
            SummarySentence(
                "An earthquake struck Qeshm island off Iran's southern coast, killing at least 10 people.",
                [D_LATIMES, D_BBC],
            ),
        ],
        facts=[
            Fact(
                "f-mag-61",
                "quantity",
                "Magnitude 6.1",
                6.1,
                2,
                [mention(D_LATIMES, "6.1"), mention(D_BBC, "6.1-magnitude")],
                subject="earthquake magnitude",
                claimed_by="U.S. Geological Survey",
            ),
            Fact(
                "f-mag-59",
                "quantity",
                "Magnitude 5.9",
                5.9,
                1,
                [mention(D_LATIMES, "magnitude at 5.9")],
                subject="earthquake magnitude",
                claimed_by="Tehran's seismologic center",
            ),
            Fact(
                "f-dead",
                "quantity",
                "Deaths: at least 10",
                10.0,
                2,
                [mention(D_LATIMES, "Ten people were killed"), mention(D_BBC, "killing at least 10 people")],
                unit="people",
                qualifier="at_least",
                low=10.0,
            ),
            Fact(
                "f-qeshm",
                "place",
                "Qeshm",
                "Qeshm",
                2,
                [mention(D_LATIMES, "Qeshm"), mention(D_BBC, "Qeshm")],
            ),
        ],
        discrepancies=[
            Discrepancy(
                about="earthquake magnitude",
                kind="conflict",
                values=[
                    DiscrepancyValue(
                        5.9, [D_LATIMES], "magnitude at 5.9", ["f-mag-59"], "Tehran's seismologic center"
                    ),
                    DiscrepancyValue(
                        6.1, [D_LATIMES, D_BBC], "6.1-magnitude", ["f-mag-61"], "U.S. Geological Survey"
                    ),
                ],
            )
        ],
        timeline=[
            TimelineEntry("2005-11-27", "An earthquake razes villages on Qeshm island.", [D_LATIMES, D_BBC])
        ],
    )
    inputs = [
        InputEntry(SRC_SEED0, "ok", D_SEED0),
        InputEntry(SRC_LEMONDE, "ok", D_LEMONDE),
        InputEntry(SRC_SEED4, "ok", D_SEED4),
        InputEntry(SRC_COPY, "ok", D_COPY),
        InputEntry("examples/empty.txt", "skipped", reason="skipped:empty: the file holds no text"),
        InputEntry(
            "examples/latin1.html",
            "error",
            reason="error:UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 1042",
        ),
        InputEntry(SRC_LATIMES, "ok", D_LATIMES),
        InputEntry(SRC_BBC, "ok", D_BBC),
    ]
    duplicates = [
        DuplicateCluster(
            "c-seed4",
            D_SEED4,
            [D_SEED4, D_COPY],
            similarity=1.0,
            evidence="identical clean text (equal content hash)",
        )
    ]
    return Brief("0.1.0", "2024-11-18T12:00:00+00:00", inputs, documents, [atacms, qeshm], duplicates)


def error_only_brief() -> Brief:
    return Brief(
        recoupe_version="0.1.0",
        generated_at="2024-11-18T12:00:00+00:00",
        inputs=[
            InputEntry(
                "pages/broken.warc.gz",
                "error",
                reason="error:EOFError: compressed file ended before the end-of-stream marker",
            ),
            InputEntry(
                "pages/notes.pdf",
                "skipped",
                reason="skipped:unsupported: .pdf is not a page format recoupe reads",
            ),
        ],
        documents=[],
        stories=[],
    )


@pytest.fixture(scope="module")
def brief() -> Brief:
    return fixture_brief()


@pytest.fixture(scope="module")
def brief_dict(brief: Brief) -> dict[str, Any]:
    return brief_to_dict(brief)


@pytest.fixture(scope="module")
def page(brief: Brief) -> Any:
    return lxml_html.document_fromstring(render_html(brief))


@pytest.fixture(scope="module")
def markdown(brief: Brief) -> str:
    return render_markdown(brief)


def plain(text: str) -> str:
    """Text with the narrow no-break spaces that group digits read as plain spaces."""
    return " ".join(text.replace("\u202f", " ").split())


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing; RECOUPE_REGEN_GOLDEN=1 writes it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; RECOUPE_REGEN_GOLDEN=1 rewrites it"


# --------------------------------------------------------------------------------------------
# JSON contract
# --------------------------------------------------------------------------------------------


def test_brief_dict_validates_against_shared_contract(brief_dict: dict[str, Any], shared_dir: Path) -> None:
    contract = json.loads((shared_dir / "contract" / "brief.schema.json").read_text(encoding="utf-8"))
    assert validate_brief_dict(brief_dict, contract) == []


def test_brief_dict_validates_against_packaged_schema(brief_dict: dict[str, Any]) -> None:
    assert validate_brief_dict(brief_dict) == []
    assert validate_brief_dict(brief_to_dict(error_only_brief())) == []


def test_packaged_schema_equals_shared_contract(shared_dir: Path) -> None:
    contract = json.loads((shared_dir / "contract" / "brief.schema.json").read_text(encoding="utf-8"))
    assert load_schema() == contract


def test_validation_names_where_and_why_the_contract_breaks(brief_dict: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(brief_dict))
    broken["stories"][0]["facts"][1]["support"] = -1
    del broken["stories"][1]["title"]
    broken["stories"][1]["discrepancies"][0]["values"].pop()
    broken["documents"][4]["quality"] = 1.5
    errors = validate_brief_dict(broken)
    assert len(errors) == 4
    assert any(e.startswith("documents/4/quality: 1.5 is greater than the maximum of 1") for e in errors)
    assert "stories/0/facts/1/support: -1 is less than the minimum of 0" in errors
    assert any(e.startswith("stories/1: 'title' is a required property") for e in errors)
    assert any(e.startswith("stories/1/discrepancies/0/values:") and "too short" in e for e in errors)
    # errors come in the order of the places they point at
    assert [e.split(":")[0] for e in errors] == [
        "documents/4/quality",
        "stories/0/facts/1/support",
        "stories/1",
        "stories/1/discrepancies/0/values",
    ]


def test_brief_dict_keeps_contract_fields_and_leaves_internals_out(
    brief: Brief, brief_dict: dict[str, Any]
) -> None:
    by_id = {d["id"]: d for d in brief_dict["documents"]}
    lemonde, seed0 = by_id[D_LEMONDE], by_id[D_SEED0]
    assert set(lemonde) >= {
        "id",
        "source",
        "language",
        "text",
        "removed",
        "flags",
        "quality",
        "duplicate_of",
        "story",
    }
    assert not {"sentences", "mentions", "quotes", "clean_stats"} & set(lemonde)
    assert lemonde["stats"]["hidden_share"] == 0.7351
    # text inputs keep their removal offsets, and those offsets slice the decoded input
    paywall = lemonde["removed"][2]
    assert paywall == {
        "text": LEMONDE_PAYWALL,
        "reason": "paywall",
        "start": paywall["start"],
        "end": paywall["end"],
        "rule": "paywall.share",
    }
    page_text = LEMONDE_INPUT_HEAD + LEMONDE_TEXT + "\n\n" + LEMONDE_PAYWALL
    assert page_text[paywall["start"] : paywall["end"]] == LEMONDE_PAYWALL
    # HTML markup trafilatura dropped has no place in the input text
    assert seed0["format"] == "html"
    assert seed0["removed"][0] == {
        "text": HOSTILE_REMOVAL,
        "reason": "markup",
        "start": None,
        "end": None,
        "rule": "trafilatura",
    }
    passage = brief_dict["stories"][0]["shared_passages"][0]
    assert passage == {"text": brief.stories[0].shared_passages[0].text, "documents": [D_SEED4, D_COPY]}
    fact = brief_dict["stories"][0]["facts"][2]
    assert list(fact) == [
        "id",
        "kind",
        "label",
        "value",
        "unit",
        "support",
        "mentions",
        "subject",
        "qualifier",
        "low",
        "high",
        "claimed_by",
        "time",
        "place",
        "predicate",
    ]
    assert fact["value"] == 11000.0 and fact["claimed_by"] == "L’Ukraine estime"
    assert brief_dict["counts"] == {
        "inputs": 8,
        "inputs_ok": 6,
        "inputs_skipped": 1,
        "inputs_error": 1,
        "documents": 6,
        "documents_junk": 1,
        "documents_duplicate": 1,
        "stories": 2,
        "duplicate_clusters": 1,
    }


def test_fact_mentions_slice_their_documents(brief_dict: dict[str, Any]) -> None:
    texts = {d["id"]: d["text"] for d in brief_dict["documents"]}
    for story in brief_dict["stories"]:
        for fact in story["facts"]:
            for m in fact["mentions"]:
                assert texts[m["document"]][m["start"] : m["end"]] == m["text"]


def test_render_json_is_indented_utf8_with_trailing_newline(brief: Brief) -> None:
    text = render_json(brief)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '\n  "recoupe_version": "0.1.0",' in text
    assert "nord-coréens" in text and "\\u00e9" not in text
    assert json.loads(text) == brief_to_dict(brief)


def test_render_json_refuses_nan_rather_than_writing_invalid_json(brief: Brief) -> None:
    broken = fixture_brief()
    broken.documents[0].quality = math.nan
    with pytest.raises(ValueError):
        render_json(broken)


def test_json_reads_back_into_the_same_brief(brief: Brief) -> None:
    data = json.loads(render_json(brief))
    again = brief_from_dict(data)
    assert brief_to_dict(again) == data
    assert render_markdown(again) == render_markdown(brief)
    assert render_html(again) == render_html(brief)


def test_json_golden(brief: Brief) -> None:
    check_golden("brief.json", render_json(brief))


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def text_of(element: Any) -> str:
    return plain(element.text_content())


def test_html_parses_and_shows_every_story_fact_and_discrepancy(brief: Brief, page: Any) -> None:
    body = text_of(page.body)
    for story in brief.stories:
        assert story.title in [text_of(h) for h in page.xpath("//h2")]
        for fact in story.facts:
            (label_cell,) = page.xpath(f'//tr[@id="fact-{fact.id}"]/td[2]')
            assert text_of(label_cell).startswith(fact.label)
    values = [text_of(v) for v in page.xpath('//div[contains(@class, "discrepancy")]//span[@class="value"]')]
    assert values == ["10 000 soldiers", "11 000 soldiers", "5.9", "6.1"]
    assert "claimed by L’Ukraine estime" in body
    assert "claimed by Tehran's seismologic center" in body


def test_html_marks_single_source_facts(page: Any) -> None:
    def badge(fact_id: str) -> Any:
        return page.xpath(f'//tr[@id="fact-{fact_id}"]//span[contains(@class, "badge")]')[0]

    assert badge("f-nk-10k").get("class") == "badge single" and text_of(badge("f-nk-10k")) == "single source"
    assert badge("f-range").get("class") == "badge corroborated" and text_of(badge("f-range")) == "2 sources"
    assert badge("f-aid").get("class") == "badge unsupported"


def test_html_cites_sources_with_working_links(brief: Brief, page: Any) -> None:
    summary = page.xpath('//section[@id="story-s-atacms"]//ul[@class="summary"]/li')[0]
    assert [text_of(a) for a in summary.xpath('.//a[@class="cite"]')] == ["[1]", "[2]"]
    ids = set(page.xpath("//@id"))
    for href in page.xpath('//a[starts-with(@href, "#")]/@href'):
        assert href[1:] in ids, f"dangling link {href}"


class _ScriptFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_html_escapes_hostile_page_strings(brief: Brief) -> None:
    out = render_html(brief)
    finder = _ScriptFinder()
    finder.feed(out)
    assert "script" not in finder.tags and "img" not in finder.tags
    page = lxml_html.document_fromstring(out)
    assert not page.xpath("//script | //img | //iframe | //object | //@onerror")
    # the strings come back as text, exactly
    assert page.xpath(f'//tr[@id="doc-{D_SEED0}"]//*[@class="title"]/text()') == [HOSTILE_TITLE]
    assert any(text_of(li).endswith(plain(HOSTILE_FLAG)) for li in page.xpath("//ul[@class='flags']/li"))
    assert HOSTILE_REMOVAL in [e.text_content() for e in page.xpath("//ol[@class='removed']//blockquote")]
    # a javascript: URL is never made a link
    assert not [h for h in page.xpath("//@href") if "javascript" in h.lower()]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_html_shows_any_page_title_as_typed(title: str) -> None:
    doc = Document(id="d1", source="page.html", text="Texte.", title=title, site="site")
    out = render_html(Brief("0.1.0", "2024-11-18", [InputEntry("page.html", "ok", "d1")], [doc], []))
    page = lxml_html.document_fromstring(out)
    assert page.xpath('//tr[@id="doc-d1"]//*[@class="title"]/text()') == [title]
    assert not page.xpath("//script")


def test_html_loads_nothing_from_outside(page: Any) -> None:
    out_of_page = page.xpath("//script[@src] | //link[@href] | //img | //iframe | //@srcset")
    assert out_of_page == []
    styles = " ".join(s.text_content() for s in page.xpath("//style"))
    assert "url(" not in styles and "@import" not in styles
    assert not page.xpath("//@style[contains(., 'url(')]")


def test_html_sources_table_shows_flags_and_removed_spans(page: Any) -> None:
    row = page.xpath(f'//tr[@id="doc-{D_LEMONDE}"]')[0]
    assert "paywall_truncated: The page says 73.51% of the article is hidden" in text_of(row)
    summary = row.xpath(".//details/summary")[0]
    assert text_of(summary) == "paywall 2, widget 1"
    assert [text_of(b) for b in row.xpath(".//ol[@class='removed']//blockquote")] == [
        "Cet article vous est offert",
        "Read in English",
        LEMONDE_PAYWALL,
    ]
    copy_row = page.xpath(f'//tr[@id="doc-{D_COPY}"]')[0]
    assert "copy of [2]" in text_of(copy_row)


def test_html_inputs_table_gives_reasons_and_texts_are_folded(page: Any) -> None:
    rows = {
        text_of(tr.xpath("td[1]")[0]): tr for tr in page.xpath('//table[contains(@class, "inputs")]/tbody/tr')
    }
    assert len(rows) == 8
    assert "UnicodeDecodeError" in text_of(rows["examples/latin1.html"])
    assert rows["examples/latin1.html"].get("class") == "problem"
    assert "skipped:empty" in text_of(rows["examples/empty.txt"])
    text = page.xpath(f'//details[@id="text-{D_LATIMES}"]')[0]
    assert text.get("lang") == "en"
    assert [text_of(p) for p in text.xpath("p")] == LATIMES_TEXT.split("\n\n")


def test_html_summary_citation_lands_on_the_cited_sentence_in_the_clean_text(page: Any) -> None:
    summary = page.xpath('//section[@id="story-s-atacms"]//ul[@class="summary"]/li')[1]
    lemonde_cite = summary.xpath('.//a[@class="cite"]')[0]
    target = page.xpath(f'//*[@id="{lemonde_cite.get("href")[1:]}"]')[0]
    # the passage lies in Le Monde's clean text and is the sentence stating the range
    assert target.xpath(f'ancestor::details[@id="text-{D_LEMONDE}"]')
    assert "passage-mark" in target.get("class")
    assert text_of(target).endswith("qui peuvent atteindre une cible à près de 300 kilomètres.")


def test_html_fact_mentions_link_to_their_words_in_the_text(page: Any) -> None:
    (cite,) = page.xpath('//tr[@id="fact-f-nk-10k"]//a[@class="cite"]')
    target = page.xpath(f'//*[@id="{cite.get("href")[1:]}"]')[0]
    assert target.tag == "mark" and text_of(target) == "10 000 Nord-Coréens"
    quote_cite = page.xpath('//figure[@class="quote"]//a[@class="cite"]')[0]
    quoted = page.xpath(f'//*[@id="{quote_cite.get("href")[1:]}"]')[0]
    assert text_of(quoted) == "« Les missiles parleront d’eux-mêmes »"


def test_html_clean_text_keeps_every_character_around_the_marks(brief: Brief, page: Any) -> None:
    for doc in brief.documents:
        shown = [p.text_content() for p in page.xpath(f'//details[@id="text-{doc.id}"]/p')]
        assert shown == [part.strip() for part in doc.text.split("\n\n")]


def claim_brief(sentence: str) -> Brief:
    doc = Document(id="d1", source="a.txt", text="Intro.\n\n" + sentence, language="fr")
    start = doc.text.index(sentence)
    claim = Fact(
        "f-claim",
        "claim",
        sentence[:40] + "…",
        sentence,
        1,
        [FactMention("d1", sentence, start, len(doc.text))],
    )
    story = Story("s1", "Story", ["d1"], facts=[claim])
    return Brief("0.1.0", "2024-11-18", [InputEntry("a.txt", "ok", "d1")], [doc], [story])


def test_html_claims_state_their_sentence_once_in_a_table_of_their_own() -> None:
    sentence = "Selon le ministère, 12 000 personnes ont été évacuées de la vallée pendant la nuit de mardi."
    page = lxml_html.document_fromstring(render_html(claim_brief(sentence)))
    (row,) = page.xpath('//table[contains(@class, "claims")]/tbody/tr')
    assert [c.get("data-label") for c in row.xpath("td")] == ["Claim", "Support", "Claimed by", "Stated in"]
    assert text_of(row).count("12 000 personnes") == 1
    assert not page.xpath('//table[contains(@class, "facts") and not(contains(@class, "claims"))]')


def test_anchor_of_a_mention_straddling_a_passage_is_the_passage() -> None:
    text = "Une phrase citée ici. Puis une autre phrase."
    anchors = TextAnchors(text, "d1-")
    passage = anchors.add(0, 21, "passage", "cited")
    assert anchors.add(15, 26, "mention", "person") == passage  # crosses the passage's end
    inside = anchors.add(4, 10, "mention", "person")
    assert inside == "d1-t4-10" and anchors.add(5, 9, "mention", "place") == inside
    (paragraph,) = anchors.paragraphs()
    assert "".join(p.text for p in paragraph) == text
    assert [p.text for p in paragraph[0].pieces] == ["Une ", "phrase", " citée ici."]


def test_cited_span_finds_the_sentence_or_the_closest_one_or_none() -> None:
    text = "Le pont a rouvert lundi. Les travaux ont coûté 4 millions d'euros selon la mairie."
    assert cited_span(text, "Le pont a rouvert lundi.") == (0, 24)
    start, end = cited_span(text, "Selon la mairie, les travaux ont coûté 4 millions d'euros.") or (0, 0)
    assert text[start:end] == "Les travaux ont coûté 4 millions d'euros selon la mairie."
    assert cited_span(text, "Une phrase sans rapport aucun avec ce texte.") is None


def test_html_duplicate_cluster_shows_evidence(page: Any) -> None:
    row = page.xpath('//tr[@id="dup-c-seed4"]')[0]
    assert "identical clean text" in text_of(row) and "100%" in text_of(row)
    assert [text_of(a) for a in row.xpath(".//a")] == ["[2]", "[3]"]


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def md_tables(markdown: str) -> list[list[list[str]]]:
    """Tables as a CommonMark + GitHub tables parser reads them: rows of cell sources."""
    tokens = MARKDOWN.parse(markdown)
    tables: list[list[list[str]]] = []
    for previous, token in itertools.pairwise(tokens):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and previous.type in ("th_open", "td_open"):
            tables[-1][-1].append(token.content)
    return tables


def md_rendered_text(markdown: str) -> str:
    return plain(
        lxml_html.fragment_fromstring(
            MarkdownIt("commonmark").enable("table").render(markdown), create_parent="div"
        ).text_content()
    )


def test_markdown_has_a_facts_table_per_story_with_whole_rows(brief: Brief, markdown: str) -> None:
    facts_tables = [t for t in md_tables(markdown) if t[0][:2] == ["Kind", "Fact"]]
    assert [len(t) - 1 for t in facts_tables] == [len(s.facts) for s in brief.stories]
    for table in md_tables(markdown):
        assert {len(row) for row in table} == {len(table[0])}, "a page string broke a table row"
    labels = [row[1] for row in facts_tables[0][1:]]
    assert "ATACMS | Army Tactical Missile System" in labels
    single = next(row for row in facts_tables[0] if row[1].startswith("Soldats nord-coréens : 10 000"))
    assert single[3] == "**single source**"


def test_markdown_shows_the_same_key_content(brief: Brief, markdown: str) -> None:
    text = md_rendered_text(markdown)
    for story in brief.stories:
        assert f"## {story.title}" in markdown
    for needle in (
        "10 000 soldiers — “10 000 Nord-Coréens” [1]",
        "11 000 soldiers — “11 000 le nombre de militaires nord-coréens” — claimed by L’Ukraine estime [2][3]",
        "5.9 — “magnitude at 5.9” — claimed by Tehran's seismologic center [5]",
        "« Les missiles parleront d’eux-mêmes » — Volodymyr Zelensky [2]",
        "— speaker not named [4]",
        "2024-11-17 Washington autorise l’usage des ATACMS contre la Russie. [1]",
        "Les ATACMS peuvent atteindre une cible à près de 300 kilomètres. [1][2]",
        "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9",
        "paywall 2, widget 1",
        HOSTILE_TITLE,
    ):
        assert plain(needle) in text, needle


def test_markdown_keeps_hostile_strings_as_text(markdown: str) -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    inline_kinds = {child.type for t in tokens if t.children for child in t.children}
    assert not inline_kinds & {"html_inline", "image"}
    assert not [t for t in tokens if t.type == "html_block"]
    links = [c.attrs["href"] for t in tokens if t.children for c in t.children if c.type == "link_open"]
    assert links == [
        "https://www.lemonde.fr/international/article/2024/11/18/joe-biden-autorise-l-ukraine.html",
        "http://articles.latimes.com/2005/nov/28/world/fg-quake28",
        "http://news.bbc.co.uk/2/hi/middle_east/4475546.stm",
    ]


def test_markdown_golden(markdown: str) -> None:
    check_golden("brief.md", markdown)


MARKDOWN = MarkdownIt("commonmark").enable("table")
PAGE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\r\t"))


def shown_in_table_cell(markdown_text: str) -> str:
    """What a reader sees of one table cell, markup named where it is not plain text."""
    tokens = MARKDOWN.parse("| h |\n|---|\n| " + markdown_text + " |\n")
    cell = [t for t in tokens if t.type == "inline"][1]
    return "".join(
        c.content if c.type in ("text", "code_inline") else f"<{c.type}>" for c in cell.children or []
    )


@settings(max_examples=300, deadline=None)
@given(PAGE_TEXT)
def test_md_text_shows_any_page_string_as_typed_in_a_table_cell(text: str) -> None:
    # line breaks become spaces (a cell is one line); everything else reads as typed
    expected = re.sub(r"[\t\n\r]+", " ", text).strip()
    assert shown_in_table_cell(md_text(text)) == expected


@pytest.mark.parametrize(
    ("page_string", "shown"),
    [
        ("# Breaking | news", "# Breaking | news"),
        ("1. Sondage : 52 % <b>pour</b>", "1. Sondage : 52 % <b>pour</b>"),
        ("AT&amp;T *vs* [Verizon](http://x)", "AT&amp;T *vs* [Verizon](http://x)"),
        ("line one\nline\\ two", "line one line\\ two"),
    ],
)
def test_md_text_shows_page_strings_as_typed(page_string: str, shown: str) -> None:
    rendered = MarkdownIt("commonmark").render("- " + md_text(page_string))
    assert lxml_html.fragment_fromstring(rendered).text_content().strip() == shown


# --------------------------------------------------------------------------------------------
# all renderers
# --------------------------------------------------------------------------------------------


def test_renderers_are_registered_by_format_name() -> None:
    assert dict(RENDERERS) == {"json": render_json, "html": render_html, "md": render_markdown}


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_renderers_are_deterministic(fmt: str) -> None:
    render = RENDERERS[fmt]
    assert render(fixture_brief()) == render(fixture_brief())


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_a_brief_with_only_failed_inputs_still_renders_its_reasons(fmt: str) -> None:
    out = RENDERERS[fmt](error_only_brief())
    if fmt == "html":
        out = text_of(lxml_html.document_fromstring(out).body)
        assert "No story" in out
    for reason in (
        "error:EOFError: compressed file ended before the end-of-stream marker",
        "skipped:unsupported: .pdf is not a page format recoupe reads",
    ):
        assert reason in out


def test_numbers_read_the_same_in_french_and_english() -> None:
    assert format_number(10000.0) == "10\u202f000"
    assert format_number(275_000_000) == "275\u202f000\u202f000"
    assert (
        format_number(6.1) == "6.1"
        and format_number(0.7351) == "0.7351"
        and format_number(1234.5) == "1\u202f234.5"
    )
    assert format_value(300.0, "km") == "300 km" and format_value(None, "km") == "—"
    assert format_value("2024-11-17") == "2024-11-17"
    assert safe_url(" https://www.bbc.co.uk/x ") == "https://www.bbc.co.uk/x"
    assert safe_url("JavaScript:alert(1)") is None and safe_url("data:text/html,x") is None
