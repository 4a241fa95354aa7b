"""Quotes and speakers, French and English, on short excerpts of real news.

Sources: RPM2 French corpus (rpm2_french_mds, doc ids), FreSaDa French articles
(fresada_french_satire, 'regular' ids), ECB+ English news (ecbplus, doc ids; detokenised:
`` '' made “ ”, spaces before punctuation removed, lines joined), trafilatura's evaluation
snippets (trafilatura_eval, German), Mozilla Readability test page 'cnet' (English). Seeds are
used for integration in tests/test_facts.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.facts.entities import extract_entities
from recoupe.facts.nlp import SpacyModels
from recoupe.facts.quotes import extract_quotes, is_speech_verb
from recoupe.model import QuoteMention


@pytest.fixture(scope="session")
def models() -> SpacyModels:
    return SpacyModels()


def quotes(models: SpacyModels, text: str, language: str) -> list[QuoteMention]:
    sdoc = models.parse(text, language)
    found = extract_quotes(text, sdoc, extract_entities(sdoc, language), language)
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def speaker_of(found: list[QuoteMention], start_of_quote: str) -> str | None:
    matching = [q for q in found if q.text.startswith(start_of_quote)]
    assert len(matching) == 1, [(q.text[:40], q.speaker) for q in found]
    return matching[0].speaker


# --------------------------------------------------------------------------------------------
# French
# --------------------------------------------------------------------------------------------


def test_inverted_speech_verb_after_the_quote_names_person_and_organisation(models: SpacyModels) -> None:
    text = (
        # rpm2 T01_C1_02
        "«Je veux (...) dire merci au président Sarkozy qui a tant lutté pour moi, avec ma famille, mes "
        "enfants, avec maman, ma soeur», a déclaré Ingrid Betancourt, otage depuis plus de six ans.\n\n"
        # rpm2 T01_C1_01
        '"La fuite des 15 prisonniers de guerre, le mercredi 2 juillet, a été la conséquence directe de la '
        "conduite méprisable de Cesar et d'Enrique qui ont trahi leur engagement révolutionnaire et la "
        'confiance qui leur a été accordée", ont affirmé les Farc dans un communiqué daté du 5 juillet.\n\n'
        # rpm2 T01_C1_03: a person named after an indirect object
        "\"Il n'est pas exclu qu'il y ait eu un accord avec des membres des Farc qui auraient négocié en "
        "secret leur reddition mais rien ne le prouve. La thèse officielle selon laquelle Bogota a tout "
        "simplement berné les guérilleros sans aucune contrepartie est très plausible\", assure à l'AFP "
        "Fabrice Delloye, l'ex-mari d'Ingrid Betancourt."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Je veux") == "Ingrid Betancourt"
    assert speaker_of(found, "La fuite") == "Farc"
    assert speaker_of(found, "Il n'est pas exclu") == "Fabrice Delloye"


def test_speaker_announcing_the_quote_with_a_colon_in_the_text_s_words(models: SpacyModels) -> None:
    # rpm2 T09_C2_06: a role, no name: the words the text uses
    text = (
        "Jugeant que ce rapport ne changerait rien à la souffrance des malades en fin de vie, le président "
        'de l’ADMD a ajouté : "Il y a beaucoup de souffrance dans notre pays, beaucoup de gens aujourd’hui '
        '(qui) meurent dans des conditions de grande souffrance, et on ne les a pas entendus".'
    )
    assert speaker_of(quotes(models, text, "fr"), "Il y a beaucoup") == "le président de l’ADMD"


def test_incise_inside_the_marks_and_pronoun_resolution(models: SpacyModels) -> None:
    # rpm2 T01_C1_02
    text = (
        "«Les conditions de nos libérations ont été complétement surréalistes», a affirmé Ingrid "
        "Betancourt avant d'en faire le récit.\n\n"
        "«Nous étions levés depuis cinq heures du matin, a-t-elle indiqué. Ils (les geôliers des Farc) nous "
        "avaient demandé de ranger nos affaires et ils nous ont fait attendre toute la matinée en nous "
        "disant qu'ils ignoraient ce qui allait se passer»."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Les conditions") == "Ingrid Betancourt"
    assert speaker_of(found, "Nous étions levés") == "Ingrid Betancourt"


def test_pronoun_after_a_quote_is_the_person_named_not_the_newspaper(models: SpacyModels) -> None:
    # rpm2 T01_C1_03
    text = (
        'Le ministre colombien de la Défense Juan Manuel Santos a parlé d\'une "heureuse coïncidence".\n\n'
        "\"Cela a permis que les membres des Farc qui retenaient les otages ne s'étonnent pas de l'opération "
        'que nous avions montée", a-t-il expliqué au journal Le Figaro de lundi.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Cela a permis") == "Juan Manuel Santos"
    # two verbless words, taken by a speech verb: a quotation, credited to its subject
    assert speaker_of(found, "heureuse coïncidence") == "Juan Manuel Santos"


def test_selon_names_the_source(models: SpacyModels) -> None:
    # rpm2 T01_C1_03
    text = 'Selon la presse colombienne, ils devraient être extradés vers les Etats-Unis "pour y être jugés".'
    assert speaker_of(quotes(models, text, "fr"), "pour y être jugés") == "la presse colombienne"


def test_passive_speech_verb_credits_its_agent(models: SpacyModels) -> None:
    # rpm2 T02_C2_03
    text = (
        "Après une année 2008 marquée par une perte nette de plus de 2% de pouvoir d’achat, cette offre a "
        "été qualifiée par les syndicats d’« injure faite aux salariés »."
    )
    assert speaker_of(quotes(models, text, "fr"), "injure faite") == "les syndicats"


def test_scare_quotes_and_titles_are_not_quotations(models: SpacyModels) -> None:
    text = (
        # rpm2 T01_C1_01 (headline): one quoted word
        "Libération d'Ingrid Betancourt: «Cesar» nie avoir trahi les Farc\n\n"
        # rpm2 T02_C1_03: verbless phrases that no speech verb takes
        '"Cette stratégie sera renouvelée plusieurs fois au cours du mois et début octobre, y compris sur '
        'des montants exceptionnellement élevés", poursuit le document qui souligne que "cette dérive dans '
        "la gestion\" n'a pas été perçue à temps \"du fait d'un nombre important de défaillances du "
        "contrôle interne et d'alertes ignorées\"."
    )
    found = quotes(models, text, "fr")
    texts = [q.text for q in found]
    assert "Cesar" not in texts
    assert "cette dérive dans la gestion" not in texts
    assert speaker_of(found, "Cette stratégie") == "le document"


def test_impersonal_on_gives_no_speaker(models: SpacyModels) -> None:
    # rpm2 T01_C1_03
    text = (
        'La France a surtout accentué la pression internationale "afin que le caillou devienne trop '
        "lourd\" pour le président colombien Alvaro Uribe, assure-t-on dans l'entourage de M. Sarkozy."
    )
    assert speaker_of(quotes(models, text, "fr"), "afin que") is None


def test_speech_verb_forms_are_matched_as_families() -> None:
    for word in ("déclaré", "a-t-il", "affirment", "commenté", "dit", "disent", "précise"):
        assert is_speech_verb(word, "fr") == (word != "a-t-il")
    for word in ("said", "says", "told", "added", "according"):
        assert is_speech_verb(word, "en") == (word != "according")
    assert not is_speech_verb("said", "de")


# --------------------------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------------------------

# ECB+ 2_11ecb
EN_OSCARS = (
    "“A strike, if one occurred, would be nothing short of horrible,” said Ron Howard, the former actor "
    "and Oscar-winning director of “A Beautiful Mind” whose latest film, “Frost/Nixon,” is considered a "
    "strong Oscar contender. “The timing couldn't be worse,” he said on Thursday. Actor Leonardo "
    "DiCaprio, who on Thursday earned a Golden Globe nomination for his work in “Revolutionary Road,” said "
    "strike concerns are hitting “everyone.” “It's really important that we come up with a solution,” "
    "he said. “These are unheard-of times, and no one can predict what is going to happen” with the U.S. "
    "economy."
)


def test_english_inverted_said_pronouns_and_continuations(models: SpacyModels) -> None:
    found = quotes(models, EN_OSCARS, "en")
    assert speaker_of(found, "A strike") == "Ron Howard"
    assert speaker_of(found, "The timing") == "Ron Howard"
    # 'he' after another person is named: that person, not the previous speaker
    assert speaker_of(found, "It's really important") == "Leonardo DiCaprio"
    # a sentence that is a quote and nothing else goes on the previous one
    assert speaker_of(found, "These are unheard-of") == "Leonardo DiCaprio"
    texts = [q.text for q in found]
    # titles and one-word scare quotes are not quotations
    assert not [t for t in texts if t.startswith(("A Beautiful Mind", "Frost", "Revolutionary", "everyone"))]


def test_english_title_before_name_and_subject_before_verb(models: SpacyModels) -> None:
    text = (
        # ECB+ 4_6ecb
        "“She captured the imagination of a generation of men and women with her free spirit and unabashed "
        "sensuality,” said agent Mark Roesler in a written statement. “She is the embodiment of beauty.”\n\n"
        # ECB+ 18_4ecb
        "Luke Pigeon, who lives in an apartment building next door, said he didn't hear a gunshot but heard "
        "a commotion outside his window. “It wasn't typical, crazy noise that sometimes happens. You got the "
        "feeling there was something definitely, definitely wrong,” Pigeon told The Canadian Press."
    )
    found = quotes(models, text, "en")
    assert speaker_of(found, "She captured") == "Mark Roesler"
    assert speaker_of(found, "She is the embodiment") == "Mark Roesler"
    assert speaker_of(found, "It wasn't typical") == "Luke Pigeon"


def test_english_statement_and_according_to(models: SpacyModels) -> None:
    text = (
        # ECB+ 22_11ecbplus
        "A Kraft representative confirmed Hiller is now in police custody and that one of the wounded "
        "employees is in the hospital. “This is a sad time for the Kraft Foods family,” a statement reads.\n\n"
        # ECB+ 6_9ecb
        "According to EW, “Weitz is best-known for his work with his brother Paul. The two directed and "
        "produced American Pie and then were nominated for an Academy Award for best screenplay for About a "
        "Boy, which they also co-directed.”"
    )
    found = quotes(models, text, "en")
    assert speaker_of(found, "This is a sad time") == "a statement"
    assert speaker_of(found, "Weitz is best-known") == "EW"


# --------------------------------------------------------------------------------------------
# block quotes
# --------------------------------------------------------------------------------------------


def test_headings_after_paragraphs_are_not_credit_lines(models: SpacyModels) -> None:
    # FreSaDa 000011077: a verbless heading that starts with a role noun after a paragraph
    text = (
        "Une vingtaine de personnes devaient faire partie du voyage, dont Pierre Laurent, secrétaire national "
        "du PCF et sénateur de Paris, les députés européens Pascal Durand et Patrick Le Hyaric.\n\n"
        "Un avocat franco-palestinien en détention administrative\n\n"
    )
    assert quotes(models, text, "fr") == []


def test_speech_followed_by_prose_is_not_a_block_quote(models: SpacyModels) -> None:
    # Mozilla Readability test page 'cnet' (a quoted paragraph, then the article goes on)
    text = (
        "That's less my thing, but I think if you are trying to help convince people that they want to join "
        "you, helping them understand all the pain that they would have to go through to build it out "
        "independently is a valuable tactic.\n\n"
        "It also pays to be weary of competing suitors for your startup, Zuckerberg said, and be willing to "
        "move fast to stave off rivals and get the deal done."
    )
    assert [
        q for q in quotes(models, text, "en") if q.speaker is not None and "less my thing" in q.text
    ] == []


# --------------------------------------------------------------------------------------------
# without a model
# --------------------------------------------------------------------------------------------


def test_languages_without_a_model_keep_long_quotes_without_speakers() -> None:
    # trafilatura_eval snippets (dtb-tennis.de, dobszay.ch)
    text = "Kohlmann: „Als nächstes gewinnen wir den Davis Cup“\n\n„Bellende Hunde beissen nicht“"
    found = extract_quotes(text, None, [], "de")
    assert [(q.text, q.speaker) for q in found] == [("Als nächstes gewinnen wir den Davis Cup", None)]


MARKS = st.sampled_from(["«", "»", "“", "”", '"', "„", "``", "''", "\n", " ", ", "])
WORDS = st.sampled_from(["Le", "ministre", "a", "dit", "nous", "said", "Paris", "é", "\u00a0", "."])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKS, WORDS), max_size=40))
def test_quote_offsets_always_slice_the_text(parts: list[str]) -> None:
    text = " ".join(parts)
    for q in extract_quotes(text, None, [], "und"):
        assert text[q.start : q.end] == q.text
        assert q.text == q.text.strip()
