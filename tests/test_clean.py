"""The text cleaner on real furniture, in French and English.

Every quoted line below is a short excerpt of a real page, with its source in a comment. Where a
test assembles a page from such excerpts (furniture between article paragraphs), it says so. The
seeds (examples/) only appear in the integration tests at the end.
"""

from __future__ import annotations

import ast
import gzip
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.clean import (
    Cleaner,
    CleanOptions,
    clean_page,
    clean_pages,
    content_hash,
    find_site_furniture,
    line_key,
    patterns,
)
from recoupe.clean.patterns import vocabulary
from recoupe.lang import lexicon
from recoupe.model import Document, Page, Removal
from recoupe.stage import make_stage, registered_stages

# Article paragraphs to put furniture between. rpm2_french_mds T01_C2_08 ("La nouvelle vie
# d'Ingrid Betancourt") and the Haitian Times page of the trafilatura evaluation corpus.
BODY_FR = (
    "Ingrid Betancourt vient de passer un mois de vacances aux Seychelles avec ses enfants, "
    "Mélanie et Lorenzo, à l'invitation du président James Mchel.",
    "Elle y a vécu près de trois années, entre 1984 et 1986, époque où Fabrice Delloye, le père de "
    "ses enfants, était conseiller économique de l'ambassade de France à Victoria, capitale de l'archipel.",
    "Ainsi, Ingrid Betancourt et ses enfants ont acquis, par décret présidentiel, la nationalité seychelloise.",
)
BODY_EN = (
    "WEST PALM BEACH — The family of a ranked junior tennis player, diagnosed with a rare form of an "
    "illness, has launched a crowdfunding effort to help with his treatment.",
    "“Mekhi is functioning at the level of an 80-year-old man, because his body cannot tolerate "
    "anything physical,” said Camille Etienne Gbedey, their Haitian-born mother.",
)


def page_with(*lines: str, **fields: Any) -> Page:
    """A page of the given paragraphs, one blank line apart."""
    return Page(source=fields.pop("source", "test"), text="\n\n".join(lines) + "\n", **fields)


def clean(*lines: str, **fields: Any) -> Document:
    return clean_page(page_with(*lines, **fields))


def removed(doc: Document, reason: str | None = None) -> list[str]:
    return [r.text for r in doc.removed if reason is None or r.reason == reason]


def assert_offsets_exact(page: Page, doc: Document) -> None:
    for removal in doc.removed:
        assert removal.start is not None and removal.end is not None
        assert page.text[removal.start : removal.end] == removal.text


@pytest.fixture(scope="session")
def clean_fixtures(fixtures_dir: Path) -> Path:
    return fixtures_dir / "clean"


# --------------------------------------------------------------------------------------------
# paywall and subscription
# --------------------------------------------------------------------------------------------


def test_subscription_menus_and_metadata_line_removed_fr(clean_fixtures: Path) -> None:
    page = Page(source="lemonde", text=(clean_fixtures / "lemonde_renseignement_2015_fr.txt").read_text())
    doc = clean_page(page)
    assert_offsets_exact(page, doc)
    for line in (
        "Édition abonnés Contenu exclusif",
        "Abonnez-vous à partir de 1 €",
        "Déjà abonné au",
        "Activez votre accès à l'Édition abonnés du Monde.fr",
        "Gérez votre abonnement",
    ):
        assert line in removed(doc, "paywall")
        assert line not in doc.text
    assert "Lire aussi : Les critiques de la CNIL contre le projet de loi sur le renseignement" in removed(
        doc, "related"
    )
    assert "© Le Monde.fr" in removed(doc)
    # the metadata line goes whole, and gives its date and author
    assert not any("Untersinger" in paragraph for paragraph in doc.text.split("\n\n"))
    assert doc.published == "2015-05-04T13:36"
    assert doc.author == "Martin Untersinger"
    assert doc.title == "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée"
    assert doc.text.startswith("Les députés ont, sans surprise, adopté")
    assert "Pouria Amirshahi, député socialiste" in doc.text
    # subscription ads are not a notice that the article is withheld
    assert doc.clean_stats.paywall_notice is False


def test_paywall_cut_takes_the_sales_pitch_and_keeps_the_article_en(clean_fixtures: Path) -> None:
    page = Page(source="haitiantimes", text=(clean_fixtures / "haitiantimes_paywall_en.txt").read_text())
    doc = clean_page(page)
    assert_offsets_exact(page, doc)
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("WEST PALM BEACH — The family of a ranked junior tennis player")
    assert paragraphs[2].startswith("Mekhi’s older brother Khaleel, 22, started the Go Fund Me page")
    notice = removed(doc, "paywall")
    assert notice[0].startswith("To view the full story, please subscribe to The Haitian Times.")
    assert "— Local news from our communities (especially New York and Florida)" in notice
    assert notice[-1].startswith("If you’re seeing this message but you’re already a subscriber")
    assert doc.clean_stats.paywall_notice is True
    assert doc.clean_stats.hidden_share is None


@pytest.mark.parametrize(
    "line",
    [
        # aoc.media (trafilatura_eval html/aoc.media.archaisme.html.gz)
        "Pour lire la suite",
        "Pour accéder en illimité",
        "Vous n’êtes pas encore abonné",
        "Toutes nos offres d’abonnement",
        # lopinion.fr (trafilatura_eval html/lopinion.fr.glyphosate.html.gz)
        "Vous devez vous abonner ou vous connecter afin de poster un commentaire.",
        "Je m'abonne",
        # nationnews.com (trafilatura_eval): the line that ends every article there
        "Subscribe now to our eNATION edition for the full story.",
    ],
)
def test_subscription_notice_removed(line: str) -> None:
    doc = clean(*BODY_FR[:2], line, BODY_FR[2])
    assert removed(doc, "paywall") == [line]
    assert doc.text.split("\n\n") == list(BODY_FR)


def test_news_about_subscribers_and_devices_is_kept() -> None:
    lines = (
        # scrapinghub benchmark, trafilatura output 098bb3e96c (Disney+ earnings)
        "An undisclosed number of customers signed up for the free weeklong trial, although it is not "
        "clear how many have converted to paid subscribers.",
        # trafilatura_eval rutgers.edu.robot and healthline.com.fat
        "The device provides quick results and would allow healthcare professionals to spend more time "
        "treating patients in hospitals and other settings.",
        "For some devices, you stand on a rotating platform for several minutes while the sensors detect "
        "your body shape. Other devices use sensors that rotate around your body.",
        # fresada_french_satire 000001545 (an horoscope: second person, subscription words)
        "Poissons : Vous souscrirez à un abonnement à 13,99 euros par mois, pour avoir des photos inédites de Zaz.",
    )
    doc = clean(*lines)
    assert removed(doc) == []
    assert doc.text.split("\n\n") == list(lines)


def test_hidden_share_is_read_from_the_notice() -> None:
    # Le Monde's paywall notice (the same template on every subscriber article; the share varies)
    notice = "Il vous reste 61.2% de cet article à lire. La suite est réservée aux abonnés."
    doc = clean(*BODY_FR[:2], notice, "Lecture restreinte")
    assert doc.clean_stats.hidden_share == pytest.approx(0.612)
    assert removed(doc, "paywall") == [notice, "Lecture restreinte"]
    assert doc.clean_stats.paywall_notice is True


# --------------------------------------------------------------------------------------------
# widgets, related links, sharing, newsletters, navigation
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("PARTAGEZ CET ARTICLE", "share"),  # fresada (818 articles end with it)
        ("Share on Facebook", "share"),  # trafilatura_eval github.blog.spiceland
        ("Voir le diaporama", "widget"),  # fresada
        ("Leave a Comment", "widget"),  # trafilatura_eval geeks3d.com.hacklab
        ("A LIRE AUSSI:", "related"),  # fresada
        ("DANS LA MÊME RUBRIQUE", "related"),  # fresada
        ("Read more: Looted colonial art", "related"),  # trafilatura_eval (a "without" snippet)
        ("Related: Alaska Airlines delays full Oneworld membership to early 2021", "related"),  # thepointsguy
        ("Sign up for the free daily TPG newsletter for more airline news!", "widget"),  # thepointsguy
        ("Recevez l'actu Libé tous les matins par email", "widget"),  # mozilla liberation-1
        ("English version", "widget"),  # trafilatura_eval, a Polish page's language switch
        (
            "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica.",
            "share",
        ),  # trafilatura_eval jamaica.gleaner.com-victims
        (
            "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
            "widget",
        ),  # trafilatura_eval nationnews.com-schools
        (
            "By clicking “Accept all cookies”, you agree Stack Exchange can store cookies on your device and "
            "disclose information in accordance with our Cookie Policy.",
            "boilerplate",
        ),  # trafilatura_eval german.stackexchange.com
        (
            "© 2022, BreakingBelizeNews.com. This article is the copyrighted property of Breaking Belize News. "
            "Written permission must be obtained before reprint in online or print media.",
            "boilerplate",
        ),  # trafilatura_eval breakingbelizenews.com-paho
        ("MOTS-CLÉS", "navigation"),  # fresada
        (
            ".videowrapper { position: relative; padding-bottom: 50%; padding-top: 30px; height: 0; "
            "overflow: hidden; } .videowrapper iframe, .videowrapper object, .videowrapper embed { position: "
            "absolute; top: 0; left: 0; width: 100%; height: 100%; }",
            "markup",
        ),  # fresada 000010716 (a video embed's style sheet)
    ],
)
def test_widget_line_removed(line: str, reason: str) -> None:
    doc = clean(*BODY_EN, line, BODY_FR[0])
    assert removed(doc, reason) == [line]
    assert doc.text.split("\n\n") == [*BODY_EN, BODY_FR[0]]


@pytest.mark.parametrize(
    "line",
    [
        # an embedded post and its credit line are the article's (the extraction benchmarks' gold
        # keeps them: scrapinghub "— The Nigerian Senate (@NGRSenate) October 9, 2018"); fresada
        # 000010716
        "A. Morelle a démissionné. La République exemplaire est une réalité. Ça change de l'ère Sarkozy. "
        "#tweetprecedent",
        "— Philip Cordery (@PhilipCordery) 18 Avril 2014",
        # written for the test: braces in prose are no style sheet
        "Les accolades {comme celles-ci: un mot} ne font pas une feuille de style à elles seules, dit-il.",
    ],
)
def test_embedded_posts_and_braces_in_prose_stay(line: str) -> None:
    doc = clean(*BODY_FR, line)
    assert removed(doc) == [] and line in doc.text


def test_meta_line_of_furniture_parts_removed() -> None:
    # trafilatura_eval (the blog post's header line; "January 13" and "View Comments" are "without")
    line = "January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments"
    doc = clean(*BODY_EN, line)
    assert removed(doc) == [line]
    assert doc.published == "2020-01-13T08:45"


@pytest.mark.parametrize(
    "crumb",
    [
        "Home>Articles>Amazon Liable for Defective Third-Party Products Rules CA Appellate Court",  # californiaglobe
        "Home / Essays / 2017 / January / Aggression Fotografie",  # archive.org juergenheitmann
        "HOME / NEWS",  # auto-wirtschaft.ch
        "ActualitésSociété",  # two section names glued by a lost tag, as scraped text has them
    ],
)
def test_breadcrumb_at_the_head_removed(crumb: str) -> None:
    doc = clean(crumb, "La nouvelle vie d'Ingrid Betancourt", *BODY_FR)
    assert removed(doc, "navigation") == [crumb]
    assert doc.title == "La nouvelle vie d'Ingrid Betancourt"


def test_headline_with_slashes_is_not_a_breadcrumb() -> None:
    # rpm2 T05 headline style: "X / Y : ..." is a headline, not a trail
    doc = clean("Biden / Trump : le match des programmes", *BODY_FR)
    assert doc.title == "Biden / Trump : le match des programmes"
    assert removed(doc, "navigation") == []


# --------------------------------------------------------------------------------------------
# inline: shortcodes, image residue, credits, glued sentences
# --------------------------------------------------------------------------------------------


def test_shortcodes_removed_with_their_quotes() -> None:
    # fresada 000002075 (a live blog's time labels) and 000000702 (a slideshow)
    label = "[label title=\u00a0»05h35″ bg=\u00a0»#082791″ color=\u00a0»#ffffff\u00a0»]"
    slideshow = "[slideshow_deploy id=’8160′]"
    text = (
        "Bonsoir à toutes et tous, retrouvez toutes les dernières informations sur les élections américaines.\n"
        f"{label}\n"
        "Fin du live. Merci à tous d’avoir suivi cette soirée en notre compagnie.\n"
        f"10 photos floues {slideshow}\n"
    )
    page = Page(source="fresada", text=text)
    doc = clean_page(page)
    assert_offsets_exact(page, doc)
    assert removed(doc, "shortcode") == [label, slideshow]
    assert "[" not in doc.text
    assert doc.text.endswith("10 photos floues")


@pytest.mark.parametrize(
    "image",
    [
        # trafilatura 2.3 markdown output (include_images) of trafilatura_eval pages
        "![](https://media.threatpost.com/wp-content/uploads/sites/103/2019/02/19151457/subscribe2.jpg)",
        "![A Royal Salute To Polo In Rome](https://www.luxuriousmagazine.com/wp-content/uploads/2019/06/"
        "Royal-Sulte-Rome-main-1024x709.jpg)",
        "![](<https://cdn.vox-cdn.com/thumbor/sci49-1b31qfxH6cprKvPZdAbzE=/0x0:2040x1360/1200x800/"
        "filters:focal(857x517:1183x843)/cdn.vox-cdn.com/uploads/chorus_image/image/64664479/DSCF2931.0.jpg>)",
    ],
)
def test_markdown_image_residue_removed(image: str) -> None:
    page = page_with(*BODY_EN, f"{image} |", f"Text before {image} and after.")
    doc = clean_page(page)
    assert_offsets_exact(page, doc)
    assert doc.text.split("\n\n") == [*BODY_EN, "Text before and after."]
    assert set(r.reason for r in doc.removed) == {"markup"}


def test_table_rows_are_not_residue() -> None:
    # trafilatura's markdown tables (trafilatura_eval outputs hold "|---|---|" rows)
    doc = clean(*BODY_EN, "| Pos | Player | Plays |", "|---|---|---|", "| DL | Aaron Donald | 62 |")
    assert removed(doc) == []


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        # trafilatura_eval nationnews.com-schools
        (
            "Chief Education Officer Dr Ramona Archer-Bradshaw. (Picture by Jameel Springer)",
            "(Picture by Jameel Springer)",
        ),
    ],
)
def test_inline_photo_credit_removed(line: str, credit: str) -> None:
    doc = clean(*BODY_EN, line)
    assert removed(doc, "caption") == [credit]
    assert doc.text.endswith("Chief Education Officer Dr Ramona Archer-Bradshaw.")


@pytest.mark.parametrize(
    "line",
    [
        "Illustration : Wikicommons / Ludovic Péron",  # fresada 000000281
        "Photo: iStock",  # fresada
        "Photo Direct8/capture d’écran YouTube",  # fresada 000003945
        "Crédits photos : Bestimage",  # trafilatura_eval gala.fr (a "without" snippet)
        "Photo Credit: Habub3 via Compfight cc Posted On 19 nov 2013",  # fresada 000008722
        "© Reuters",  # scrapinghub benchmark 359fee2285
    ],
)
def test_caption_and_credit_lines_removed(line: str) -> None:
    doc = clean(*BODY_FR, line, BODY_EN[0])
    assert removed(doc, "caption") == [line]


def test_agency_caption_closed_by_its_date_removed() -> None:
    # AFP caption style, as under news photos: a scene, "sur une photo fournie par ...", its date
    caption = (
        "Des soldats ukrainiens dans la région de Donetsk, sur une photo fournie par l'état-major "
        "ukrainien, le 3 mars 2023."
    )
    doc = clean(*BODY_FR, caption, BODY_EN[0])
    assert removed(doc, "caption") == [caption]


def test_glued_sentences_get_their_space_back() -> None:
    # fresada 000002517: "physiquement.Pendant"
    line = (
        "L’hologramme a alors interpellé un jeune homme avant de descendre de la scène et de s’en prendre "
        "à lui physiquement.Pendant ce temps à Lyon, Jean-Luc Mélenchon a tenté de le maîtriser."
    )
    doc = clean(*BODY_FR, line, "Source : BreakingBelizeNews.com et lemonde.fr.")
    assert "physiquement. Pendant ce temps" in doc.text
    assert "BreakingBelizeNews.com et lemonde.fr." in doc.text
    assert removed(doc) == []


# --------------------------------------------------------------------------------------------
# bylines, datelines, reading time, bios, sponsors, site name
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "author", "published"),
    [
        (", By La rédaction Posted On 05 avr 2013", "La rédaction", "2013-04-05"),  # fresada 000008722
        ("Par Lasserpe", "Lasserpe", None),  # fresada (cartoonist's credit)
        ("Par Martin Untersinger (avec Damien Leloup et Morgane Tual)", "Martin Untersinger", None),
        ("By U.S. CUSTOMS AND BORDER PROTECTION", "U.S. CUSTOMS AND BORDER PROTECTION", None),
        ("(Reporting by Will Dunham; Editing by Tom Brown)", None, None),  # scrapinghub 359fee2285
        ("La Rédaction", "La Rédaction", None),  # fresada
        # a colon after the lead (real-news QA round 7): trafilatura_eval jis.gov.jm-investment and
        # theplanetarypress.com (forestlands)
        ("Written by: Charnele Henry", "Charnele Henry", None),
        ("Written by: Julie Mollins", "Julie Mollins", None),
    ],
)
def test_byline_removed_and_author_found(line: str, author: str | None, published: str | None) -> None:
    doc = clean(*BODY_FR, line)
    assert removed(doc, "byline") == [line]
    assert doc.author == author
    assert doc.published == published


@pytest.mark.parametrize(
    "sentence",
    [
        # fresada 000004981
        "Par ailleurs, la loi, le respect, les limites sont au cœur de l'adolescence.",
        # trafilatura_eval breakingbelizenews.com-paho: a byline fused into the first paragraph
        "By Aaron Humes: The Americas cannot ignore the risk of further COVID-19 surges, warns Pan American "
        "Health Organization (PAHO) Director Carissa F. Etienne.",
        "By then, he had left.",
    ],
)
def test_sentences_starting_like_a_byline_are_kept(sentence: str) -> None:
    doc = clean(*BODY_EN, sentence)
    assert removed(doc) == []
    assert doc.author is None


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Posted: Thursday, April 21, 2022. 10:11 pm CST.", "2022-04-21T22:11"),  # breakingbelizenews
        ("Publié le 12/03/2023 à 18h05, modifié le 13/03/2023 à 07h40", "2023-03-12T18:05"),  # FR template
        ("Last updated on 20 Feb, 2020. 3 min read", None),  # trafilatura_eval wevolver.com
        ("UPDATED: Tue., Nov. 19, 2019", None),  # scrapinghub c13b9c0e04 (spokesman.com)
        ("Article mis à jour le 7 janvier 2020.", None),  # trafilatura_eval regards.fr
        ("Posted on", None),  # trafilatura_eval nationnews.com (the date was a lost widget)
    ],
)
def test_dateline_removed_and_publication_date_found(line: str, published: str | None) -> None:
    doc = clean(*BODY_EN, line, BODY_FR[0])
    assert removed(doc, "dateline") == [line]
    assert doc.published == published


def test_bare_date_only_at_head_or_tail() -> None:
    # fresada ends some articles with a bare "avril 2019"; inside a body it may be a timeline entry
    doc = clean(*BODY_FR, *BODY_EN, "avril 2019", *LOOP[:3], "18 novembre 2024")
    assert removed(doc, "dateline") == ["18 novembre 2024"]
    assert "avril 2019" in doc.text.split("\n\n")
    assert doc.published == "2024-11-18"


@pytest.mark.parametrize(
    "line",
    [
        "4 Min Read",  # trafilatura_eval reuters.com
        "5 min read",  # trafilatura_eval blog.gaijinpot.com
        "Temps de lecture : 4 min",
    ],
)
def test_reading_time_removed(line: str) -> None:
    doc = clean(*BODY_EN, line, BODY_FR[0])
    assert removed(doc, "reading_time") == [line]


BIO_FR = (  # fresada 000005401, the author's note closing an opinion piece
    "Denis Duez est professeur de science politique et directeur de l'Institut d'études européennes de "
    "l'Université Saint-Louis à Bruxelles. Ses recherches portent sur la gestion des frontières extérieures "
    "de l'Union et sur la sécurité intérieure européenne."
)
BIO_EN_FIRST_PERSON = (  # scrapinghub benchmark, html-text output of a forbes.com contributor page
    "I am a writer, journalist, professor, systems modeler, computational and digital health expert, "
    "avocado-eater, and entrepreneur, not always in that order."
)
BIO_EN = (  # trafilatura_eval (a "without" snippet, closing a column)
    "Candice Sealey is the Founder & Principal Consultant at Ignite! a Full-service Marketing & PR "
    "Consultancy that helps businesses/brands to stand out."
)


@pytest.mark.parametrize("bio", [BIO_FR, BIO_EN_FIRST_PERSON, BIO_EN])
def test_author_bio_at_the_end_removed(bio: str) -> None:
    doc = clean(*BODY_FR, bio)
    assert removed(doc, "bio") == [bio]
    # the same paragraph inside the article is article text
    doc = clean(BODY_FR[0], bio, *BODY_FR[1:], *BODY_EN)
    assert removed(doc, "bio") == []


def test_first_person_closing_paragraph_is_not_a_bio() -> None:
    # fresada: an opinion blog post's last paragraph
    closing = (
        "Pour écrire ce billet je me suis uniquement inspirée de l'expérience d'une élève dans un collège, "
        "alors bien entendu, d'autres situations existent."
    )
    doc = clean(*BODY_FR, closing)
    assert removed(doc) == []


def test_sponsor_label_and_disclosure_sentences_removed() -> None:
    # fresada 000002008: "Sponsorisé par" ; thepointsguy.com: the affiliate disclosure
    disclosure = (
        "This post contains references to products from one or more of our advertisers. We may receive "
        "compensation when you click on links to those products. Terms apply to the offers listed on this page."
    )
    doc = clean(*BODY_EN, disclosure, "Sponsorisé par")
    assert removed(doc, "sponsor") == [
        "This post contains references to products from one or more of our advertisers.",
        "We may receive compensation when you click on links to those products.",
        "Sponsorisé par",
    ]
    assert doc.text.split("\n\n")[-1] == "Terms apply to the offers listed on this page."


def test_sponsor_request_inside_a_bio_paragraph() -> None:
    # the shape of an author box on content-farm news sites: profile, then a call for sponsors
    bio = (
        "Journaliste depuis dix ans, je couvre l'actualité internationale et la défense. "
        "Pour explorer les options de sponsoring, contactez-nous."
    )
    page = page_with(*BODY_FR, bio)
    doc = clean_page(page)
    assert_offsets_exact(page, doc)
    assert removed(doc, "sponsor") == ["Pour explorer les options de sponsoring, contactez-nous."]
    assert removed(doc, "bio") == [
        "Journaliste depuis dix ans, je couvre l'actualité internationale et la défense."
    ]


def test_trailing_domain_names_the_site() -> None:
    # trafilatura_eval thestkittsnevisobserver.com-bvi: the republished story credits its source
    lines = (
        "In the meantime, the governor also indicated that he will fast-track the release of the COI report.",
        "He said he will provide more information in due course.",
        "BVINEWS.COM",
    )
    doc = clean(*lines)
    assert removed(doc, "site_name") == ["BVINEWS.COM"]
    assert doc.site == "bvinews.com"
    # the page's own metadata wins
    assert clean(*lines, site="The St Kitts Nevis Observer").site == "The St Kitts Nevis Observer"
    # a domain line inside the text is kept
    assert "BVINEWS.COM" in clean(lines[0], lines[2], lines[1]).text


def test_republication_note_and_rights_owner() -> None:
    # trafilatura_eval vice.com-amazon and abc13.com-Copperfield closing lines
    doc = clean(
        *BODY_EN, "This article originally appeared on VICE US.", "© 2023 KTRK-TV. All Rights Reserved"
    )
    assert removed(doc, "boilerplate") == [
        "This article originally appeared on VICE US.",
        "© 2023 KTRK-TV. All Rights Reserved",
    ]
    assert doc.site == "KTRK-TV"
    assert (
        clean(*BODY_EN, "© 2023 KTRK-TV. All Rights Reserved", site="ABC13 Houston").site == "ABC13 Houston"
    )
    # a sentence about an article's first publication, inside the story, is content
    inside = (
        "Cet article a été initialement publié en 2019 par le quotidien, qui a depuis présenté ses excuses."
    )
    assert inside in clean(BODY_FR[0], inside, *BODY_FR[1:], BODY_EN[0]).text


def test_trailing_tag_line_removed_but_speaker_after_speech_kept() -> None:
    # rpm2 T01_C2_08 paragraphs closed by a tag list naming the article's subject, as CMS pages print it
    doc = clean(*BODY_FR, "Ingrid Betancourt")
    assert removed(doc, "navigation") == ["Ingrid Betancourt"]
    # Haitian Times (trafilatura_eval): a quote, then its speaker's name alone, stays
    spoken = clean(BODY_EN[0], BODY_EN[1], "Camille Etienne Gbedey")
    assert spoken.text.endswith("Camille Etienne Gbedey")


@pytest.mark.parametrize(
    "closing",
    [
        # pamelaandersonfoundation.org (trafilatura_eval): a letter's sign-off and signature
        ("More to come. Watch this space!", "Love", "Pamela"),
        # mercurynews.com letters page (trafilatura_eval): the writer's name and town
        ("Real science is never “settled.”", "Jon Rego", "Clayton"),
        # FreSaDa 000009724: an exhibition notice closing on its address
        ("Du 29 avril au 3 juin 2017, Faujour expose ses dessins de presse au Café des Halles de Lannion.",
         "3 Place des Halles", "Lannion"),
        # FreSaDa 000005379: a petition closing on its signatories
        ("Nous vous demandons de suspendre le décret du 28 octobre.", "Jérôme Karsenti", "Laetitia Mollon"),
    ],
)  # fmt: skip
def test_closing_block_of_short_lines_is_kept(closing: tuple[str, ...]) -> None:
    doc = clean(*BODY_EN, *closing)
    assert removed(doc) == []
    assert doc.text.split("\n\n")[-2:] == list(closing[1:])


def test_signature_after_a_long_unclosed_line_is_cut_fr() -> None:
    # FreSaDa 000002029: the desk's name, then the author's signature
    doc = clean(*BODY_FR, "Pour le Service géopolitique", "Basil Sangène")
    assert removed(doc, "navigation") == ["Basil Sangène"]


def test_label_alone_after_the_last_sentence_is_cut_en() -> None:
    # metrotimes.com (trafilatura_eval): a widget's heading left after the review's last sentence
    doc = clean(
        *BODY_EN, "Its menu as of this writing was quite different from Midtown’s.", "Location Details"
    )
    assert removed(doc, "navigation") == ["Location Details"]


def test_furniture_vocabulary_is_data_in_both_languages() -> None:
    for language in ("fr", "en"):
        source = (
            resources.files("recoupe.lang").joinpath(language, "furniture.toml").read_text(encoding="utf-8")
        )
        assert source.startswith("# Page furniture") and "Where entries come from" in source
        for section in lexicon(language, "furniture").values():
            for entries in section.values():
                if isinstance(entries, list):
                    for entry in entries:
                        re.compile(entry)  # every entry is a regex fragment
    # one family's entries come from both files, and the rules' code names none of them
    cut = vocabulary("paywall.cut")
    assert "la suite est réservée" in cut and "to (?:continue|keep) reading" in cut
    # string constants of the rules' module, comments aside (they quote real lines as examples)
    tree = ast.parse(Path(patterns.__file__).read_text(encoding="utf-8"))
    strings = " ".join(
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    )
    for phrase in (
        "la suite est réservée",
        "abonnez-vous",
        "all rights reserved",
        "tous droits",
        "contactez-nous",
    ):
        assert phrase not in strings.casefold()
    with pytest.raises(ValueError, match=r"furniture\.toml has 'paywall\.misspelt'"):
        vocabulary("paywall.misspelt")


# --------------------------------------------------------------------------------------------
# repetition
# --------------------------------------------------------------------------------------------

# rpm2 T01_C2_08, its headline and four paragraphs: a scrape that loops prints them again and again
LOOP = (
    "L'ex-otage des Farc a un rapport très particulier avec les Seychelles.",
    BODY_FR[1],
    "Elle y a donné naissance à sa fille, Mélanie, en septembre 1985, et a gardé de nombreux amis dans "
    "cette région, en particulier la famille de l'ancien ministre Jacques Hodoul.",
    "Ses projets ?",
    "Retourner en Colombie pour aider à faire libérer les 28 autres otages politiques encore détenus par les Farc.",
)


def test_looping_article_keeps_each_paragraph_once() -> None:
    page = page_with("La nouvelle vie d'Ingrid Betancourt", *(LOOP * 4), BODY_FR[2])
    doc = clean_page(page)
    assert_offsets_exact(page, doc)
    assert doc.text.split("\n\n") == [*LOOP, BODY_FR[2]]
    assert doc.clean_stats.paragraphs_repeated == 3 * len(LOOP)
    assert doc.clean_stats.paragraphs_in == 1 + 4 * len(LOOP) + 1
    assert doc.clean_stats.paragraphs_unique == 1 + len(LOOP) + 1


def test_near_copy_of_a_passage_counts_as_repetition() -> None:
    # fresada 000000237 repeats its lead paragraph; here the copy has one word changed
    lead = (
        "Los Angeles – Situation de crise à Hollywood depuis plusieurs jours. De nombreuses sources confirment "
        "ce qu’on craignait depuis quelques mois : une pénurie de films originaux à partir desquels on "
        "pourrait réaliser des remakes devrait toucher la Mecque du cinéma dès l’an prochain."
    )
    copy = lead.replace("plusieurs jours", "quelques jours")
    doc = clean(lead, *BODY_FR, copy)
    assert removed(doc, "repetition") == [copy]


def test_short_line_repeated_once_is_kept() -> None:
    # scrapinghub benchmark gold of bigbrandsystem.com: the same aside opens two sections
    lines = (
        "And you’ll have a lot less money in your bank account.",
        "Here’s the thing …",
        "When you step into the online space, you’ll meet a whole new cast of characters.",
        "The purpose of the Plan & Grow BIG approach is to help you develop business focus.",
        "Here’s the thing:",
        "I believe the #1 enemy of online progress is the flood of information about online business tactics.",
    )
    doc = clean(*lines)
    assert removed(doc, "repetition") == []


def test_runs_of_short_repeated_lines_are_kept() -> None:
    # scrapinghub benchmark gold of beachbodyondemand.com: plan A and plan B share their items
    plan = (
        "Pre-Workout Meal",
        "Eat 60–90 minutes before your workout",
        "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.",
        "Pre-Workout Supplement",
    )
    doc = clean("Meal Prep Menu for Eating Plan A", *plan, "Meal Prep Menu for Eating Plan B", *plan)
    assert removed(doc, "repetition") == []


# --------------------------------------------------------------------------------------------
# title, text shape, stats, invariants
# --------------------------------------------------------------------------------------------


def test_title_from_first_headline_is_removed_from_text() -> None:
    doc = clean("La nouvelle vie d'Ingrid Betancourt", *BODY_FR)
    assert doc.title == "La nouvelle vie d'Ingrid Betancourt"
    assert removed(doc, "title") == ["La nouvelle vie d'Ingrid Betancourt"]
    assert doc.text.split("\n\n") == list(BODY_FR)


def test_page_title_wins_and_its_copy_leaves_the_text() -> None:
    doc = clean("La nouvelle vie d’Ingrid Betancourt", *BODY_FR, title="La nouvelle vie d'Ingrid Betancourt")
    assert doc.title == "La nouvelle vie d'Ingrid Betancourt"
    assert doc.text.split("\n\n") == list(BODY_FR)
    # a first paragraph that is not the title stays
    doc = clean(*BODY_FR, title="La nouvelle vie d'Ingrid Betancourt")
    assert doc.text.split("\n\n") == list(BODY_FR)


def test_a_first_sentence_is_not_a_headline() -> None:
    doc = clean(*BODY_FR)
    assert doc.title is None
    assert doc.text.split("\n\n") == list(BODY_FR)


def test_one_paragraph_per_line_pages_and_wrapped_lines() -> None:
    wrapped = (
        "Ingrid Betancourt vient de passer un mois de vacances aux\n"
        "Seychelles avec ses enfants, Mélanie et Lorenzo, à l'invitation\n"
        "du président James Mchel.\n"
        "Ainsi, Ingrid Betancourt et ses enfants ont acquis la nationalité seychelloise.\n"
    )
    doc = clean_page(Page(source="wrapped", text=wrapped))
    assert doc.text.split("\n\n") == [
        "Ingrid Betancourt vient de passer un mois de vacances aux Seychelles avec ses enfants, Mélanie et "
        "Lorenzo, à l'invitation du président James Mchel.",
        "Ainsi, Ingrid Betancourt et ses enfants ont acquis la nationalité seychelloise.",
    ]


def test_document_fields_and_content_hash() -> None:
    upstream = Removal("Menu", "navigation", None, None, "trafilatura")
    page = page_with(*BODY_FR, url="https://www.example.org/a", language="fr")
    page.removed.append(upstream)
    doc = clean_page(page)
    assert doc.id.startswith("d") and doc.source == "test"
    assert doc.site == "example.org" and doc.language == "fr" and doc.url == page.url
    assert doc.removed[0] is upstream
    assert doc.content_hash == content_hash(" ".join(BODY_FR))
    assert doc.clean_stats.chars_in == len(page.text)
    assert clean(*BODY_FR).language == "und"  # the judge detects it


FURNITURE_LINES = (
    "PARTAGEZ CET ARTICLE",
    "Abonnez-vous à partir de 1 €",
    ", By La rédaction Posted On 05 avr 2013",
    "[slideshow_deploy id=’8160′]",
    "![](https://media.threatpost.com/subscribe2.jpg) |",
    "Lire aussi : Les critiques de la CNIL",
    "Il vous reste 61.2% de cet article à lire. La suite est réservée aux abonnés.",
    "BVINEWS.COM",
    "ActualitésSociété",
    *BODY_FR,
    *BODY_EN,
    *LOOP,
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(FURNITURE_LINES), min_size=1, max_size=14),
    st.lists(st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\n\u00a0\n"]), min_size=14, max_size=14),
    st.text(alphabet=" \t\u00a0", max_size=3),
)
def test_every_removal_slices_the_page_text(lines: list[str], breaks: list[str], indent: str) -> None:
    text = "".join(indent + line + brk for line, brk in zip(lines, breaks, strict=False))
    page = Page(source="property", text=text)
    doc = clean_page(page)
    assert_offsets_exact(page, doc)
    starts = [r.start for r in doc.removed]
    assert starts == sorted(starts)  # page order
    assert "\n\n\n" not in doc.text and doc.text == doc.text.strip()


# --------------------------------------------------------------------------------------------
# whole run: site furniture; the stage
# --------------------------------------------------------------------------------------------

# fresada 000003945 and 000003950 (legorafi.fr): their last paragraphs and the site's closing line
GORAFI_A = (
    "De son côté, Cyril Hanouna a déclaré que pour éviter tout nouvel incident, dorénavant, c’est l’agent "
    "de sécurité de TPMP, Mokhtar, qui assurera les interviews de Joey Starr dans les coulisses du télé-crochet.",
    "Un hôtel à contre-courant",  # a subheading (fresada 000008722), put here to be repeated
    "Le Gorafi a besoin de vous !",
)
GORAFI_B = (
    "Outre l’occupation du cerveau de BHL, les intermittents annoncent qu’ils pourraient lancer d’autres "
    "opérations coup de poing chez d’autres représentants du monde culturel comme Marc Levy ou Cyril Hanouna.",
    "Le Gorafi a besoin de vous !",
)


def test_site_furniture_found_across_articles_of_one_site() -> None:
    pages = [
        page_with(*GORAFI_A, source="a", site="legorafi.fr"),
        page_with(*GORAFI_B, source="b", site="legorafi.fr"),
        page_with(*GORAFI_A, source="a-copy", site="legorafi.fr"),  # the same article captured twice
        page_with(*BODY_FR, "Le Gorafi a besoin de vous !", source="c", site="other.example"),
    ]
    furniture = find_site_furniture(pages)
    # the subheading is on two pages, but both are the same article: not furniture
    assert furniture == {"legorafi.fr": frozenset({line_key("Le Gorafi a besoin de vous !")})}
    docs = clean_pages(pages)
    assert removed(docs[0], "site_furniture") == ["Le Gorafi a besoin de vous !"]
    assert "Un hôtel à contre-courant" in docs[0].text
    assert docs[3].text.endswith("Le Gorafi a besoin de vous !")


def test_site_key_from_url_and_trailing_domain() -> None:
    pages = [
        page_with(*GORAFI_A, source="a", url="https://www.legorafi.fr/2014/06/a"),
        page_with(*GORAFI_B, source="b", url="http://legorafi.fr/2014/06/b"),
    ]
    assert set(find_site_furniture(pages)) == {"legorafi.fr"}
    trailing = [page_with(*GORAFI_A, "Jforum.fr", source="x"), page_with(*GORAFI_B, "JFORUM.FR", source="y")]
    assert set(find_site_furniture(trailing)) == {"jforum.fr"}
    assert find_site_furniture(pages, min_pages=3) == {}


def test_stage_registered_runs_and_rejects_bad_options() -> None:
    assert registered_stages()["clean"] is Cleaner
    stage = make_stage("clean", min_site_repeat=2)
    assert isinstance(stage, Cleaner)
    docs = stage.run([page_with(*GORAFI_A, source="a", site="s"), page_with(*GORAFI_B, source="b", site="s")])
    assert [d.source for d in docs] == ["a", "b"]
    assert removed(docs[1], "site_furniture") == ["Le Gorafi a besoin de vous !"]
    with pytest.raises(ValueError, match="min_site_repeat must be an integer >= 2"):
        make_stage("clean", min_site_repeat=1)
    with pytest.raises(ValueError, match=r"near_repeat_ratio must be a number in \[0.5, 1.0\]"):
        CleanOptions(near_repeat_ratio=2.0)
    with pytest.raises(ValueError, match="its options: min_site_repeat"):
        make_stage("clean", min_repeat=3)


# --------------------------------------------------------------------------------------------
# seeds (integration)
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def seed_docs(examples_dir: Path) -> dict[str, tuple[Page, Document]]:
    pages = [Page(source=p.name, text=p.read_text()) for p in sorted(examples_dir.glob("00[0-4]_*.txt"))]
    return {page.source[:3]: (page, doc) for page, doc in zip(pages, clean_pages(pages), strict=True)}


def test_seeds_offsets_are_exact(seed_docs: dict[str, tuple[Page, Document]]) -> None:
    assert len(seed_docs) == 5
    for page, doc in seed_docs.values():
        assert_offsets_exact(page, doc)


def test_seed_000_loop_bio_and_sponsor(seed_docs: dict[str, tuple[Page, Document]]) -> None:
    page, doc = seed_docs["000"]
    paragraphs = doc.text.split("\n\n")
    counts = Counter(paragraphs)
    assert max(counts.values()) == 1
    source_keys = {re.sub(r"\W+", " ", p.casefold()).strip() for p in page.text.split("\n") if p.strip()}
    # every distinct paragraph of the page survives once, but for the furniture
    assert len(paragraphs) == len(source_keys) - len(
        [r for r in doc.removed if r.reason in {"navigation", "title", "bio"}]
    )
    assert doc.clean_stats.paragraphs_repeated > 200
    assert paragraphs.count("Lloyd Austin, secrétaire américain à la Défense") == 1
    assert not any("Passionné et dévoué" in p or "sponsoring" in p for p in paragraphs)
    assert removed(doc, "sponsor") == ["Pour explorer les options de sponsoring, contactez-nous."]
    assert doc.title == "Missiles américains en Ukraine : Biden change de doctrine"
    assert "ActualitésInternational" in removed(doc, "navigation")


def test_seed_001_video_and_comments(seed_docs: dict[str, tuple[Page, Document]]) -> None:
    _, doc = seed_docs["001"]
    assert "Comentarios" in removed(doc, "widget")
    assert not any(p.startswith("Vidéo associée") for p in doc.text.split("\n\n"))
    assert doc.text.split("\n\n")[-1].startswith("Toutefois, l'Allemagne refuse toujours")


def test_seed_002_shortcode_and_glued_sentence(seed_docs: dict[str, tuple[Page, Document]]) -> None:
    _, doc = seed_docs["002"]
    # its second-level heading is printed twice (once without the colon): the copy goes
    assert [r.rule for r in doc.removed if r.reason == "repetition"] == ["repeated_paragraph"]
    assert "expert_review_poll" not in doc.text and "JTdC" not in doc.text
    assert removed(doc, "shortcode")[0].startswith("[expert_review_poll id=")
    assert "l’Ukraine. Il a été rapporté" in doc.text


def test_seed_003_paywall(seed_docs: dict[str, tuple[Page, Document]]) -> None:
    _, doc = seed_docs["003"]
    assert doc.clean_stats.paywall_notice is True
    assert doc.clean_stats.hidden_share == pytest.approx(0.7351)
    assert doc.published == "2024-11-18T01:58"
    for gone in (
        "abonn",
        "appareil",
        "Lecture restreinte",
        "service commercial",
        "Read in English",
        "Temps de",
    ):
        assert gone not in doc.text
    assert doc.text.split("\n\n")[-1].startswith("Il s’agit ici de repousser la contre-attaque de Moscou")
    assert doc.title.startswith("Joe Biden autorise l’Ukraine à utiliser des missiles")  # type: ignore[union-attr]


def test_seed_004_site_name_and_image_residue(seed_docs: dict[str, tuple[Page, Document]]) -> None:
    _, doc = seed_docs["004"]
    assert doc.site == "jforum.fr"
    assert "Jforum" not in doc.text and "![]()" not in doc.text and "|" not in doc.text
    assert doc.text.split("\n\n")[-1].startswith("Dans ce contexte, l’avenir de la guerre reste incertain.")


# --------------------------------------------------------------------------------------------
# evaluation gates on ../shared/data (skipped when absent)
# --------------------------------------------------------------------------------------------

# measured 2026-11: 549/550 "with" snippets kept (the one lost is a Reuters "Additional reporting by"
# credit, removed as a byline by design); 32 of the 57 "without" snippets trafilatura let through removed
WITH_KEPT_FLOOR = 0.995
WITHOUT_REMOVED_FLOOR = 0.45


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_gate_trafilatura_eval_keeps_what_must_be_kept(shared_data: Path) -> None:
    trafilatura = pytest.importorskip("trafilatura")
    corpus = shared_data / "trafilatura_eval"
    gold = json.loads((corpus / "evaldata.json").read_text())
    rows = [json.loads(line) for line in (corpus / "index.jsonl").read_text().splitlines()]
    with_total = with_kept = without_total = without_removed = 0
    for row in rows:
        if row["lang_page"] not in {"en", "fr"}:
            continue
        text = trafilatura.extract(gzip.decompress((corpus / row["file"]).read_bytes()), url=row["url"])
        if not text:
            continue
        page = Page(source=row["url"], text=text, url=row["url"])
        doc = clean_page(page)
        before, after = _norm(text), _norm(f"{doc.title or ''} {doc.text}")
        for snippet in map(_norm, gold[row["url"]].get("with", [])):
            if snippet in before:
                with_total += 1
                with_kept += snippet in after
        for snippet in map(_norm, gold[row["url"]].get("without", [])):
            if snippet in before:
                without_total += 1
                without_removed += snippet not in after
    assert with_total > 500 and without_total > 40
    assert with_kept / with_total >= WITH_KEPT_FLOOR, (with_kept, with_total)
    assert without_removed / without_total >= WITHOUT_REMOVED_FLOOR, (without_removed, without_total)


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def test_gate_scrapinghub_cleaning_trafilatura_output_raises_precision(shared_data: Path) -> None:
    # measured 2026-11 on the 181 pages: precision 0.9383 -> 0.9449, recall 0.9775 -> 0.9731, F1 0.9504 -> 0.9523
    corpus = shared_data / "scrapinghub_article_extraction_benchmark"
    gold = json.loads((corpus / "ground-truth.json").read_text())
    reference = json.loads((corpus / "reference_outputs" / "trafilatura.json").read_text())
    outputs = reference.get("output", reference)
    precision_before = precision_after = recall_after = 0.0
    for key, truth in gold.items():
        extracted = outputs[key]["articleBody"] if isinstance(outputs[key], dict) else outputs[key]
        doc = clean_page(Page(source=key, text=extracted or ""))
        expected = _shingles(truth["articleBody"])
        for text, is_after in ((extracted or "", False), (f"{doc.title or ''}\n{doc.text}", True)):
            got = _shingles(text)
            hit = sum((got & expected).values())
            precision = hit / max(1, sum(got.values()))
            if is_after:
                precision_after += precision
                recall_after += hit / max(1, sum(expected.values()))
            else:
                precision_before += precision
    assert precision_after > precision_before
    assert precision_after / len(gold) >= 0.943
    assert recall_after / len(gold) >= 0.970


def test_site_named_by_subscription_notices() -> None:
    # Mozilla Readability test page videos-2 (Libération): its subscriber notice stands twice
    doc = clean(*BODY_FR, "Vous êtes abonné à Libération", "Vous êtes abonné à Libération")
    assert removed(doc, "paywall") == ["Vous êtes abonné à Libération"] * 2
    assert doc.site == "Libération"
    # once is not enough, and a newsletter box names no publication (Readability lazy-image-2)
    assert clean(*BODY_FR, "Vous êtes abonné à Libération").site is None
    assert clean(*BODY_EN, "Subscribe To Our Newsletter", "Subscribe To Our Newsletter").site is None


def test_an_impossible_dateline_date_is_not_a_publication_date() -> None:
    # the FR template of the dateline test above, with a day February never has
    doc = clean(*BODY_FR, "Publié le 31/02/2024 à 10h00")
    assert doc.published is None


# --------------------------------------------------------------------------------------------
# page titles: the headline without the site's name, author, section or date (real-news QA round 7)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "fields", "headline"),
    [
        (  # trafilatura_eval japantimes.co.jp (6000-surgical-masks-stolen): the site's name
            "Losing face: 6,000 surgical masks stolen from Kobe hospital | The Japan Times",
            {"site": "The Japan Times", "url": "https://www.japantimes.co.jp/news/2020/02/18/x/"},
            "Losing face: 6,000 surgical masks stolen from Kobe hospital",
        ),
        (  # trafilatura_eval gala.fr.surnom: the site's domain name
            "Jean-Paul Delevoye, monsieur retraites du gouvernement : Jacques Chirac lui donnait un "
            "surnom peu flatteur - Gala",
            {"site": "Gala.fr"},
            "Jean-Paul Delevoye, monsieur retraites du gouvernement : Jacques Chirac lui donnait un "
            "surnom peu flatteur",
        ),
        (  # trafilatura_eval dw.com-elephants: the site, then a date
            "La perte des terres fertiles et les éléphants en Guinée-Conakry | DW | 23.05.2011",
            {"site": "DW.COM"},
            "La perte des terres fertiles et les éléphants en Guinée-Conakry",
        ),
        (  # trafilatura_eval aoc.media.archaisme: a site name holding a separator itself
            "Pour le néolibéralisme, la retraite est un archaïsme - AOC media - Analyse Opinion Critique",
            {"site": "AOC media - Analyse Opinion Critique"},
            "Pour le néolibéralisme, la retraite est un archaïsme",
        ),
        (  # Readability test page guardian-1: the author's name
            "'What is the sea telling us?': Māori tribes fearful over whale strandings | Eleanor Ainge Roy",
            {"site": "The Guardian", "author": "Eleanor Ainge Roy"},
            "'What is the sea telling us?': Māori tribes fearful over whale strandings",
        ),
        (  # scrapinghub benchmark (wsj.com, is-football-violence-a-crime): a section before a bar
            "Opinion | Is Football Violence a Crime?",
            {"site": "Wall Street Journal"},
            "Is Football Violence a Crime?",
        ),
        (  # trafilatura_eval stluciatimes.com-dea: the headline's own dash stays
            "DEA Officials Arrest BVI Premier On Drug Charges - Territory's Governor Calls For Calm - "
            "St. Lucia Times News",
            {"site": "St. Lucia Times News"},
            "DEA Officials Arrest BVI Premier On Drug Charges - Territory's Governor Calls For Calm",
        ),
        (  # a title that is only the site's name stays whole
            "The Guardian",
            {"site": "The Guardian"},
            "The Guardian",
        ),
    ],
)
def test_title_loses_the_site_name_author_section_and_date(
    title: str, fields: dict[str, str], headline: str
) -> None:
    assert clean(*BODY_EN, title=title, **fields).title == headline


def test_a_paywall_cut_the_html_reader_dropped_still_marks_the_article_cut() -> None:
    # scrapinghub benchmark, wsj.com is-football-violence-a-crime: trafilatura keeps the article's
    # first paragraphs and leaves the notice, in the page's navigation, to the reader's removals
    notice = Removal(
        "To Read the Full Story\nSubscribe Sign In\nMost Popular Videos",
        "navigation",
        None,
        None,
        "html:navigation-container",
    )
    text = (
        "It was the shot to the head heard ’round the world. In the closing seconds of last week’s "
        "Browns-Steelers game in Cleveland, Browns defensive end Myles Garrett pulled off Steelers "
        "quarterback Mason Rudolph’s helmet.",
        "The Pittsburgh quarterback didn’t suffer a concussion. Still, Mr. Garrett, who was the first pick "
        "of the 2017 National Football League draft, has been suspended without pay by the league for the "
        "rest of the season and may receive further discipline....",
    )
    doc = clean(*text, removed=[notice])
    assert doc.clean_stats.paywall_notice
    assert notice in doc.removed
    # a subscription link in the menu is no cut (the same page's header)
    menu = Removal("Subscribe Sign In", "navigation", None, None, "html:navigation-container")
    assert not clean(*text, removed=[menu]).clean_stats.paywall_notice


def test_the_headline_opening_the_text_goes_with_the_site_s_title() -> None:
    # scrapinghub benchmark, wsj.com is-football-violence-a-crime: the text opens with the headline,
    # the page's title holds it after a section name
    doc = clean("Is Football Violence a Crime?", *BODY_EN, title="Opinion | Is Football Violence a Crime?")
    assert removed(doc, "title") == ["Is Football Violence a Crime?"]
    assert doc.title == "Is Football Violence a Crime?"


@pytest.mark.parametrize(
    ("field", "author"),
    [
        # author fields trafilatura reads off real pages (real-news QA round 7)
        ("Par Attac France", "Attac France"),  # trafilatura_eval france.attc.org-privatisations
        ("Auteur Anna Kubišta", "Anna Kubišta"),  # trafilatura_eval francais.radio.cz-ministre
        ("No Author", None),  # trafilatura_eval japantimes.co.jp (6000-surgical-masks-stolen)
        ("Paul Takahashi; Staff writer", "Paul Takahashi"),  # scrapinghub chron.com (car sales)
        # scrapinghub detroitnews.com (college football)
        ("Detroit News wire services Published", "Detroit News wire services"),
        # Readability test page nytimes-2
        ("Steven Davidoff Solomon; STEVEN DAVIDOFF SOLOMON", "Steven Davidoff Solomon"),
        ("La rédaction", "La rédaction"),  # a newsroom's name alone stays (fresada)
        ("Theresa May", "Theresa May"),  # a surname that is a month stays
    ],
)
def test_author_field_keeps_the_names(field: str, author: str | None) -> None:
    assert clean(*BODY_FR, author=field).author == author


def test_a_reprint_service_line_is_boilerplate() -> None:
    # scrapinghub benchmark f8ff621a0b (barrons.com, Home Depot earnings): it opened the story's
    # summary in real-news QA round 7's held-out check
    line = (
        "To order presentation-ready copies for distribution to your colleagues, clients or customers "
        "visit http://www.djreprints.com."
    )
    doc = clean(line, *BODY_EN)
    assert removed(doc, "boilerplate") == [line]
    # the same page's closing notice
    notice = (
        "This copy is for your personal, non-commercial use only. Distribution and use of this material "
        "are governed by our Subscriber Agreement and by copyright law. For non-personal use or to order "
        "multiple copies, please contact Dow Jones Reprints at 1-800-843-0008 or visit www.djreprints.com."
    )
    assert removed(clean(*BODY_EN, notice), "boilerplate") == [notice]
