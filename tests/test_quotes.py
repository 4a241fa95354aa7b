"""Quotes and speakers, French and English, on short excerpts of real news.

Sources: RPM2 French corpus (rpm2_french_mds, doc ids), FreSaDa French articles
(fresada_french_satire, 'regular' ids), ECB+ English news (ecbplus, doc ids; where noted, text
as distributed: pre-tokenised, one sentence per line, `` '' marks; elsewhere detokenised:
`` '' made “ ”, spaces before punctuation removed, lines joined), trafilatura's evaluation
snippets (trafilatura_eval, German), Mozilla Readability test page 'cnet' (English). Seeds are
used for integration in tests/test_facts.py. The labelled set (bench/labels/quotes.jsonl,
offsets into ../shared/data) is evaluated at the end of this file when the data is present.
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.facts.entities import extract_entities
from recoupe.facts.nlp import SpacyModels
from recoupe.facts.quotes import LEXICON, extract_quotes, is_speech_verb, vocabulary
from recoupe.lang import languages, words
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


def test_scare_quotes_and_titles_are_not_quotations_reported_words_are(models: SpacyModels) -> None:
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
    assert speaker_of(found, "Cette stratégie") == "le document"
    # words in the clause the speech verb reports are the document's too
    assert speaker_of(found, "cette dérive dans la gestion") == "le document"


def test_impersonal_on_names_the_source_after_it_or_nobody(models: SpacyModels) -> None:
    # rpm2 T01_C1_03: 'assure-t-on dans l'entourage de X' names the source (third round; it gave
    # none before)
    text = (
        'La France a surtout accentué la pression internationale "afin que le caillou devienne trop '
        "lourd\" pour le président colombien Alvaro Uribe, assure-t-on dans l'entourage de M. Sarkozy."
    )
    assert speaker_of(quotes(models, text, "fr"), "afin que") == "l'entourage de M. Sarkozy"
    # fresada 000011375: the newspaper after 'à' is who was told, not the source
    text = (
        "Une colère confirmée par l'entourage de Bernadette Chirac. \"Effacer trente ans de travail "
        'd’un coup de crayon est à ses yeux inacceptable", a-t-on ainsi expliqué au Parisien.'
    )
    assert speaker_of(quotes(models, text, "fr"), "Effacer trente ans") != "Parisien"


def test_sports_a_description_and_a_demonym_are_the_person_named_speaking(models: SpacyModels) -> None:
    # rpm2 T08_C1_09 (cycling): 'le manager d'Astana', 'le Belge' after 'a déclaré … Johan Bruyneel'
    text = (
        "Lance Armstrong a une chance sur deux de participer au prochain Tour de France, a déclaré mercredi "
        "Johan Bruyneel, en marge de la présentation du tracé de l’épreuve.\n"
        '"Pour l’instant je dirais que c’est du 50-50. Je pense qu’il peut arriver à un niveau suffisant pour '
        'être compétitif sur le Tour de France", a dit le manager d’Astana, équipe au sein de laquelle le '
        "septuple vainqueur du Tour doit effectuer son retour dans le peloton professionnel en 2009.\n"
        '"Dans cette optique, Lance et moi sommes contents que la direction du Tour ait changé. On part sur de '
        'nouvelles bases", a ajouté le Belge.\n'
        '"C’est un coureur qui a une licence dans une équipe Pro Tour, il doit pouvoir prendre le départ de '
        'chaque course."'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Pour l’instant") == "Johan Bruyneel"
    assert speaker_of(found, "Dans cette optique") == "Johan Bruyneel"
    # a paragraph that is only a quote goes on the quote before it
    assert speaker_of(found, "C’est un coureur") == "Johan Bruyneel"


def test_business_inverted_credit_pronoun_and_reported_clause(models: SpacyModels) -> None:
    # rpm2 T02_C2_08 (Caisse d'Epargne)
    text = (
        "\"Le Groupe Caisse d'épargne est d'abord et doit rester une banque de détail, solidement ancrée sur "
        'le terrain", explique Alain Lemaire, le directeur général de la Caisse nationale des Caisses '
        "d'épargne.\n"
        "\"Nous envisageons des cessions non stratégiques, mais nous le ferons à l'aune de nos intérêts "
        'patrimoniaux", ajoute-t-il.\n'
        "Dans cette même interview, Bernard Comolet, le nouveau président des Caisses d'épargne, estime que le "
        "trader, à l'origine de cette perte, avait pris des positions \"au mépris de toutes les instructions "
        "données\", la banque ayant précédemment pris la décision d'arrêter ses activités de trading."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Le Groupe") == "Alain Lemaire"
    assert speaker_of(found, "Nous envisageons") == "Alain Lemaire"
    # a verbless fragment inside the clause 'estime' reports
    assert speaker_of(found, "au mépris") == "Bernard Comolet"


def test_politics_name_after_a_role_and_pronoun_after_it(models: SpacyModels) -> None:
    # FreSaDa 000007334 (Brexit)
    text = (
        "Le 23 juin, \"les Britanniques ont pris la décision historique de quitter l'UE. Mercredi prochain, le "
        "gouvernement va mettre en application cette décision et lancer formellement le processus pour activer "
        "l'article 50 (qui autorise tout État à se retirer de l'UE, ndlr)\", a indiqué dans un communiqué le "
        "ministre en charge du Brexit David Davis.\n"
        'Parlant de "la négociation la plus importante pour ce pays depuis une génération", il a ajouté que le '
        'gouvernement était "clair sur ses objectifs: un accord qui fonctionne pour toutes les nations et '
        "régions du Royaume-Uni et bien sûr pour l'ensemble de l'Europe\"."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "les Britanniques") == "David Davis"
    assert speaker_of(found, "clair sur ses objectifs") == "David Davis"


def test_justice_charges_are_not_quotes_and_a_quote_goes_on(models: SpacyModels) -> None:
    # rpm2 T10_C2_07
    text = (
        "La jeune femme a été mise en examen pour \"substitution d'enfant, faux commis dans un acte "
        'authentique et aide au séjour irrégulier".\n'
        "\"J'ai tous les papiers en règle. J'en ai la garde jusqu'à ce qu'il ait 18 ans\", assure Fatma.\n"
        "\"Il n'y aucun problème. Ma soeur va me faxer le document d'ici peu pour que je puisse récupérer "
        'Mohamed".'
    )
    found = quotes(models, text, "fr")
    assert not [q for q in found if q.text.startswith("substitution")]
    assert speaker_of(found, "J'ai tous les papiers") == "Fatma"
    assert speaker_of(found, "Il n'y aucun problème") == "Fatma"


def test_quote_opening_a_paragraph_and_headline_credits(models: SpacyModels) -> None:
    text = (
        # FreSaDa 000007306: a quote after a section label, the speaker named just after it
        "POLITIQUE - \"Franchement, c'est puéril.\" Christiane Taubira n'a pas vraiment goûté l'insistance de "
        "Jean-Michel Aphatie pour lui faire prononcer le nom d'Emmanuel Macron.\n\n"
        # rpm2 T08_C1_06: 'Name : « … »' in a headline; the name in full further down
        "Cyclisme - Contador : “Bonne chance à Lance !”\n"
        "Alors que le Tour de France 2009 sera dévoilé aujourd’hui, l’idée d’un partage du calendrier entre "
        "Lance Armstrong (Giro) et Alberto Contador (Grande Boucle) se dessine peu à peu."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Franchement") == "Christiane Taubira"
    assert speaker_of(found, "Bonne chance") == "Alberto Contador"


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


# ECB+ as distributed (pre-tokenised, one sentence per line)


def test_english_quote_over_several_lines_opening_the_story(models: SpacyModels) -> None:
    # ECB+ 22_1ecbplus (a shooting at a plant)
    text = (
        "\"She's not a loose cannon .\nShe's a hard worker , works very hard .\nShe's very spiritual . \"\n"
        "Kenneth Dorsey says the woman accused of killing two co - workers and critically injuring a third at "
        "the Kraft plant in Northeast Philly is a good person ."
    )
    found = quotes(models, text, "en")
    quote = next(q for q in found if q.text.startswith("She's not"))
    assert quote.text.endswith("She's very spiritual .") and quote.speaker == "Kenneth Dorsey"


def test_english_paragraphs_of_one_quote_and_a_name_in_apposition(models: SpacyModels) -> None:
    # ECB+ 8_7ecbplus (Athens riots): each paragraph of the quote opens with a mark
    text = (
        "A professor of economics at the University of Athens , Yanis Varoufakis , did not go to work today "
        "because it was not safe .\n"
        '"What I did witness was the battlefields after the troops had departed , " he said .\n'
        '"There were a few still burning or smoking cars , a couple of fire engines that had been torched .\n'
        '"Otherwise , it was an empty city without people . "'
    )
    found = quotes(models, text, "en")
    assert speaker_of(found, "What I did witness") == "Yanis Varoufakis"
    first = next(q for q in found if q.text.startswith("There were"))
    assert first.text.endswith("had been torched .") and first.speaker == "Yanis Varoufakis"
    assert speaker_of(found, "Otherwise") == "Yanis Varoufakis"


def test_english_sports_full_name_from_earlier_in_the_story(models: SpacyModels) -> None:
    # ECB+ 7_1ecbplus (boxing)
    text = (
        "Wladimir Klitschko stopped Tony Thompson in the sixth round to keep a comfortable hold on his WBA , "
        "IBF and WBO heavyweight titles Saturday night .\n"
        '"Thompson was not so easy to box .\nI\'m satisfied , " Klitschko said .'
    )
    assert speaker_of(quotes(models, text, "en"), "Thompson was not") == "Wladimir Klitschko"


def test_english_justice_title_before_the_name_and_a_quote_going_on(models: SpacyModels) -> None:
    # ECB+ 3_8ecb (a sentencing)
    text = (
        "`` I 'm giving you the maximum -- every day I could give you , '' Superior Court Judge James "
        "Bodiford said , in the same court where the killing occurred .\n"
        "`` If I could give you more , I would . ''"
    )
    found = quotes(models, text, "en")
    assert speaker_of(found, "I 'm giving") == "James Bodiford"
    assert speaker_of(found, "If I could") == "James Bodiford"


def test_english_business_speaker_named_in_full_earlier(models: SpacyModels) -> None:
    # ECB+ 10_4ecbplus (baseball contract talks)
    text = (
        "Lynch reported the Red Sox team of owner John Henry , COO Larry Lucchino and General Manager Theo "
        "Epstein offered Teixeira , 28 , an eight - year deal worth $184 million or $23 million per season .\n"
        'In an e - mail to media members Thursday night , Henry said , "We met with Mr . Teixeira and were '
        "very much impressed with him .\n"
        'After hearing about his other offers , however , it seems clear that we are not going to be a factor . "'
    )
    assert speaker_of(quotes(models, text, "en"), "We met with") == "John Henry"


def test_english_unnamed_speaker_described_again(models: SpacyModels) -> None:
    # ECB+ 11_2ecb (Turkmenistan elections): 'a Western diplomat' … 'the diplomat added'
    text = (
        "`` The facade has changed but the foundations remain the same , '' said a Western diplomat , who "
        "requested anonymity .\n"
        "`` Power rests entirely with the president .\n"
        "His photo appears every day on the front of the papers .\n"
        "He strictly controls the economy and the whole of the media , '' the diplomat added ."
    )
    found = quotes(models, text, "en")
    assert speaker_of(found, "The facade") == "a Western diplomat"
    assert speaker_of(found, "Power rests") == "a Western diplomat"


def test_english_titles_of_works_are_not_quotes(models: SpacyModels) -> None:
    # ECB+ 4_5ecbplus
    text = (
        'The champion swimmer starred in such films as "Bathing Beauty , " "Take Me Out to the Ball Game" '
        'and "Million Dollar Mermaid . "'
    )
    assert quotes(models, text, "en") == []


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


# --------------------------------------------------------------------------------------------
# the lexicon
# --------------------------------------------------------------------------------------------


def test_reporting_verbs_are_data_with_their_source_and_keys() -> None:
    for language in ("fr", "en"):
        path = Path(__file__).resolve().parents[1] / "src/recoupe/lang" / language / f"{LEXICON}.toml"
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# ") and "Where the entries come from" in text
        table = tomllib.loads(text)
        for key in ("forms", "stems", "according_to", "role_nouns", "speaker_nouns", "person_pronouns"):
            assert key in table and f"  {key}" in text, (language, key)  # present and documented
        assert words(language, LEXICON, "according_to")
    assert "selon" in words("fr", LEXICON, "according_to")
    assert "according to" in words("en", LEXICON, "according_to")
    assert vocabulary("fr").stems is not None and not vocabulary("en").stems


def test_a_language_without_the_lexicon_has_no_speech_verbs() -> None:
    assert "de" not in languages()
    assert not is_speech_verb("sagte", "de") and not is_speech_verb("said", "de")
    assert vocabulary("de").according_to == ()


# --------------------------------------------------------------------------------------------
# second round of issue 5 (French held-out speakers): each rule on real text, French and English,
# several domains. Sources as above: rpm2 / fresada / ecbplus doc ids, lines of the record's text
# --------------------------------------------------------------------------------------------


def speaker_of_exactly(found: list[QuoteMention], text: str) -> str | None:
    matching = [q for q in found if q.text == text]
    assert len(matching) == 1, [(q.text[:40], q.speaker) for q in found]
    return matching[0].speaker


def test_justice_incises_a_role_after_a_time_word_and_the_headline_quoting_the_body(
    models: SpacyModels,
) -> None:
    # rpm2 T10_C2_02 (lines 0, 4, 7, 8, 18, 19, 20): the prosecutor named once, then 'le procureur',
    # 'le magistrat'; a credit after the closing mark; an incise far from the quote; the headline
    text = (
        "Encore «trop d'interrogations» sur l'enfant de Marseille\n«Il y a trop d'interrogations d"
        "ans cette affaire», a ainsi reconnu jeudi le procureur de la République de Marseille, Ja"
        "cques Dallest, évoquant la possibilité de nouveaux rebondissements.\nCar la justice, déso"
        "rmais, doute de tout et entend vérifier tous les dires de la jeune femme.\n« Nous avons b"
        "eaucoup de doutes sur les changements de version de cette personne, a ainsi expliqué » l"
        "e procureur.\n«Est-ce lié à autre chose ? Tout est possible», a ajouté le procureur. Le j"
        "uge d'instruction a délivré une commission rogatoire internationale pour permettre des i"
        "nvestigations plus poussées en Algérie.\nAu total, une vingtaine de personnes ont été ent"
        "endues dans cette affaire à rebondissements.\n«Sur fond de mariages de complaisance, de s"
        "éjours irréguliers et de travail au noir», leurs explications ne sont pas toujours sincè"
        "res, a souligné le magistrat."
    )
    found = quotes(models, text, "fr")
    # 'a ainsi reconnu jeudi le procureur …, Jacques Dallest': the parser hangs the role on 'jeudi'
    assert speaker_of(found, "Il y a trop") == "Jacques Dallest"
    # '« …, a ainsi expliqué » le procureur': the subject after the closing mark
    assert speaker_of(found, "Nous avons beaucoup") == "Jacques Dallest"
    assert speaker_of(found, "Est-ce lié") == "Jacques Dallest"
    # '« … », leurs explications ne sont pas toujours sincères, a souligné le magistrat.'
    assert speaker_of(found, "Sur fond de") == "Jacques Dallest"
    # the headline's two words, said by nobody there, are the prosecutor's words in the body
    assert speaker_of_exactly(found, "trop d'interrogations") == "Jacques Dallest"


def test_business_incise_after_a_clause_and_a_heading_quoting_the_body(models: SpacyModels) -> None:
    # fresada 000010531 (lines 0 to 5): Bygmalion's former head, 'l'ancien président de
    # Bygmalion, Guy Alves', credited, later 'l'ancien patron de Bygmalion'
    text = (
        "L'ancien président de Bygmalion, Guy Alves, a nié mercredi tout enrichissement personnel"
        " dans le système présumé de fausses factures durant la campagne présidentielle de Nicola"
        "s Sarkozy en 2012, assurant qu'il s'était uniquement agi de financement illégal. Après s"
        "eize mois d'enquête, les juges d'instruction soupçonnent qu'un système de fausses factur"
        "es ait permis de mettre à la charge de l'UMP environ 18,5 millions d'euros de dépenses d"
        "e meetings, pour dissimuler une explosion du plafond légal des dépenses de campagne(22,5"
        " millions d'euros).\nAnciens dirigeants de Bygmalion, ex-cadres de l'UMP ou de la campagn"
        'e, treize protagonistes sont mis en examen, dont Guy Alves. "Le système de fausses factu'
        "res a servi de financement illégal à la campagne de Nicolas Sarkozy et uniquement de fin"
        'ancement illégal à la campagne de Nicolas Sarkozy", a affirmé Guy Alves sur RTL, niant t'
        'out enrichissement personnel. Ce système "a été organisé en fin de campagne pour pouvoir'
        " couvrir les déplacements\" qui n'étaient pas prévus à l'origine et alors que les plafond"
        's étaient déjà dépassés, a-t-il ajouté.\n"Le référent de mes équipes était Jérôme Lavrill'
        "eux\"\n\n\"Je savais que c'était absolument illégal, j'ai accepté pour sauver ma boîte et me"
        "s collaborateurs (...), si je n'acceptais pas le montage proposé, je n'étais pas payé\", "
        "le plafond des comptes étant atteint, a souligné l'ancien patron de Bygmalion. Interrogé"
        ' sur les montants importants de certaines prestations, Guy Alves a assuré que "les tarif'
        "s pratiqués ont été ceux du marché (...). Quand vous commandez 10.000 drapeaux trois sem"
        'aines avant ou la veille, la prestation est la même mais le prix ne l\'est pas".\n"Le réfé'
        "rent de mes équipes était Jérôme Lavrilleux (directeur adjoint de la campagne Sarkozy, n"
        "dlr), c'est lui qui nous a demandé d'accepter ce montage (...). Je n'ai aucun élément qu"
        'i permette de dire que Nicolas Sarkozy était au courant ou pas", a indiqué Guy Alves.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Je savais") == "Guy Alves"
    assert speaker_of(found, "les tarifs") == "Guy Alves"
    # the heading repeats the start of a quote Guy Alves is credited with below
    assert speaker_of_exactly(found, "Le référent de mes équipes était Jérôme Lavrilleux") == "Guy Alves"


def test_politics_pronominal_speech_verb_and_an_uncredited_paragraph_going_on(models: SpacyModels) -> None:
    # rpm2 T05_C2_02 (lines 7 to 10): 'se félicite Yann Padova', then a quote of its own paragraph
    # with no credit, nobody else named in between
    text = (
        "Et pourra demander par exemple, au nom d'un justiciable, la suppression de certaines don"
        "nées collectées de manière abusive.\n«On a aussi obtenu l'absence de recoupement possible"
        " entre Edvige et d'autres fichiers, notamment ceux de la police judiciaire», se félicite"
        " Yann Padova.\nQuant aux personnalités publiques (syndicales, religieuses ou politiques),"
        " la version finale du décret exclut la collecte des données relatives à leurs «déplaceme"
        "nts» et «comportement».\n«Là aussi, on s'est battu. Mais c'était essentiel pour permettre"
        " à ces personnes d'exercer leurs responsabilités.» Sur d'autres points, la Cnil n'a pas "
        "obtenu satisfaction."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "On a aussi obtenu") == "Yann Padova"
    assert speaker_of(found, "Là aussi") == "Yann Padova"


def test_hostage_release_a_role_with_a_prefix_and_paragraphs_going_on(models: SpacyModels) -> None:
    # rpm2 T01_C1_02 (lines 1, 9, 10, 11): 'a ajouté l'ex-otage', then two quoted paragraphs
    text = (
        "«Les conditions de nos libérations ont été complétement surréalistes», a affirmé Ingrid "
        "Betancourt avant d'en faire le récit.\n«Nous sommes montés à bord avec beaucoup de diffic"
        "ulté car ils nous avaient lié les mains, ce qui était humiliant, puis après être montés "
        "ils nous ont attaché les pieds (....). Ils ont alors fermé les portes de l'hélicoptère, "
        "et tout à coup j'ai vu le commandant (Farc) nu au sol. Je n'ai pas même ressenti de bonh"
        "eur à ce moment», a ajouté l'ex-otage soulignant que ce guérillero l'avait personnelleme"
        "nt humiliée à de nombreuses reprises pendant sa captivité.\n«Après avoir neutralisé les d"
        "eux commandants Farc qui étaient montés avec nous dans l'hélicoptère, le chef de l'opéra"
        "tion a crié: 'Nous sommes l'armée nationale, vous êtes libres'».\n«A ce moment, nous avon"
        "s ri, sauté de joie, je pensais que c'était un miracle»."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Nous sommes montés") == "Ingrid Betancourt"
    assert speaker_of(found, "Après avoir neutralisé") == "Ingrid Betancourt"
    assert speaker_of(found, "A ce moment") == "Ingrid Betancourt"


def test_a_heading_between_ends_the_last_speaker_s_turn(models: SpacyModels) -> None:
    # fresada 000010157 (lines 6 to 8): a militant quoted, a heading announcing the other camp,
    # then its slogan: not the militant's words
    text = (
        '"Ils essaient de nous empêcher de travailler", déplore Thierry Schaffauser, militant du '
        'Syndicat du travail sexuel (Strass), qui appelait au rassemblement. "On fait un amalgame'
        " entre le travail forcé et l'exploitation consentie\".\n... et des partisans venus souteni"
        'r la loi\n"Ni à vendre, ni à prendre, le corps des femmes n\'est pas une marchandise". A q'
        "uelques centaines de mètres, le ton était tout autre: une cinquantaine de personnes, pou"
        "r la plupart issues de mouvements féministes, sont venues de leur côté soutenir la propo"
        'sition de loi, derrière une banderole "Ensemble pour l\'abolition du système prostitueur"'
        "."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Ils essaient") == "Thierry Schaffauser"
    assert speaker_of(found, "Ni à vendre") != "Thierry Schaffauser"


def test_business_roles_described_again_and_an_office_taken_for_an_organisation(models: SpacyModels) -> None:
    # rpm2 T03_C2_03 (lines 2, 7, 10, 17): 'la ministre de l'Économie' (NER: an organisation) is
    # Christine Lagarde, credited just before; 'le premier ministre' is someone else; 'Frédéric
    # Oudéa, patron de la Société générale qui affirmait' is Frédéric Oudéa
    text = (
        "À l’issue d’une réunion avec les banquiers lundi, Christine Lagarde a annoncé que 10,5 m"
        "illiards seront affectés d’ici à la fin de l’année aux six plus grandes banques privées "
        "françaises pour renforcer leurs fonds propres et leur permettre de rouvrir le robinet du"
        " crédit aux ménages, aux PME et aux collectivités locales, grippé par la crise financièr"
        "e.\nQuelques heures plus tard et cette fois dans un communiqué, la ministre de l’Économie"
        " a ajouté que l’État pourrait de nouveau renouveler une opération identique en 2009, «\xa0s"
        "i les tensions de marché venaient à persister\xa0».\nEn contrepartie, les banques devront si"
        "gner une convention, dont les contours ne sont pas évoqués, qui fera, selon le premier m"
        "inistre,«\xa0l’objet d’un suivi au niveau local sous l’égide du préfet en liaison avec la B"
        "anque de France\xa0».\nÀ commencer par Frédéric Oudéa, patron de la Société générale qui aff"
        "irmait, le 14 octobre dans le Figaro\xa0: «\xa0Nous n’avons pas besoin d’utiliser le guichet p"
        "ublic. La Société générale est en ligne avec ses objectifs en matières de capitaux propr"
        "es.\xa0» Hier, Christian Noyer, président de la Banque de France, a insisté sur le fait que"
        " ces banques «\xa0étaient solides et profitables\xa0»."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "si les tensions") == "Christine Lagarde"
    assert speaker_of(found, "l’objet d’un suivi") == "le premier ministre"
    assert speaker_of(found, "Nous n’avons pas besoin") == "Frédéric Oudéa"
    assert speaker_of(found, "étaient solides") == "Christian Noyer"


def test_justice_a_relative_aside_is_not_the_source(models: SpacyModels) -> None:
    # fresada 000007319 (lines 4, 8): 'Pour les magistrats, cette caution, contre laquelle UBS
    # s'insurge, est « … »': the aside speaks of the bail, the judges are the source
    text = (
        "Dans leur ordonnance, signée le 17 mars, les magistrats ordonnent que le groupe UBS AG s"
        'oit jugé pour "démarchage bancaire illégal" ainsi que "blanchiment aggravé de fraude fis'
        'cale" et sa filiale française pour "complicité", a précisé une source proche de l\'enquêt'
        "e. Le renvoi de la banque en procès a été confirmé à l'AFP par une source judiciaire.\nLa"
        " Cour européenne des droits de l'homme a rejeté en janvier le recours fait par UBS contr"
        "e la caution record de 1,1 milliard d'euros. Pour les magistrats, cette caution, contre "
        "laquelle UBS s'insurge, est \"une mesure provisoire qui ne préjuge pas de l'issue du liti"
        'ge".'
    )
    assert speaker_of(quotes(models, text, "fr"), "une mesure provisoire") == "les magistrats"


def test_english_environment_incise_far_from_the_quote(models: SpacyModels) -> None:
    # ecbplus 9_6ecb (lines 30, 33; as distributed): ', argued the NRDC .' after the clause
    text = (
        "In a filing with the Interior Department , however , the Natural Resources Defense Counc"
        "il noted that no evidence of delay and cost was produced to support relaxing the law .\nT"
        "he likely result will be `` erroneous findings '' by agencies , argued the NRDC ."
    )
    assert speaker_of(quotes(models, text, "en"), "erroneous findings") == "NRDC"


def test_english_fire_and_unrest_uncredited_paragraphs_go_on(models: SpacyModels) -> None:
    # ecbplus 13_9ecbplus (lines 5 to 10) and 19_5ecbplus (lines 15 to 21), as distributed
    fire = (
        "In the afternoon sun , only charred rubble remained\n“ And it ’ s , of course , as you ca"
        "n see , a total loss , ” Palmer Public Safety Director Jon Owen said at the site of the "
        "fire Tuesday .\n“ We have a light breeze , as you ’ ve noticed , has picked up .\nAnd the "
        "breeze has ignited a hot spot over there .\nWe ’ re just making sure that the scene is sa"
        "fe .\nOur crews are going to be out here all day . ”"
    )
    found = quotes(models, fire, "en")
    assert speaker_of(found, "And it") == "Jon Owen"
    assert speaker_of(found, "We have a light breeze") == "Jon Owen"
    unrest = (
        "“ I was sitting in my living room , ” said Mary John , 43 , who witnessed destruction ne"
        "ar E . 31st St . and Church Ave .\n“ People were standing up on vehicles .\nI saw them tak"
        "e garbage from the sidewalk and throw it onto the street .\nI saw someone take a TV and s"
        "mash it into my neighbor ’ s car .\nThey were throwing rocks at the cars .\n“ I said , ‘ O"
        "h my god !\nWhat ’ s going on here ? ’ ” she continued ."
    )
    assert speaker_of(quotes(models, unrest, "en"), "People were standing") == "Mary John"


def test_english_the_last_speaker_does_not_go_on_past_another_credit(models: SpacyModels) -> None:
    # ecbplus 2_8ecbplus (lines 5, 8, 9): a credit naming a magazine; 18_12ecb (lines 17, 28 to
    # 30): another person said to speak in between
    awards = (
        '"I am so excited to be hosting the Oscars for the second time , " DeGeneres said in a st'
        "atement .\nDeGeneres , 55 , earned an Emmy nomination for her performance in 2007 in whic"
        "h she departed from traditional Oscar hosting decorum and ventured into the audience for"
        ' spot gags , at one point handing director Martin Scorsese a script of her own .\n"Choosi'
        "ng DeGeneres , known for her kindler , gentler humor , signals that the Academy's next a"
        'wards show will have a decidedly different tone than the 85th Academy Awards , " trade m'
        "agazine The Hollywood Reporter wrote ."
    )
    assert speaker_of(quotes(models, awards, "en"), "Choosing DeGeneres") != "DeGeneres"
    court = (
        "His lawyer , Richard Fowler , told the court his client is on suicide watch at the North"
        " Fraser Pretrial Centre in Port Coquitlam .\n`` He 's presumed innocent and he should be "
        "treated better . ''\nLon Wood , another retired Victoria journalist who knew Ben 's fathe"
        "r from their days working in Victoria , said he met Ben and the other children through t"
        "heir parents .\n`` They are a very close family . ''"
    )
    assert speaker_of(quotes(models, court, "en"), "They are a very close family") != "Richard Fowler"


def test_english_fire_headline_and_baseball_reference_quote_the_body(models: SpacyModels) -> None:
    # ecbplus 14_2ecb (lines 0 to 4): the headline's words are the police spokeswoman's below
    fire = (
        "A Waitrose store was reduced to ruins after a blaze being treated by police as `` potent"
        "ially suspicious '' .\nMore than 50 firefighters with 10 fire engines fought the blaze wh"
        "ich virtually destroyed the store in Banstead , Surrey .\nIt broke out in the roof at aro"
        "und 9pm on Friday , forcing a number of residents living nearby to be temporarily evacua"
        "ted .\nA Surrey Police spokeswoman said : `` The fire has progressed rapidly through the "
        "store which is almost totally destroyed .\nIt is being treated as potentially suspicious "
        ". ''"
    )
    assert (
        speaker_of_exactly(quotes(models, fire, "en"), "potentially suspicious")
        == "A Surrey Police spokeswoman"
    )
    # ecbplus 10_4ecbplus (lines 6, 9, 10, 11): "Henry's reference to the “other offers”"
    baseball = (
        "Lynch reported the Red Sox team of owner John Henry , COO Larry Lucchino and General Man"
        "ager Theo Epstein offered Teixeira , 28 , an eight - year deal worth $184 million or $23"
        ' million per season .\nIn an e - mail to media members Thursday night , Henry said , "We '
        "met with Mr . Teixeira and were very much impressed with him .\nAfter hearing about his o"
        "ther offers , however , it seems clear that we are not going to be a factor . \"\nHenry's "
        'reference to the "other offers" leaves open the possibility that he is calling Boras\' bl'
        "uff , who has been known to inflate the value of offers and the number of suitors pursui"
        "ng his client , Lynch reported ."
    )
    assert speaker_of_exactly(quotes(models, baseball, "en"), "other offers") == "John Henry"


def test_english_relative_clause_reporting_the_quote_without_a_comma(models: SpacyModels) -> None:
    # ecbplus 13_3ecb (lines 3, 18): 'the church , which he described as (quote)': no comma
    # closes the relative clause before the quote, so it reports it
    text = (
        "Larry Kroon of the Wasilla Bible Church said Saturday , adding that investigators were c"
        "onsidering arson and other possible causes .\nKroon said the nondenominational church , w"
        "hich he described as `` just a local community church , '' is about 30 years old and the"
        " church building itself is about 2 years old ."
    )
    assert speaker_of(quotes(models, text, "en"), "just a local community church") == "Larry Kroon"


def test_a_pronoun_stands_for_a_person_of_its_gender_where_the_text_gives_it(models: SpacyModels) -> None:
    # rpm2 T01_C1_08 (lines 0, 1, 3 to 7): 'le président Sarkozy' is the last subject before
    # 'elle', which stands for the hostage named before him
    text = (
        "Ingrid Betancourt est arrivée en France\nAprès plus de six ans de captivité et sa libérat"
        "ion mercredi 2 juillet, la Franco-colombienne Ingrid Betancourt est arrivée vendredi apr"
        "ès-midi 4 juillet en France, accueillie par le président Sarkozy sur le tarmac de l'aéro"
        "port militaire de Villacoublay (Yvelines)\nC'est par ces mots que Nicolas Sarkozy a accue"
        "illi vendredi 4 juillet Ingrid Betancourt.\nLibérée mercredi après plus de six ans de cap"
        "tivité en Colombie, l'ex-otage franco-colombienne est arrivée à 16h, sur le tarmac de l'"
        "aéroport militaire de Villacoublay (Yvelines).\nElle a descendu seule, lentement, la pass"
        "erelle de l'avion présidentiel.\nTrès émue, elle s'est dite heureuse de \"respirer l'air d"
        'e la France".\n"Je rêve depuis sept ans de vivre ce moment. Je dois tout à la France (...'
        ") Vos messages m'ont permis d'être vivante, spirituellement et physiquement. Je tiens à "
        'dire combien je vous dois", a-t-elle déclaré.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "respirer l'air") == "Ingrid Betancourt"
    assert speaker_of(found, "Je rêve depuis") == "Ingrid Betancourt"


# --------------------------------------------------------------------------------------------
# the labelled set (bench/labels/quotes.jsonl, texts in ../shared/data)
# --------------------------------------------------------------------------------------------

# measured with bench/bench_quotes.py on the held-out split (see bench/README.md); floors a
# little under: a change that loses quotes or speakers on unseen news fails here
HELDOUT_FLOORS = {
    "fr": {"quote_precision": 0.95, "quote_recall": 0.85, "speaker_precision": 0.90, "speaker_recall": 0.78},
    "en": {"quote_precision": 0.95, "quote_recall": 0.95, "speaker_precision": 0.90, "speaker_recall": 0.90},
}


def _bench_quotes() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "bench_quotes.py"
    spec = importlib.util.spec_from_file_location("bench_quotes", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_quotes"] = module
    spec.loader.exec_module(module)
    return module


def test_labelled_quotes_held_out_split_meets_its_floors(shared_data: Path) -> None:
    bench = _bench_quotes()
    docs = [d for d in bench.load_labels(shared_data) if d.split == "heldout"]
    assert {d.language for d in docs} == {"fr", "en"}
    scores = bench.evaluate(docs)
    for language, floors in HELDOUT_FLOORS.items():
        figures = scores[(language, "heldout")].figures()
        for name, floor in floors.items():
            assert figures[name] >= floor, (language, name, round(figures[name], 3))


# French speakers on the three splits labelled before the second round (bench/README.md: at
# d319603 heldout3 0.759 / 0.526, heldout4 0.822 / 0.617, heldout5 0.778 / 0.571; tuned on in the
# third round, dba5315: 0.914 / 0.821, 0.962 / 0.850, 0.878 / 0.735); floors a little under
FRENCH_HELDOUT_FLOORS = {"speaker_precision": 0.85, "speaker_recall": 0.68, "quote_precision": 0.92}
FRENCH_HELDOUT_SPLITS = ("heldout3", "heldout4", "heldout5")


def test_labelled_quotes_french_held_out_splits_meet_their_floors(shared_data: Path) -> None:
    bench = _bench_quotes()
    docs = [d for d in bench.load_labels(shared_data) if d.split in FRENCH_HELDOUT_SPLITS]
    assert {d.language for d in docs} == {"fr"} and len(docs) == 32
    scores = bench.evaluate(docs)
    for split in FRENCH_HELDOUT_SPLITS:
        figures = scores[("fr", split)].figures()
        for name, floor in FRENCH_HELDOUT_FLOORS.items():
            assert figures[name] >= floor, (split, name, round(figures[name], 3))


# heldout6, labelled before the third round and never tuned on (bench/README.md: speakers 0.792
# / 0.553 before it, 0.796 / 0.566 after); floors a little under
HELDOUT6_FLOORS = {"speaker_precision": 0.77, "speaker_recall": 0.54, "quote_precision": 0.93}


def test_labelled_quotes_french_heldout6_meets_its_floors(shared_data: Path) -> None:
    bench = _bench_quotes()
    docs = [d for d in bench.load_labels(shared_data) if d.split == "heldout6"]
    assert {d.language for d in docs} == {"fr"} and sum(len(d.quotes) for d in docs) == 78
    figures = bench.evaluate(docs)[("fr", "heldout6")].figures()
    for name, floor in HELDOUT6_FLOORS.items():
        assert figures[name] >= floor, (name, round(figures[name], 3))


def test_labelled_quotes_offsets_hold_on_the_data(shared_data: Path) -> None:
    # load_labels checks every excerpt against the text its offsets point into
    bench = _bench_quotes()
    docs = bench.load_labels(shared_data)
    by_language = {lang: sum(len(d.quotes) for d in docs if d.language == lang) for lang in ("fr", "en")}
    assert by_language["fr"] >= 50 and by_language["en"] >= 50 and sum(by_language.values()) >= 100


def test_a_misspelt_name_is_the_person_named_more_often(models: SpacyModels) -> None:
    # rpm2 T08_C1_06 (sports): 'Aberto Contador' once, 'Alberto Contador' twice
    text = (
        "L'idée d'un partage du calendrier entre Lance Armstrong (Giro) et Alberto Contador (Grande Boucle) "
        "se dessine peu à peu.\nSi Alberto Contador ne doit pas le disputer, Lance Armstrong sera présent au "
        "Giro.\nLance Armstrong pourrait ainsi ne disputer que le Giro, tandis que Aberto Contador, qui "
        "restera chez Astana en 2009, roulerait sur la Grand Boucle.\n"
        '"Je n’imagine pas Lance reprendre la compétition sans vouloir rejoindre Paris", a pourtant déclaré '
        "diplomatiquement Contador dans La Gazzetta dello Sport sans toutefois s’affoler."
    )
    assert speaker_of(quotes(models, text, "fr"), "Je n’imagine") == "Alberto Contador"


def test_words_a_credited_source_goes_on_to_give_are_its_own(models: SpacyModels) -> None:
    # rpm2 T03_C2_09 (business): 'fournira' is no speech verb, its subject was credited just before
    text = (
        "Le Crédit Foncier a également annoncé qu'il accordera \"le cas échéant, le financement "
        'complémentaire si la vente du bien immobilier ne permettait pas de solder le crédit relais".\n'
        'De plus, pour ces clients le Crédit Foncier fournira "un avis gratuit pour évaluer le bien aux '
        'conditions actuelles du marché".'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "le cas échéant") == "Crédit Foncier"
    assert speaker_of(found, "un avis gratuit") == "Crédit Foncier"


# --------------------------------------------------------------------------------------------
# issue 5, third round: rules read from the held-out splits' misses (heldout3-5), French and
# English; each of these failed before the round
# --------------------------------------------------------------------------------------------


def test_business_a_role_set_by_a_comma_after_the_verb_names_its_person(models: SpacyModels) -> None:
    # rpm2 T03_C1_07: NER takes 'Axa' for a person; the name set after the role is the speaker,
    # and 'a-t-il ajouté' goes on him
    text = (
        '"Le système financier français est un système stable qui a une solvabilité très confortable, '
        "et je crois que dans des moments comme ceux-ci, qui sont des moments tendus, il ne faut pas "
        "paniquer. Il y a un pilote, il y a des pilotes dans l'avion\", a déclaré le président d'Axa, "
        "Henri de Castries.\n"
        '"Les mesures appropriées ont été prises, ce qui vient de se passer sur Dexia le montre de façon '
        'très claire", a-t-il ajouté.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Le système financier") == "Henri de Castries"
    assert speaker_of(found, "Les mesures appropriées") == "Henri de Castries"


def test_sports_and_business_object_pronouns_between_the_quote_and_its_verb(models: SpacyModels) -> None:
    text = (
        # fresada 000007567 (sports): 'nous précise X'
        "\"'Remontada' est la forme féminine du participe passé du verbe remontar, dont l'une des "
        "acceptions est superar un obstáculo soit 'surmonter un obstacle'. Dans le contexte sportif il "
        "s'agit pour une équipe de récupérer des points/buts dans une compétition\", nous précise María "
        "Lebret-Sánchez, expert traducteur auprès de la cour d'appel de Versailles.\n"
        # rpm2 T03_C1_04 (business): 's'est ainsi réjoui M. Pauget', the name in full before
        "A peine plus loquaces, deux participants à la réunion, le directeur général du Crédit agricole "
        "Georges Pauget et le président d'Axa Henri de Castries ont, eux, répété leur confiance dans la "
        '"stabilité" du système financier français.\n'
        "\"L'ensemble du dispositif français est solide, diversifié et bénéficie du soutien des "
        "autorités publiques\", s'est ainsi réjoui M. Pauget, également président de la Fédération "
        "bancaire française."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "'Remontada'") == "María Lebret-Sánchez"
    assert speaker_of(found, "L'ensemble du dispositif") == "Georges Pauget"


def test_justice_an_impersonal_subject_with_its_source_and_a_reflexive_declaration(
    models: SpacyModels,
) -> None:
    # rpm2 T07_C2_09 (justice): 'a-t-on abondé dans son entourage', then 'a-t-on ajouté'
    text = (
        '"Il n\'y a aucune limite précise écrite signée de ma main", avait-il assuré aux policiers.\n'
        "Le 14 mars, une demande de remise en liberté\n"
        '"Nulle part on ne parle de limite admise, ni dans le contrat, ni dans une lettre de mission", '
        "a-t-on abondé dans son entourage.\n"
        "\"C'est comme être en excès de vitesse alors qu'aucun panneau n'affiche la vitesse autorisée\", "
        "a-t-on ajouté."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Nulle part") == "son entourage"
    assert speaker_of(found, "C'est comme") == "son entourage"
    # rpm2 T08_C1_04 (sports): 'se déclare' reports what follows
    text = (
        "Dans le quotidien belge Le Soir, l'ancien grand champion cycliste belge Eddy Merckx se déclare "
        '"certain" que l\'Américain Lance Armstrong "ne fera pas le Tour" de France en juillet.'
    )
    assert speaker_of(quotes(models, text, "fr"), "ne fera pas") == "Eddy Merckx"


def test_sports_a_pronoun_with_no_speaker_before_is_the_person_introduced_with_a_role(
    models: SpacyModels,
) -> None:
    # rpm2 T06_C2_04: Jacques Rogge is the object of 'empêché', never a subject before 'a-t-il'
    text = (
        "Les épreuves qui se sont déroulées au cours des 16 derniers jours n'ont toutefois pas fait taire "
        "les défenseurs des droits de l'homme, ce qui n'a pas empêché Jacques Rogge, président du Comité "
        'international olympique (CIO), de juger ces Jeux "réellement exceptionnels".\n'
        '"Vous nous avez montré le pouvoir fédérateur du sport", a-t-il déclaré aux athlètes rassemblés '
        "pour la cérémonie de clôture, sous les yeux des 91.000 spectateurs du Nid d'oiseau."
    )
    assert speaker_of(quotes(models, text, "fr"), "Vous nous avez") == "Jacques Rogge"


def test_health_a_description_of_a_body_is_the_organisation_set_by_that_noun(models: SpacyModels) -> None:
    # fresada 000007712: 'Le Comité … (CNCT), association de prévention …' … 'poursuit l'association'
    text = (
        "Le Comité national contre le tabagisme (CNCT), association de prévention du tabagisme, a dénoncé "
        "cette initiative de la confédération des buralistes.\n"
        "\"Cette annonce révèle que la confédération n'est pas uniquement porte-voix de l'industrie du "
        "tabac, elle est actrice à part entière de l'industrie du tabac\", poursuit l'association dans "
        "son communiqué."
    )
    assert speaker_of(quotes(models, text, "fr"), "Cette annonce") == "CNCT"


def test_business_a_verb_in_the_future_names_nobody_the_closing_incise_does(models: SpacyModels) -> None:
    # rpm2 T03_C1_04: 'Le gouvernement annoncera « … »' has not spoken; 'a ajouté la présidence'
    text = (
        "A l'issue de cette réunion, l'Elysée s'est contenté d'un bref communiqué. Le gouvernement "
        'annoncera "à cet égard de nouvelles dispositions" d\'ici à "la fin de la semaine", a ajouté la '
        "présidence, sans plus de détails."
    )
    assert speaker_of(quotes(models, text, "fr"), "à cet égard") == "la présidence"


def test_politics_the_name_set_after_a_role_and_its_complement(models: SpacyModels) -> None:
    # rpm2 T04_C1_01: the parser takes 'Rama Yade' for a conjunct of the role
    text = (
        "Le ministre des Affaires étrangères, Bernard Kouchner, devrait quant à lui voir Tenzin Gyatso, de "
        "son vrai nom, mercredi prochain.\nLa secrétaire d'Etat aux droits de l'Homme, Rama Yade, a "
        "indiqué mercredi que des contacts avaient été pris entre son «cabinet et le bureau du "
        "représentant du dalaï-lama pour trouver le meilleur moment»."
    )
    assert speaker_of(quotes(models, text, "fr"), "cabinet et le bureau") == "Rama Yade"


def test_media_and_transport_an_incise_closing_the_sentence_credits_its_fragments(
    models: SpacyModels,
) -> None:
    text = (
        # fresada 000008663 (media): the fragment is far from ', a indiqué une porte-parole'
        'Parallèlement, le groupe Canal+ a déposé "deux appels devant le Conseil d\'Etat" pour faire '
        "annuler les sanctions, a indiqué une porte-parole de Canal+.\n"
        # fresada 000007652 (transport): 'compte' and 'Rachel' both subjects of 'souligné'
        'La SNCF compte également récupérer "100% de la clientèle aérienne" entre Paris et Bordeaux, a '
        "souligné Rachel Picard."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "deux appels") == "une porte-parole de Canal+"
    assert speaker_of(found, "100%") == "Rachel Picard"


def test_sports_a_clause_announcing_the_quote_and_no_turn_past_another_name(models: SpacyModels) -> None:
    # rpm2 T08_C2_09: one person named before the colon; later, a quote after a paragraph naming
    # another rider is not the last speaker's
    text = (
        'Sur l’antenne d’"Europe 1", Marc Madiot, le directeur sportif de la Française des Jeux a été le '
        'premier à exprimer son hostilité à un retour: "Pour moi, il ne représente pas l’avenir du '
        "cyclisme. On ne pourra se reconstruire qu’avec des jeunes, des nouveaux. Tournons la page, "
        'évoluons."\n'
        "Certains anciens, à l’image de Stéphane Augé, restent eux aussi admiratifs du champion, du "
        "coureur ultra -dominateur qui a maintenant tout à perdre en remontant sur son vélo.\n"
        '"Je n’ai rien contre lui. Qu’est ce qu’on peut lui reprocher? D’avoir gagné sept Tours de '
        'France. Je ne vois pas vraiment l’intérêt qu’il a à revenir."'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Pour moi") == "Marc Madiot"
    assert speaker_of(found, "Je n’ai rien") != "Marc Madiot"


def test_sports_a_pronoun_opening_the_sentence_is_the_subject_named_after_it(models: SpacyModels) -> None:
    # fresada 000008389: cataphora, 'S'il a avoué que …, Gerard Piqué assure'
    text = (
        "Coéquipier de Neymar au Barça, Piqué a relancé les spéculations sur l'avenir de la star "
        "brésilienne en tweetant une photo d'eux deux accompagnée d'un mystérieux \"il reste\" le 24 "
        "juillet.\nS'il a avoué que son message \"n'avait rien d'officiel\", Gerard Piqué assure dans un "
        'entretien à la chaîne ESPN diffusé ce dimanche 30 juillet, que Neymar ne sait en réalité "pas '
        'quoi faire".'
    )
    assert speaker_of(quotes(models, text, "fr"), "n'avait rien") == "Gerard Piqué"


def test_politics_the_reporting_clause_not_a_participle_describing_the_words(models: SpacyModels) -> None:
    # fresada 000011562: 'promise par Emmanuel Macron' describes the illusions; 'qui estime' reports
    text = (
        '"Il a été un des artisans de la réussite du quinquennat précédent", a estimé Michel Sapin.\n'
        '"Nicolas Hulot a jugé de son action, il a jugé qu\'elle était insatisfaisante et il est parti", a '
        'jugé l\'ancien ministre qui estime que cette rentrée signe "la fin des illusions" promise\xa0par '
        "Emmanuel Macron après son élection. \"Toutes les illusions qu'il avait créées sont en train de "
        'tomber", assure-t-il.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "la fin des illusions") == "Michel Sapin"
    assert speaker_of(found, "Toutes les illusions") == "Michel Sapin"


def test_business_and_diplomacy_the_words_that_name_an_unnamed_speaker(models: SpacyModels) -> None:
    text = (
        # rpm2 T03_C1_09 (business): 'Paribas' ends the bank's name, no person in apposition
        "Un porte-parole de BNP Paribas a déclaré qu'il ne pouvait confirmer ce chiffre, précisant "
        'seulement que son exposition "était tout à fait gérable pour une banque de notre envergure".\n'
        # rpm2 T01_C2_03 (diplomacy): a place qualifies who speaks
        "« Dans un pays comme la Colombie, où le catholicisme joue encore un grand rôle, ces appels ont "
        "du poids », constate un ambassadeur européen en poste au Vatican."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "était tout à fait") == "Un porte-parole de BNP Paribas"
    assert speaker_of(found, "Dans un pays") == "un ambassadeur européen en poste au Vatican"


def test_english_justice_the_possessor_of_a_role_is_not_its_holder(models: SpacyModels) -> None:
    # ecbplus 5_6ecbplus (detokenised): 'said Biancardi's attorney, James Zeszutek'
    text = (
        'O\'Brien and Biancardi are accused of acting "contrary to principles of ethical conduct" by '
        "failing to report their involvement in NCAA rules violations, the report said.\n"
        '"We deny that we engaged in any improper conduct under NCAA bylaws and legislation," said '
        "Biancardi's attorney, James Zeszutek."
    )
    found = quotes(models, text, "en")
    assert speaker_of(found, "We deny") == "James Zeszutek"
    assert speaker_of(found, "contrary to") == "the report"


def test_politics_a_heading_repeating_a_credited_fragment_as_written(models: SpacyModels) -> None:
    # fresada 000011562: '"La fin des illusions"' over '… signe "la fin des illusions" …'
    text = (
        "\"Cela veut dire qu'il n'a pas pu faire ce qu'il voulait\", estime Michel Sapin.\n"
        '"La fin des illusions"\n'
        '"Nicolas Hulot a jugé de son action, il a jugé qu\'elle était insatisfaisante et il est parti", a '
        'jugé l\'ancien ministre qui estime que cette rentrée signe "la fin des illusions" promise\xa0par '
        "Emmanuel Macron après son élection."
    )
    assert speaker_of(quotes(models, text, "fr"), "La fin des illusions") == "Michel Sapin"


def test_disaster_a_quote_after_a_split_credit_and_rescue_services_speaking(models: SpacyModels) -> None:
    # fresada 000011390: the parser cuts ', a dit le chef de l'Etat …' from its quote
    text = (
        "La catastrophe à peine passée, Emmanuel Macron tire un premier enseignement politique de "
        "l'ouragan Irma, qui s'est abattu mercredi sur les îles de Saint-Barthélémy et Saint-Martin. "
        "\"C'est la France entière qui a été touchée\", a dit le chef de l'Etat lors d'une conférence de "
        'presse commune avec le président grec. "Nous avons plusieurs blessés, des dommages matériels '
        "très lourds, des Françaises et français blessés, sidérés de la violence de ce qu'ils ont vécu.\"\n"
        "Les Etats-Unis seront les prochains touchés par Irma: l'ouragan devrait atteindre le sud de la "
        'Floride dimanche après-midi. Son passage devrait être "réellement destructeur", préviennent '
        "les secours américains."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Nous avons plusieurs") == "Emmanuel Macron"
    assert speaker_of(found, "réellement destructeur") == "les secours américains"


def test_disaster_the_clause_after_a_quote_and_a_colon_and_a_speaker_past_a_recipient(
    models: SpacyModels,
) -> None:
    # fresada 000008472 (forest fires): NER takes 'Rémy Avon' for a place
    text = (
        "INCENDIES - Dès les premières heures d'un feu de forêt, de minutieuses investigations sont "
        "lancées pour remonter aux origines du sinistre, comme à Saint-Cannat, dans les "
        "Bouches-du-Rhône, où les enquêteurs ont identifié la cause probable de l'incendie qui a dévoré "
        "800 hectares: un mégot mal éteint.\n"
        '"L\'hypothèse du jet de mégot est actuellement privilégiée": moins de 24 heures après les '
        "premières flammes, le vice-procureur de la République d'Aix-en-Provence, Rémy Avon, était en "
        "mesure de dévoiler dimanche les premiers résultats d'une enquête éclair, confiée à la "
        "gendarmerie.\n"
        "Pour les gendarmes, associés à l'Office national des forêts et aux sapeurs-pompiers au sein "
        "d'une unité spécialisée, lors des centaines d'incendies de forêts qui se déclarent pendant la "
        "saison estivale en France, le premier enjeu est de localiser le ou les lieux précis de départ "
        "des flammes, détaille à l'AFP le colonel Benoît Ferrand, à la tête du groupement de gendarmerie "
        "départementale des Bouches-du-Rhône.\n"
        "\"Il y a d'abord un aspect classique: tout ce qui est enquête de voisinage, recherche du "
        'renseignement à travers la population", détaille-t-il.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "L'hypothèse") == "Rémy Avon"
    assert speaker_of(found, "Il y a d'abord") == "Benoît Ferrand"


def test_health_il_after_a_body_s_quote_is_that_body(models: SpacyModels) -> None:
    # fresada 000007712: 'regrette le CNCT. « … », ajoute t-il' (the typo kept), not the person
    # credited before
    text = (
        "\"A ce stade, nous ne nous fixons pas d'objectif concernant le nombre de bureaux de tabac "
        'visés", a précisé Pascal Montredon.\n'
        "Le Comité national contre le tabagisme (CNCT), association de prévention du tabagisme, a dénoncé "
        "cette initiative de la confédération des buralistes.\n"
        '"La confédération décide de produire directement avec un fabricant bulgare sa propre marque", '
        "regrette le CNCT.\n"
        "\"De surcroît, l'objectif avec un prix annoncé aussi bas est clairement de cibler les jeunes et "
        'les populations les plus démunies", ajoute t-il.'
    )
    assert speaker_of(quotes(models, text, "fr"), "De surcroît") == "CNCT"


def test_english_he_never_stands_for_a_body(models: SpacyModels) -> None:
    # ecbplus 22_2ecbplus (detokenised): 'the company said' then a worker's 'he told'
    text = (
        '"This is a sad day for the Kraft Foods family," the company said in a statement.\n'
        '"I heard the gunfire, and I ran," he told The Associated Press.'
    )
    assert speaker_of(quotes(models, text, "en"), "I heard") != "the company"


def test_religion_and_media_a_speaker_past_a_complement_and_a_newspaper_before_a_name(
    models: SpacyModels,
) -> None:
    text = (
        # fresada 000008486 (religion): 'a réagi dans un communiqué l'évêché de Ratisbonne'
        '"Nous avons tous fait des erreurs et nous avons beaucoup appris", a réagi dans un communiqué '
        "l'évêché de Ratisbonne, qui dit avoir depuis revu et adapté la pédagogie au sein du chœur.\n"
        # fresada 000010881 (press review): the parser makes the newspaper the subject
        "Dans L'Union, Sébastien Lacroix remarque que \"quand, en prime, la bévue est commise par un "
        "homme de gauche affichant une volonté implacable d'être exemplaire et de prôner l'égalité, "
        "l'honnêteté et la frugalité, l'addition est encore plus lourde\"."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Nous avons tous") == "l'évêché de Ratisbonne"
    assert speaker_of(found, "quand, en prime") == "Sébastien Lacroix"


def test_politics_an_infinitive_after_the_quote_a_reflexive_credit_and_a_book(models: SpacyModels) -> None:
    text = (
        # fresada 000011404: 'a tenu à préciser X'
        "Nicolas Sarkozy a redit que \"nous devons urgemment fixer les règles d'un nouvel islam de "
        'France". "Ce n\'est pas un discours politique", a tenu à préciser Nicolas \xa0Sarkozy au milieu '
        "de son discours.\n"
        # fresada 000010308: 's'est agacé X'
        "\"Je ne commente pas les propos qui viennent d'outre-Atlantique et qui sont excessifs\", s'est "
        "agacé Manuel Valls, jeudi matin sur BFMTV et RMC.\n"
        # fresada 000011449: 'Selon le livre'
        "Selon le livre, Jean-Luc Mélenchon a \"pris l'habitude de consulter son nouvel ami avant chaque "
        'décision stratégique".'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Ce n'est pas") == "Nicolas Sarkozy"
    assert speaker_of(found, "Je ne commente") == "Manuel Valls"
    assert speaker_of(found, "pris l'habitude") == "le livre"


def test_health_an_incise_the_parser_cuts_off_and_a_reflexive_amused_credit(models: SpacyModels) -> None:
    text = (
        # rpm2 T09_C2_07: the parser starts a sentence at the comma after the quote
        'La France manque d\'une "culture palliative" et "on y meurt encore très mal", affirmait mardi '
        "Jean Leonetti, après avoir remis son rapport au Premier ministre François Fillon.\n"
        # rpm2 T01_C2_01: 's'amuse un proche'
        "Pour mieux reconnaître ses enfants, elle ferme les écoutilles.\n"
        "«Elle a éteint son téléphone portable. Même l'Élysée n'arrivait pas à la joindre», s'amuse un "
        "proche."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "on y meurt") == "Jean Leonetti"
    assert speaker_of(found, "Elle a éteint") == "un proche"


def test_business_a_name_the_parser_hangs_elsewhere_and_a_credit_before_the_quote(
    models: SpacyModels,
) -> None:
    text = (
        # rpm2 T02_C2_09: 'Bernard Comolet' parsed in apposition to 'postes'
        "A propos des modalités de répartition des postes dirigeants de la nouvelle entité, Bernard "
        'Comolet affirme que "sur le choix des hommes, rien n\'a été décidé".\n'
        # rpm2 T02_C1_10: 'De même, rapporte Le Nouvel Obs , « … »'
        "Or il semblerait que le comité des risques de marché de la CNCE se soit aperçu de la situation le "
        '2 octobre. Sans pour autant réagir.\nDe même, rapporte Le Nouvel Obs , "la direction des Caisses '
        "d’Epargne, occupée par les problèmes de Natixis, ne surveille pas étroitement sa salle de "
        'marché".\n'
        # rpm2 T02_C2_03: 'rapporter' reports
        "D’autant qu’elle s’inscrit dans «\xa0tout un contexte qui nous amène à dire ça suffit\xa0», "
        "rapporte Jean-Paul Krief."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "sur le choix") == "Bernard Comolet"
    assert speaker_of(found, "la direction des Caisses") == "Le Nouvel Obs"
    assert speaker_of(found, "tout un contexte") == "Jean-Paul Krief"


def test_politics_a_description_of_a_gender_is_the_person_of_that_gender_named_just_before(
    models: SpacyModels,
) -> None:
    # rpm2 T09_C1_01: no role is tied to the names; the given names tell the genders
    text = (
        "Dans sa demande de contournement de la loi, Bernard Kouchner a peut-être trouvé un allié en la "
        "personne de Nadine Morano.\n"
        "A l'initiative de la loi «sur la fin de vie et le droit des malades» avec le député socialiste "
        "Gaëtan Gorce, la nouvelle secrétaire d'Etat à la Famille a estimé, mercredi, qu'il «fallait aller "
        "plus loin en proposant une commission nationale d'exception d'euthanasie pour des cas très "
        "spécifiques».\n"
        "Outre la garde des Sceaux, d'autres ministres se sont opposés à l'euthanasie, dont Roselyne "
        "Bachelot.\n"
        "«Ni le monde médical, ni les pouvoirs publics ne sauraient promouvoir l'euthanasie active» a "
        "ainsi affirmé la ministre de la Santé."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "fallait aller") == "Nadine Morano"
    assert speaker_of(found, "Ni le monde") == "Roselyne Bachelot"


def test_a_pronoun_never_stands_for_a_description_of_the_other_gender(models: SpacyModels) -> None:
    # fresada 000007306: 'le journaliste' is not 'elle'
    text = (
        "Elle a notamment reproché au candidat d'En Marche de ne pas se nommer lui-même. \"La politique, "
        "ça doit être clair\", a affirmé notamment l'ancien Garde des Sceaux qui a tout de même fini par "
        "lâcher le nom d'Emmanuel Macron.\n"
        '"Voilà vous êtes content", a ajouté Christiane Taubira, avant que le journaliste relève '
        "l'heure exacte à laquelle ces mots ont été prononcés à exactement \"8h45'30 secondes\". \"C'est "
        "puéril, pardonnez-moi monsieur Apathie. (...) J'ai un tempérament vif, y compris le matin\", "
        "a-t-elle conclu."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "C'est puéril") == "Christiane Taubira"


def test_health_an_inverted_clitic_the_tagger_misses_an_incise_with_a_manner_complement_and_a_narrative_infinitive(
    models: SpacyModels,
) -> None:
    # rpm2 T09_C1_06: '-elle' tagged INTJ; 'remarque' tagged ADJ, 'avec sévérité' before its
    # subject; 'Et d'évoquer' goes on the speaker credited last
    text = (
        "Marie de Hennezel, qui ne prend pas de gants blancs pour assener ses vérités, déplore deux "
        "choses.\n"
        "Dans la région Paca, les équipes se sont plaintes, affirme-t-elle, d'un «détournement des moyens "
        "affectés» : les sommes dédiées aux soins palliatifs ont été accordées à des services dont la prise "
        "en charge des malades en fin de vie n'est pas de la compétence.\n"
        "Manque d'argent, sous-effectifs, mais déficit d'information...\n"
        "«La loi Leonetti et les autres textes réglementaires sont insuffisamment connus et compris, "
        "remarque avec sévérité l'auteur du best-seller la Mort intime (Robert Laffont). Beaucoup ignorent "
        "encore ce que la loi leur permet défaire.»\n"
        "Et d'évoquer ce «déni de la mort» qui, en submergeant toujours le monde médical, serait «en partie "
        "responsable de l'hétérogénéité de la culture palliative»."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "détournement") == "Marie de Hennezel"
    assert speaker_of(found, "La loi Leonetti") == "Marie de Hennezel"
    assert speaker_of(found, "déni de la mort") == "Marie de Hennezel"
    assert speaker_of(found, "en partie responsable") == "Marie de Hennezel"


def test_politics_a_pronoun_with_no_subject_before_is_the_only_man_named_not_a_name_on_a_verbless_line(
    models: SpacyModels,
) -> None:
    # fresada 000010171: Nicolas Sarkozy is named only as a complement before 'explique-t-il';
    # 'Bayrou?' is a line without a verb, not a subject
    text = (
        'Son interview à Valeurs Actuelles a été titrée "Dernières confidences avant la bataille". '
        "Pourtant, dans cet entretien à paraître ce jeudi, le magazine de droite n'aura pas obtenu de "
        "Nicolas Sarkozy la confidence qu'il était venu chercher au Cap Nègre, sur son lieu de vacances "
        "varois, propriété de sa belle-famille: sa déclaration de candidature pour la primaire de la "
        "droite,\n"
        "Malgré son échec de 2012, l'ancien chef de l'Etat se montre confiant. \"J’ai senti que les "
        "plaques tectoniques étaient en train de bouger. Quand je suis allé à la rencontre des Français "
        'avec mon livre (La France pour la vie, Ndlr), j’ai senti qu’il se passait quelque chose", '
        "explique-t-il.\n"
        'Bayrou? Pas un candidat dangereux pour la droite, selon lui. "Vous me demandez de me définir '
        "par rapport à quelqu’un qui a été trois fois candidat à la présidentielle et qui n’a jamais été "
        'sélectionné pour le deuxième tour, ce qui est la marque d’un grand succès", tacle-t-il.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "J’ai senti") == "Nicolas Sarkozy"
    assert speaker_of(found, "Vous me demandez") == "Nicolas Sarkozy"


def test_justice_a_name_complementing_a_person_noun_is_not_that_person(models: SpacyModels) -> None:
    # rpm2 T10_C1_10: 'la mère de Mohamed' gives Mohamed no gender and no role; 'le procureur'
    # stays the procureur
    text = (
        'La mère de Mohamed "a expliqué aux policiers qu’elle était partie le 9 juillet dernier en '
        "Algérie au chevet de sa mère malade, mais qu’elle n’avait pu prendre son petit dernier, né en "
        'Algérie, pour une question de passeport", a précisé le procureur de la République de '
        "Marseille.\n"
        'Sa mère aurait été prévenue de la situation de son fils par une amie "qui aurait vu la photo '
        'de Mohamed dans le journal, dimanche".'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "a expliqué") == "le procureur de la République de Marseille"
    assert speaker_of(found, "qui aurait vu") != "Mohamed"


def test_unrest_a_noun_phrase_inverted_after_the_quote_is_its_speaker_as_written(models: SpacyModels) -> None:
    # rpm2 T01_C2_07: nobody credited before; 'voix off' is no speaker noun of the lexicon and the
    # parser takes it for an object
    text = (
        "La première partie, sur fond de musique de film d'action, présente un résumé de "
        '"l\'operacion Jaque".\n'
        '"Voici les images que le monde voulait voir", déclare la voix off sur un ton dramatique.\n'
        "Un à un, les vingt militaires de la mission montent dans les hélicoptères camouflés, "
        '"conscients qu\'ils reviendront en héros ou en martyrs", commente la voix off sur ces images '
        "tournées par l'armée."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Voici les images") == "la voix off"
    assert speaker_of(found, "conscients") == "la voix off"


# Sixth round (issue 5): read from the misses of heldout7 and heldout8.


def test_politics_a_body_or_a_capital_inverted_after_the_quote_and_on_standing_for_it(
    models: SpacyModels,
) -> None:
    # rpm2 T04_C2_04: 'déplore' tagged an adjectival participle, 'Paris' an oblique; 'a-t-on
    # assuré' after the Élysée said to speak, 'ajoute-t-on' after Paris credited
    text = (
        "Face à la colère chinoise, l'Élysée s'était déclaré \"serein\".\n"
        '"On n\'a pas remarqué le moindre début de boycott de nos produits", a-t-on assuré, ajoutant '
        "qu'en cette période de crise économique mondiale, les Chinois comme les Français avaient "
        "intérêt à maintenir de bonnes relations.\n"
        '"Nos deux économies souffrent (...) on se tient par la barbichette", dit-on.\n'
        '"La Chine estime, à tort, que la France a la capacité de maintenir la discipline au sein de la '
        'famille européenne", relève également Paris. "Chaque pays fait ce qu\'il veut. Non seulement '
        "nous ne sommes pas les maîtres d'école de la classe européenne, mais nous avons le dialogue "
        'que nous estimons utile avec avec le dalaï-lama en tant que chef religieux", ajoute-t-on.\n'
        "\"Il y a peut-être une overdose de la promotion des droits de l'Homme dans l'Union "
        "européenne sous présidence française\", déplore aussi l'Élysée en rappelant que les "
        "eurodéputés s'apprêtent à décerner, le 17 décembre, le prix Sakharov des droits de l'Homme au "
        "dissident chinois Hu Jia."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "On n'a pas") == "Élysée"
    assert speaker_of(found, "Nos deux économies") == "Élysée"
    assert speaker_of(found, "La Chine estime") == "Paris"
    assert speaker_of(found, "Chaque pays") == "Paris"
    assert speaker_of(found, "Il y a peut-être") == "Élysée"


def test_religion_a_hyphenated_noun_inverted_after_the_quote_stays_whole(models: SpacyModels) -> None:
    # rpm2 T04_C2_04: 'dalaï-lama' split in three tokens, the hyphen tagged a proper noun
    text = (
        "Au début de leur entretien, le chef spirituel tibétain a posé sur les épaules du chef de "
        "l'État le kata, la traditionnelle écharpe blanche tibétaine. \"C'est notre tradition\", lui a "
        "dit le dalaï-lama en anglais."
    )
    assert speaker_of(quotes(models, text, "fr"), "C'est notre") == "le dalaï-lama"


def test_politics_celui_ci_is_the_source_credited_last_not_a_name(models: SpacyModels) -> None:
    # fresada 000011296: 'Celui-ci' split by the tokenizer, 'Celui' tagged a proper noun
    text = (
        '"Après le quinquennat de François Hollande qui aura permis à la France de se relever '
        "économiquement, d'engager le redressement de l'éducation nationale, de nos armées comme de "
        "nos forces de sécurité, d'instaurer le compte pénibilité ou le tiers payant, nous devons "
        'ouvrir une nouvelle page pour notre pays qui redonne espoir et envie aux Français", poursuit '
        "l'appel.\n"
        'Celui-ci cite "quatre refondations essentielles" parmi lesquelles la "refondation '
        'institutionnelle", nos institutions étant "à bout de souffle".'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Après le quinquennat") == "l'appel"
    assert speaker_of(found, "quatre refondations") == "l'appel"


def test_politics_a_role_set_by_a_second_role_with_the_name(models: SpacyModels) -> None:
    # fresada 000007408: 'le président de cette commission, le sénateur républicain Richard Burr'
    text = (
        "La commission se penchera à partir de ce jeudi à Washington sur le rôle joué par la Russie "
        "dans l'élection présidentielle aux Etats-Unis en faveur du républicain Donald Trump. "
        "\"L'audition de demain a spécifiquement cela en tête, mieux informer le public, non seulement "
        'dans notre pays mais à travers le monde sur ce que prépare la Russie", a déclaré en '
        "conférence de presse le président de cette commission, le sénateur républicain Richard Burr.\n"
        "\"Je pense qu'il est raisonnable de dire, d'après ce que tout le monde estime, que les Russes "
        'sont activement impliqués dans les élections françaises", a-t-il poursuivi.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "L'audition") == "Richard Burr"
    assert speaker_of(found, "Je pense") == "Richard Burr"


def test_health_a_name_set_off_by_its_apposition_before_a_verb_the_parser_cut_off(
    models: SpacyModels,
) -> None:
    # rpm2 T09_C2_10: the parser ends a sentence inside the apposition, 'a estimé' has no subject
    text = (
        'Le rapport Leonetti devrait "susciter la colère des familles"\n'
        "Jean-Luc Romero, président de l'Association pour le droit à mourir dans la dignité (ADMD), a "
        'estimé mardi que la mission Leonetti sur la fin de vie "accouche d\'une souris avortée" et '
        'que son rapport devrait "susciter dans les familles beaucoup de colère".'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "accouche") == "Jean-Luc Romero"
    assert speaker_of(found, "susciter dans") == "Jean-Luc Romero"


def test_sports_an_adjective_tagged_a_noun_before_the_inverted_speaker(models: SpacyModels) -> None:
    # rpm2 T08_C1_07: 'septuple' tagged a noun, modifying 'vainqueur'
    text = (
        "L'Américain Lance Armstrong, septuple vainqueur du Tour de France qui a annoncé dernièrement "
        "son retour à la compétition en 2009 dans l'équipe Astana, a repoussé, mercredi 1er octobre, la "
        "proposition de l'Agence française de lutte contre le dopage (AFLD) de procéder à une nouvelles "
        "analyse des échantillons prélevés pendant le Tour de France 1999.\n"
        '"Aucune proposition à laquelle je pourrais donner mon accord ne permettrait de fournir une '
        'preuve pertinente à propos de 1999", a déclaré le septuple vainqueur du Tour de France, dans '
        "un communiqué reçu à Los Angeles."
    )
    assert speaker_of(quotes(models, text, "fr"), "Aucune proposition") == "Lance Armstrong"


def test_politics_a_role_and_its_complement_before_the_name_and_a_subject_tagged_passive(
    models: SpacyModels,
) -> None:
    # fresada 000011391: 'Le maire de Nice' is the 'député-maire UMP de Nice Christian Estrosi' (the
    # parser hangs the name on 'Nice'), not the man named last; 'Christian Estrosi a également
    # salué' has its subject tagged a passive one
    text = (
        "Le député-maire UMP de Nice Christian Estrosi a indiqué mercredi soir avoir demandé au "
        "président François Hollande de décréter un jour de deuil de la Nation en hommage à l'otage "
        "français décapité en Algérie, Hervé Gourdel, qui vivait à Nice.\n"
        "Christian Estrosi a fait part de sa demande au secrétaire général de l'Elysée, Jean-Pierre "
        'Jouyet. Le maire de Nice a précisé avoir reçu "des milliers de messages de colère, de soutien '
        "et d'émotion du monde entier de gens qui ont côtoyé Hervé Gourdel ou qui le suivaient sur "
        "Facebook et qui souhaitent qu'un temps fort lui soit consacré\".\n"
        '"Images monstrueuses"\n\n'
        "Christian Estrosi a également salué \"l'esprit de responsabilité des médias français, qui ont "
        'refusé de diffuser les images monstrueuses" de la décapitation et a "lancé un appel aux '
        'dirigeants de Facebook, Twitter et les réseaux sociaux pour que la vidéo soit retirée".'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "des milliers") == "Christian Estrosi"
    assert speaker_of(found, "l'esprit") == "Christian Estrosi"


def test_politics_a_hyphenated_given_name_cut_by_ner_is_the_full_name(models: SpacyModels) -> None:
    # fresada 000010932: NER names 'Olivier Giesbert' in the second sentence
    text = (
        "Après avoir longuement fréquenté François Mitterrand, puis Jacques Chirac, l'éditorialiste "
        "politique du Point, Franz-Olivier Giesbert a accouché François Hollande dans son magazine.\n"
        'Franz-Olivier Giesbert est aussi revenu sur le qualificatif de "péril" attribué par François '
        "Hollande notamment à la bonne forme de Jean-Luc Mélenchon dans les sondages, bien que Marine Le "
        "Pen concentre l'essentiel de ses angoisses: \"C’est une profonde inquiétude, c’est-à-dire qu’on "
        "voit bien qu’il redoute un face-à-face de deuxième tour entre Jean-Luc Mélenchon et Marine Le "
        "Pen. Et puis, contrairement à beaucoup de personnalités politiques, il pense que Marine Le Pen a "
        'une fenêtre cette fois-ci."'
    )
    assert speaker_of(quotes(models, text, "fr"), "C’est une profonde") == "Franz-Olivier Giesbert"


def test_politics_an_interview_s_paragraphs_are_the_words_of_the_person_its_lead_introduces(
    models: SpacyModels,
) -> None:
    # fresada 000010662: no verb credits the paragraphs; '…, je rappelle mon négociateur' inside
    # them is a clause with its subject, no incise
    text = (
        "[Retour au dossier spécial Européennes]\n\n"
        "Le député européen Philippe de Villiers, Président du Mouvement Pour la France (MPF) et du "
        "Conseil général de la Vendée, est tête de liste aux élections européennes pour « Libertas » "
        "dans l'Ouest. Fermement opposé à l'intégration de la Turquie dans l'Union Européenne, il "
        "fustige l'attitude du Chef de l'Etat sur cette question délicate.\n\n"
        "« Nicolas, tu ne peux pas continuer à dire des choses fausses »\n\n"
        "« Je lance un appel à Nicolas Sarkozy, en le regardant dans les yeux : Nicolas, tu ne peux pas "
        "continuer à dire des choses qui sont fausses ; tu ne peux pas continuer à dire que tu es hostile "
        "à l'entrée de la Turquie dans l'Union Européenne, alors que tous les jours tu fais le contraire. "
        "Si Sarkozy était logique, il dirait : ça fait 2 ans que j'ai dit qu'on arrêtait la négociation, "
        "je l'arrête, je rappelle mon négociateur et on arrête de payer comme on le fait depuis 2 ans. "
        "Moi je demande qu'on stoppe net la négociation avec la Turquie. »"
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Je lance") == "Philippe de Villiers"
    assert speaker_of(found, "Nicolas, tu ne peux pas continuer à dire des choses fausses") == (
        "Philippe de Villiers"
    )


def test_politics_a_relative_pronoun_follows_its_antecedent_and_elle_the_woman_just_introduced(
    models: SpacyModels,
) -> None:
    # rpm2 T04_C1_02: the parser hangs 'qui a déclaré' on Jack Lang, the first name of the list;
    # 'a-t-elle déclaré' is Rama Yade, introduced with her role in the same sentence
    text = (
        "Parmi les invités triés sur le volet, Jack Lang, Robert Badinter et Jean-Louis Bianco qui a "
        'bruyamment déclaré que "ce n’est pas en se comportant comme une carpette qu’on gagne le '
        'respect".\n'
        "Etait également présent le président (UMP) du groupe Tibet à l’Assemblée nationale, Lionnel "
        "Luca qui avait tonné le matin même contre cet accueil en catimini.\n"
        'Puis vint le tour de Rama Yade, secrétaire d’Etat aux droits de l’Homme: "Je serais très '
        'heureuse de rencontrer le prix Nobel de la Paix", a-t-elle déclaré ce matin sur RTL.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "ce n’est pas") == "Jean-Louis Bianco"
    assert speaker_of(found, "Je serais") == "Rama Yade"


def test_health_a_verb_of_judgement_reporting_a_clause_credits_its_fragments(models: SpacyModels) -> None:
    # rpm2 T09_C2_08 (heldout9, read in the seventh round): 'considère que', like 'estime que'
    text = (
        "Evoquant, dans un communiqué, les «réelles avancées» de la mission Leonetti, Manuel Valls "
        "considère qu'elles «restent néanmoins insuffisantes pour toutes les personnes en phase avancée "
        "ou terminale d'une maladie incurable»."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "restent néanmoins") == "Manuel Valls"
    assert speaker_of(found, "réelles avancées") == "Manuel Valls"


def test_justice_and_politics_faire_savoir_and_faire_valoir_report_speech(models: SpacyModels) -> None:
    # rpm2 T01_C2_10 (heldout9, read in the seventh round): the subject of 'a fait savoir que'
    text = (
        "Répondant à une invitation de la municipalité, Ingrid Betancourt avait annoncé le 9 juillet lors "
        "d'une réception au Palais-Bourbon, qu'elle comptait venir à Strasbourg en septembre.\n"
        "Contactée en début de semaine, l'ex-otage des Farc a fait savoir à 20 Minutes que la date de sa "
        "visite « reste à convenir »."
    )
    # the description as written is accepted too (bench/labels/quotes.jsonl); before, nobody
    assert speaker_of(quotes(models, text, "fr"), "reste à convenir") in (
        "Ingrid Betancourt",
        "l'ex-otage des Farc",
    )
    # fresada 000010291 (heldout8): 'fait valoir' inverted after the quote, past its recipient
    text = (
        'Des chiffres qui restent à relativiser. "Dans une primaire, le différentiel de mobilisation est '
        "décisif. Des gens peuvent dire qu’ils viendront voter de manière sûre mais ne le feront pas au "
        "final\", fait valoir au Monde Jérôme Fourquet, directeur du département opinion de l'IFOP."
    )
    assert speaker_of(quotes(models, text, "fr"), "Dans une primaire") == "Jérôme Fourquet"


def test_business_a_subject_the_parser_hangs_on_the_auxiliary(
    models: SpacyModels,
) -> None:
    # rpm2 T03_C2_08 (heldout9, read in the seventh round): 'Il' hangs on 'a', not on 'jugé'
    text = (
        "De son côté, le président de la Fédération bancaire française (FBF) et directeur général du "
        "Crédit Agricole, Georges Pauget, a expliqué sur BFM que le soutien de l'Etat aux banques lui "
        "rapporterait 400 millions d'euros de recettes par an.\n"
        "Il a par ailleurs jugé que le taux d'intérêt de 8% auquel l'Etat accordait ce prêt correspondait "
        "\"aux conditions de marché d'aujourd'hui\"."
    )
    assert speaker_of(quotes(models, text, "fr"), "aux conditions") == "Georges Pauget"


def test_politics_words_of_a_speech_act_are_whoever_makes_it(models: SpacyModels) -> None:
    # rpm2 T04_C2_10 (heldout9, read in the seventh round): 'élever une « … »' after 'pour', the
    # parser leaving 'Pékin' apart from its verb
    text = (
        'Pékin a convoqué dimanche l\'ambassadeur de France en Chine pour élever une "vive protestation" '
        "et plusieurs journaux chinois ont averti lundi la France qu'elle devrait s'attendre à des "
        "conséquences après cette rencontre."
    )
    assert speaker_of(quotes(models, text, "fr"), "vive protestation") in ("Pékin", "Chine")
    # rpm2 T04_C2_02 (heldout10, read in the eighth round): a gerund the parser hangs on a noun
    text = (
        "Sans surprise, puisqu'elle avait multiplié les avertissements, la Chine a exprimé sa colère ce "
        "dimanche après la rencontre entre le président Sarkozy et le dalaï lama, en convoquant "
        'l’ambassadeur de France pour lui faire part de sa "vive protestation".'
    )
    assert speaker_of(quotes(models, text, "fr"), "vive protestation") in ("Chine", "la Chine")
    # rpm2 T03_C1_04 (heldout5): the act's 'de X' after the marks
    text = (
        "Malgré ce volontarisme affiché, les critiques ont redoublé sur la gestion de la crise par le chef "
        "de l'Etat et son gouvernement, rejetant fermement les appels à \"l'union nationale\" de François "
        "Fillon."
    )
    assert speaker_of(quotes(models, text, "fr"), "l'union nationale") == "François Fillon"


def test_politics_a_name_does_not_make_a_sentence_a_title(models: SpacyModels) -> None:
    # fresada 000010713 (heldout10, read in the eighth round)
    text = (
        "De l’interdiction des manifestations en soutien aux clandestins à la proposition par référendum "
        "du rétablissement de la peine de mort, certains des militants interrogés reconnaissent que "
        "“Marine Le Pen a raison”."
    )
    assert [q.text for q in quotes(models, text, "fr")] == ["Marine Le Pen a raison"]


def test_religion_a_description_with_other_words_is_not_the_speaker_the_same_noun_described(
    models: SpacyModels,
) -> None:
    # rpm2 T04_C2_08 (heldout10, read in the eighth round): 'le chef de l'Etat' is not 'le chef
    # spirituel des Tibétains'
    text = (
        '"Les bonnes relations, les relations amicales avec la Chine sont très, très importantes. Mais '
        "cela ne veut pas dire que l'on peut oublier les principes\", a déclaré le chef spirituel des "
        "Tibétains.\n"
        "Peu avant de voir le dalaï lama, le président français avait demandé que cette rencontre ne soit "
        'pas "dramatisée".\n'
        '"Je suis libre en tant que président de la République française de mon agenda", avait déclaré '
        "le chef de l'Etat au cours d'une conférence de presse ."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Les bonnes relations") == "le chef spirituel des Tibétains"
    assert speaker_of(found, "Je suis libre") == "le chef de l'Etat"


def test_sports_and_politics_people_named_by_plural_nouns_before_a_verb_left_without_subject(
    models: SpacyModels,
) -> None:
    # rpm2 T06_C2_06 (heldout6): the parser hangs the list on 'plan'
    text = (
        "Sur le plan logistique, sportifs, journalistes, entraîneurs et touristes parlent d’une "
        "« organisation sans faille », de conditions de séjour et de transport idéales, d’un accueil "
        "chaleureux et d’une disponibilité permanente de la part des bénévoles chinois sur le terrain."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "organisation sans faille") == "sportifs, journalistes, entraîneurs et touristes"
    # fresada 000010713 (heldout10, read in the eighth round): 'certains' hung on 'interdiction'
    text = (
        "De l’interdiction des manifestations en soutien aux clandestins à la proposition par référendum "
        "du rétablissement de la peine de mort, certains des militants interrogés reconnaissent que "
        "“Marine Le Pen a raison”."
    )
    assert speaker_of(quotes(models, text, "fr"), "Marine Le Pen") == "certains des militants interrogés"


def test_politics_an_infinitive_a_speech_verb_takes_reports_the_fragment_in_it(models: SpacyModels) -> None:
    # fresada 000010644: 'a estimé avoir toujours pris « … »', the infinitive an xcomp (the case
    # read in heldout6, rpm2 T09_C1_01 'a confié avoir beaucoup « … »', parses so only in its page)
    text = (
        '"Je ne tombe pas comme vous dans le piège des sauts de cabris", a répondu Emmanuel Macron, qui a '
        'estimé avoir toujours pris "ses responsabilités".'
    )
    assert speaker_of(quotes(models, text, "fr"), "ses responsabilités") == "Emmanuel Macron"


def test_politics_and_justice_a_fragment_three_clauses_below_the_speech_verb(models: SpacyModels) -> None:
    # fresada 000007635 (heldout7): assuré -> s'agit -> apporter -> soigner « … »
    text = (
        "Ce sont en tout cas les précisions données par Ulrike Demmer, porte-parole du gouvernement "
        "allemand, qui a assuré qu'il ne s'agit pas d'apporter \"un soutien\" à l'ex-ministre de l'Economie "
        'mais de soigner "les relations avec la France".'
    )
    assert speaker_of(quotes(models, text, "fr"), "les relations avec") == "Ulrike Demmer"
    # rpm2 T02_C1_07 (tune): indiqué -> avait -> médiatiser … « … »
    text = (
        "Interrogée sur ce qui a conduit son client à prendre ces positions, Me Bernaille a indiqué qu'il "
        "réservait ses réponses au juge d'instruction et qu'elle n'avait pas l'intention de \"médiatiser\" "
        'ce dossier, "comme dans l\'affaire Kerviel".'
    )
    assert speaker_of(quotes(models, text, "fr"), "comme dans") in ("Bernaille", "Me Bernaille")


def test_politics_a_description_of_a_gender_reaches_the_sentence_before_a_full_stop_parsed_apart(
    models: SpacyModels,
) -> None:
    # rpm2 T04_C1_10 (dev): the parser makes '.\n' a sentence of its own between the name and
    # 'le président français'
    text = (
        "Encore moins l'absence de rencontre dans l'immédiat avec Nicolas Sarkozy.\n"
        "D'autant que le président français a finalement lâché, vendredi depuis Pékin, qu'il aura "
        '"l\'occasion de le rencontrer", mais pas "pendant les Jeux".'
    )
    assert speaker_of(quotes(models, text, "fr"), "l'occasion") == "Nicolas Sarkozy"


def test_politics_the_subject_of_a_reported_clause_is_not_an_incise_s_speaker(models: SpacyModels) -> None:
    # rpm2 T04_C2_02 (heldout10, read in the eighth round): '« … », estimant que la rencontre …'
    text = (
        '"Le vice-ministre des Affaires étrangères He Yafei a émis une vive protestation", estimant que la '
        'rencontre de Gdanks avait "mis à mal les fondements des relations sino-françaises et '
        'sino-européennes", selon CCTV.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Le vice-ministre") == "CCTV"
    assert speaker_of(found, "mis à mal") == "CCTV"


def test_politics_words_in_marks_led_by_an_infinitive_after_a_preposition_are_no_charge(
    models: SpacyModels,
) -> None:
    # rpm2 T04_C2_02 (heldout10, read in the eighth round): 'appelle la France à « corriger … »'
    text = (
        "Le communiqué officiel se termine toutefois sur une note plus conciliante, puisqu’il appelle la "
        'France à "corriger ses erreurs afin de permettre aux relations sino-françaises de maintenir un '
        'développement sain et stable".'
    )
    assert [q.text[:17] for q in quotes(models, text, "fr")] == ["corriger ses erre"]


def test_culture_titles_after_a_noun_of_works_are_no_quotations(models: SpacyModels) -> None:
    # fresada 000008416 (heldout10, read in the eighth round)
    text = (
        "Celui-ci évoque le passé d'auteure de la secrétaire d'Etat chargée de l'Egalité entre les femmes "
        "et les hommes, qui, sous pseudonyme, a écrit plusieurs livres sur le sexe et les relations "
        'amoureuses dont "Osez les sex-friends" ou "Les filles bien n\'avalent pas"'
    )
    assert quotes(models, text, "fr") == []


def test_politics_an_inverted_clitic_before_an_adverb_and_the_verb(models: SpacyModels) -> None:
    # rpm2 T04_C2_08 (heldout10, read in the eighth round): 'a-t-il ensuite confié'
    text = (
        "Le président Nicolas Sarkozy a profité d'un déplacement à Gdansk pour une cérémonie réunissant "
        "plusieurs Nobel de la Paix autour de Lech Walesa, ancien président polonais et dirigeant historique "
        "du syndicat Solidarnosc, pour rencontrer pour la première fois le chef spirituel tibétain, nobélisé "
        "en 1989.\n"
        "L'entrevue qu'il a eue, en tête à tête, avec le dalaï lama, a duré environ une demi-heure et "
        '"s\'est très bien passé", a-t-il ensuite confié à la presse.'
    )
    assert speaker_of(quotes(models, text, "fr"), "s'est très") == "Nicolas Sarkozy"


def test_english_justice_a_title_abbreviation_after_an_organisation_before_the_name(
    models: SpacyModels,
) -> None:
    # ecbplus 21_7ecb (test split), text as distributed: 'Sgt.' is no speaker, the name after it is
    text = (
        "Police caught up to him after he rear-ended a parked car at a stop light on Lyndale Avenue .\n"
        "`` The driver was uncooperative , made some veiled threats that they 'd have to shoot him to get "
        "him out .\n"
        "He was subsequently tased by police , '' said Bloomington Police Sgt. Marty Earley ."
    )
    assert speaker_of(quotes(models, text, "en"), "The driver") == "Marty Earley"
    # ecbplus 16_6ecbplus (heldout split), text as distributed: 'Dist . Atty .' taken for an organisation
    text = (
        "Orozco , 29 , was found guilty by the same jury last month of first - degree murder with the "
        "special circumstances of murder of a police officer and possession of a firearm by a felon .\n"
        '"This is the kind of person and the kind of crime that the death penalty was made for , " said '
        "Dist . Atty . Steve Cooley ."
    )
    assert speaker_of(quotes(models, text, "en"), "This is the kind") == "Steve Cooley"


def test_politics_a_person_s_initials_in_capitals_are_that_person(models: SpacyModels) -> None:
    # fresada 000011349 (heldout11, read after its last measure in the eighth round): 'NKM' for
    # Nathalie Kosciusko-Morizet, so 'la candidate de l'UMP' is not Anne Hidalgo
    text = (
        "D'abord entre gauche et droite. Alors que Jean-Marc Ayrault a décidé de mettre en place la "
        "circulation alternée pour au moins deux jours à partir de lundi, Anne Hidalgo se dit favorable à "
        "cette mesure, et en profite aussi pour tacler sa rivale Nathalie Kosciusko-Morizet sur le diesel: "
        "\"si nous en sommes là, c'est parce qu'il y a eu une politique d'encouragement à l'achat de "
        'véhicules diesel dans les gouvernements précédents, autour de Nicolas Sarkozy", a-t-elle lancé.\n'
        'Accusation balayée par NKM, pour qui "ce bonus, créé dans le cadre du Grenelle de '
        "l'environnement, était une mesure consensuelle. Comme il était accompagné d'une prime à la casse, "
        "il a surtout permis de renouveler des véhicules anciens, or un vieux diesel est plus polluant "
        "qu'un nouveau diesel\", explique la candidate de l'UMP, avant d'ajouter: \"Mais surtout, si "
        "c'était une si mauvaise mesure, cela fait deux ans qu'un des protecteurs d'Anne Hidalgo est à "
        "l'Elysée, que le gouvernement qu'elle soutient est en place: ils pouvaient la supprimer!\""
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "si nous en sommes") == "Anne Hidalgo"
    assert speaker_of(found, "ce bonus") == "Nathalie Kosciusko-Morizet"


def test_politics_a_description_by_a_person_noun_proche_is_the_person_credited_before(
    models: SpacyModels,
) -> None:
    # fresada 000011066 (heldout11, read after its last measure in the eighth round)
    text = (
        "Alors que certains groupes de gilets jaunes brouillent les cartes quant au mode d'action qu'ils "
        'souhaitent employer pour ce weekend, Nadine Morano déclare ne plus très bien comprendre "qui '
        'sont les gilets jaunes":\n'
        '"Aujourd’hui le gilet jaune est devenu un camouflage, un costume pour certains. Parce que vous '
        "avez à l'intérieur de ces gilets jaunes des personnes qui veulent le désordre institutionnel, qui "
        "veulent casser la République… D'autres qui sont des casseurs. C'est devenu un accoutrement pour "
        "demander tout et n'importe quoi.\"\n"
        "\"Le responsable de cette situation, c'est le gouvernement. Au lieu de nous amener vers un grand "
        "débat qui va faire entraîner et continuer cette situation de chaos, il ferait mieux de nous dire "
        "'voilà je vais vous apporter une réponse politique'.\" Car cette proche de Laurent Wauquiez "
        "l'assure, la sortie de crise ne pourra se faire uniquement qu'à l'aide\u00a0d'\"une réponse "
        'politique".'
    )
    assert speaker_of(quotes(models, text, "fr"), "Le responsable") == "Nadine Morano"


def test_english_entertainment_echoed_reports_speech(models: SpacyModels) -> None:
    # ecbplus 6_8ecb (heldout11, read after its last measure in the eighth round), as distributed
    text = (
        "`` No , it is not official , '' a studio representative told MTV News on Thursday evening "
        "( December 11 ) .\n"
        "`` We are not confirming anything at this point .\n"
        "He is not signed on as the director . ''\n"
        "`` We are not confirming , '' echoed a second representative ."
    )
    found = quotes(models, text, "en")
    assert [q.speaker for q in found] == [
        "a studio representative",
        "a studio representative",
        "a second representative",
    ]


def test_english_entertainment_a_description_speaking_in_the_sentence_before(models: SpacyModels) -> None:
    # ecbplus 6_8ecbplus (heldout11, read after its last measure in the eighth round), as distributed
    text = (
        '"Despite recent speculation in the media , and after difficult but sincere consideration , I have '
        'decided not to direct Catching Fire , " Ross said in a statement .\n'
        "\"As a writer and a director , I simply don't have the time I need to write and prep the movie I "
        'would have wanted to make because of the fixed and tight production schedule . "\n'
        "The director denied reports that his talks with the studio , Lionsgate , hit a snag .\n"
        '"Contrary to what has been reported , negotiations with Lionsgate have not been problematic .\n'
        'They have also been very understanding of me through this difficult decision . "'
    )
    assert speaker_of(quotes(models, text, "en"), "Contrary to") == "Ross"


def test_english_entertainment_the_owner_of_a_title_in_marks_is_the_subject(models: SpacyModels) -> None:
    # ecbplus 6_8ecb (heldout11, read after its last measure in the eighth round), as distributed
    text = (
        "`` There will be a new director atop the 'Twilight ' franchise : and he 'll be a man , '' "
        "Entertainment Weekly 's `` Hollywood Insider '' is reporting .\n"
        "`` Sources tell EW.com that Summit Entertainment is about to hire Chris Weitz ( 'The Golden "
        "Compass ' ) as the shepherd for 'New Moon , ' the second installment of Stephenie Meyer 's "
        "best-selling 'Twilight ' series . ''"
    )
    found = quotes(models, text, "en")
    assert speaker_of(found, "There will be") == speaker_of(found, "Sources tell") == "Entertainment Weekly"


def test_a_quote_opened_at_the_end_of_a_sentence_s_line_goes_on_in_the_next_lines(
    models: SpacyModels,
) -> None:
    # ecbplus 1_21ecbplus (heldout11, read after its last measure in the eighth round), as distributed
    text = (
        '"My client is ensconced in the bosom of that facility right now , " Heller argued after a '
        "prosecutor objected to Lohan's choice of rehab facilities . \"\n"
        "She's in rehab right now .\n"
        'Nothing bad is going to happen . "'
    )
    assert speaker_of(quotes(models, text, "en"), "She's in rehab") == "Heller"
    # rpm2 T04_C2_10 (heldout9): the mark opening Sarkozy's words ends the line before them
    text = (
        'Pékin a convoqué dimanche l\'ambassadeur de France en Chine pour élever une "vive protestation" '
        "et plusieurs journaux chinois ont averti lundi la France qu'elle devrait s'attendre à des "
        'conséquences après cette rencontre."\n'
        "Je pense profondément que la Chine est l'un des grands du monde et que toute la place dans la "
        'gouvernance mondiale doit être faite à la Chine", a répété lundi Nicolas Sarkozy'
    )
    assert speaker_of(quotes(models, text, "fr"), "Je pense") == "Nicolas Sarkozy"


def test_politics_the_paper_s_description_is_the_person_introduced_with_its_noun(models: SpacyModels) -> None:
    # fresada 000011066 (heldout11, a tuning split since the eighth round): 'notre invité' is the
    # person set off by 'invitée' before, the noun's feminine form counting as the same noun
    text = (
        "C'est le cas de Nadine Morano, invitée de Jean-Jacques Bourdin pour BFMTV et RMC ce vendredi "
        "matin, qui a réitéré sa proposition d'instaurer l'état d'urgence pour sortir de la crise.\n"
        "Avant de déplorer que le gouvernement ait cédé uniquement quand la situation a dégénéré:\u00a0"
        '"Le gouvernement a répondu à partir du moment où il y\u00a0 a eu de la violence", critique notre '
        'invité, qui "constate" que le gouvernement "n\'a pas été à la hauteur".'
    )
    assert speaker_of(quotes(models, text, "fr"), "Le gouvernement a répondu") == "Nadine Morano"


def test_politics_one_of_a_role_set_off_by_a_name_is_that_person(models: SpacyModels) -> None:
    # rpm2 T04_C2_05 (heldout6, read since the fourth round): 'l'un des porte-parole du
    # gouvernement, Liu Jianchao,' is Liu Jianchao, not the words of the text
    text = (
        "« Sarkozy n'a aucun égard envers la forte opposition de nombreux citoyens chinois », a ajouté "
        "le responsable, avant que l'un des porte-parole du gouvernement, Liu Jianchao, ne fustige, lui, "
        "dans un communiqué « le geste peu judicieux de la partie française » et « l'interférence "
        "scandaleuse dans les affaires internes de la Chine »."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "le geste peu judicieux") == "Liu Jianchao"
    assert speaker_of(found, "l'interférence scandaleuse") == "Liu Jianchao"


def test_politics_a_verb_of_judgement_in_an_incise_after_the_quote_credits_it(models: SpacyModels) -> None:
    # fresada 000010750 (heldout7, read since the fifth round): 'a jugé' takes no 'que' clause
    # here, yet the incise right after the marks credits the words; 'il a poursuivi' then goes on
    # the man credited, not on the Nicolas Sarkozy the quote names
    text = (
        'Si Nicolas Sarkozy "veut faire le lien entre immigration et insécurité par cette phrase -ce qui '
        "est une évidence- (...) c'est ingrat pour (Rachida) Dati parce que, pour le coup, c'est un "
        "exemple d'assimilation républicaine parfaite\", a jugé Florian Philippot.\n"
        "Au sujet de la maire du VIIe arrondissement parisien, il a poursuivi: \"autant je ne l'aimais "
        "politiquement pas du tout sous Nicolas Sarkozy - je n'oublie pas la loi Dati extrêmement laxiste "
        "en 2009, c'est l'ancêtre de la loi Taubira - mais depuis qu'elle n'est plus sous la coupe de "
        "Nicolas Sarkozy, elle s'est bonifiée politiquement\"."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "veut faire le lien") == "Florian Philippot"
    assert speaker_of(found, "autant je ne") == "Florian Philippot"


def test_english_entertainment_a_possessive_description_is_not_its_possessor(models: SpacyModels) -> None:
    # ecbplus 1_13ecb (heldout12, read after its last measure in the ninth round), as distributed:
    # 'her rep' is not Tara Reid, whom 'her' stands for; it stays as written
    text = (
        "Perpetual mess Tara Reid has finally decided to try and shed her drunk-girl image and has "
        "entered rehab .\n"
        "`` Tara Reid has checked herself into Promises Treatment Center , '' her rep told "
        "UsMagazine.com .\n"
        "`` We appreciate your respect to her and her family 's privacy at this time . ''"
    )
    assert speaker_of(quotes(models, text, "en"), "Tara Reid has checked") == "her rep"


def test_politics_a_name_that_names_a_thing_is_no_antecedent_of_a_description(models: SpacyModels) -> None:
    # fresada 000011566 (heldout12, read after its last measure in the ninth round): 'Le député
    # insoumis' is not the Benalla of 'l'affaire Benalla', the last man named before it
    text = (
        "Invité mercredi matin sur BFMTV, Alexis Corbière s'interroge ouvertement sur l'existence d'une "
        "police politique, après les révélations successives liées à l'affaire Benalla. Le député "
        "insoumis de Seine-Saint-Denis, porte-parole de Jean-Luc Mélenchon, rappelle d'abord que lors de "
        'la journée de manifestations du 1er mai dernier, "monsieur Benalla a fait une tournée, où dans '
        "différents endroits (en particulier la place de la Contrescarpe et le jardin des Plantes, NDLR), "
        "il se prend pour un policier. C'est-à-dire que le jeune homme bien mis avec une cravate et des "
        "petites lunettes rondes qui est venu la larme à l'oeil sur TF1 dire 'j'ai défendu les forces de "
        "police', tout ça est un gros fake\".\n"
        # two paragraphs on, the name in full that makes Benalla a man
        "Alexis Corbière fait référence au policier qui accompagnait effectivement Alexandre Benalla "
        "sur le terrain le 1er mai, et qui était censé s'assurer que le conseiller d'Emmanuel Macron se "
        "cantonnerait à un strict rôle d'observateur."
    )
    assert speaker_of(quotes(models, text, "fr"), "monsieur Benalla") == "Alexis Corbière"


def test_politics_a_long_quote_on_its_own_line_without_a_point_is_no_heading(models: SpacyModels) -> None:
    # fresada 000011304 (heldout12, read after its last measure in the ninth round): the paragraph
    # in marks ends without a point, yet 30 words are no heading; the clause before the colon
    # credits it
    text = (
        "Depuis, les relations entre le maire de Meaux et le candidat de la droite et du centre à la "
        "présidentielle étaient pour le moins glaciales. De l'histoire ancienne, affirme Jean-François "
        "Copé:\n"
        "\"Nous avons eu des périodes très tendues mais j'ai décidé de tourner la page (...) Si je n'avais "
        "pas envie de m'engager pour François Fillon, je ne l'aurais pas convié à venir à Meaux\""
    )
    assert speaker_of(quotes(models, text, "fr"), "Nous avons eu") == "Jean-François Copé"


def test_an_insertion_between_the_auxiliary_and_the_speech_verb_keeps_its_subject(
    models: SpacyModels,
) -> None:
    # rpm2 T01_C1_02 (heldout2): 'a, dans un discours public, précisé' (the parser hangs the
    # participle on the insertion): the subject of the auxiliary speaks
    text = (
        "De son coté, le général Padilla a, dans un discours public, précisé qu'au cours de l'opération "
        "de libération «il n'y a pas eu un seul tir, pas un seul blessé»."
    )
    assert speaker_of(quotes(models, text, "fr"), "il n'y a pas eu") == "Padilla"


def test_politics_a_sentence_cut_inside_the_marks_is_not_the_sentence_before(models: SpacyModels) -> None:
    # fresada 000011199 (heldout13): the parser ends a sentence at 'Les élus?', inside the marks;
    # the sentence before the description is the one naming François Fillon
    text = (
        "En déplacement à Nîmes (Gard) alors que des personnalités de son camp n'ont cessé de se retirer "
        'de sa campagne ce jeudi, la ligne suivie par François Fillon était nette. "Les élus? On fera '
        'sans eux", a lâché le candidat de la droite et du centre qui a assuré: "La base, elle, tient. '
        "Je m'appuie sur les Français.\""
    )
    assert speaker_of(quotes(models, text, "fr"), "Les élus?") == "François Fillon"


def test_politics_a_description_with_an_elided_article_is_the_one_person_subject_before(
    models: SpacyModels,
) -> None:
    # fresada 000010912 (heldout13): 'l'ancien ministre' tells no gender and nobody spoke yet:
    # the one person subject of a clause in the paragraph before (not Mohamed Saou, an object)
    text = (
        "Invité de Jean-Jacques Bourdin ce lundi matin pour son Entretien d'embauche, Emmanuel Macron est "
        "revenu sur le cas de Mohamed Saou, ce référent d’En Marche! dans le Val d’Oise, suspendu de ses "
        "fonctions pour des publications jugées controversées sur les réseaux sociaux.\n"
        'Un militant que l’ancien ministre de l’Economie a qualifié de "type bien" au micro de Beur FM '
        'vendredi, tout en admettant "un ou deux trucs un peu plus radicaux" de sa part.'
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "type bien") == "Emmanuel Macron"
    assert speaker_of(found, "un ou deux trucs") == "Emmanuel Macron"


def test_politics_a_person_of_an_enumeration_is_not_picked_by_gender(models: SpacyModels) -> None:
    # fresada 000010891 (heldout5): 'la députée des Yvelines' is Aurore Bergé, credited before, not
    # Anne Lebreton, the last of four candidates listed in the sentence before the quote
    text = (
        "La porte-parole de LaREM, Aurore Bergé, a assuré ce lundi qu'il \"n'y aurait pas de primaires à "
        'Paris", malgré la demande de plusieurs candidats qui craignent de voir la désignation au sein '
        "du mouvement verrouillée au profit de l'ancien porte-parole du gouvernement Benjamin Griveaux.\n"
        "La tension est montée d'un cran dimanche quand Cédric Villani, Mounir Mahjoubi, Hugues Renson et "
        "Anne Lebreton, concurrents de Benjamin Griveaux pour l'investiture LaREM en vue du scrutin "
        'municipal de 2020, ont réclamé dans une tribune au JDD "une consultation citoyenne" plutôt '
        'qu\'une désignation par une commission, à leurs yeux "précipitée", début juillet.\n'
        '"Il y aura pas de primaires à Paris parce qu\'on a mis en place des règles qui sont claires", a '
        "assuré la députée des Yvelines sur notre antenne."
    )
    assert speaker_of(quotes(models, text, "fr"), "Il y aura pas") == "Aurore Bergé"


def test_politics_s_ecrier_and_questionner_report_speech(models: SpacyModels) -> None:
    # fresada 000011199 (heldout13): 'Il s'est ainsi écrié … :' credits the quote after its colon;
    # fresada 000010819 (heldout13): '« … », a-t-il questionné' credits the question
    text = (
        "Même sous la menace d'une mise en examen, François Fillon a adopté une posture gaullienne. Il "
        "s'est ainsi écrié à la fin de sa prise de parole: \"L’heure est importante. J’invite tous les "
        'Français qui veulent une France libre et une France forte à venir me rejoindre."'
    )
    assert speaker_of(quotes(models, text, "fr"), "L’heure est importante") == "François Fillon"
    text = (
        "Manuel Valls a affiché son scepticisme, défendant les pistes françaises: centres "
        'd\'enregistrement "hotspot" des migrants et garde-frontières européens.\n'
        '"Quels pays vont accueillir plus de migrants? La Suède, le Danemark, la Finlande, qui ont déjà '
        "beaucoup accueilli? Le Royaume Uni? Je ne vous fais pas un dessin... L'Italie, qui peut à tout "
        'moment être confrontée à une nouvelle vague venue de Libye?", a-t-il questionné.'
    )
    assert speaker_of(quotes(models, text, "fr"), "Quels pays") == "Manuel Valls"


def test_politics_a_person_pronoun_subject_of_a_clause_before_a_colon_credits_the_quote(
    models: SpacyModels,
) -> None:
    # fresada 000011199 (heldout13): 'Il' stands for François Fillon, not the name the clause holds
    # ('une liste à la Prévert')
    text = (
        "De plus en plus isolé dans sa propre famille politique, l'ancien chef de gouvernement de Nicolas "
        "Sarkozy, François Fillon, s'est prévalu du soutien de la France d'en bas. Il a ainsi développé "
        "une liste à la Prévert des catégories de population dont il espère le support:\n"
        '"Mais voilà, je ne suis pas seul. J’ai avec moi tous ces Français qui sont découragés par tant '
        'de charges et de réglementations."'
    )
    assert speaker_of(quotes(models, text, "fr"), "Mais voilà") == "François Fillon"


def test_english_entertainment_she_before_a_colon_and_an_honorific_set_apart(models: SpacyModels) -> None:
    # ecbplus 2_6ecbplus (heldout12, as distributed): 'she' before the colon is Ellen DeGeneres;
    # 'Mr . MacFarlane' (the point set apart) is a man, whom 'she' cannot stand for
    text = (
        "Ellen DeGeneres will host the Academy Awards for the second time , the producers announced .\n"
        "Last year 's host was Seth MacFarlane , the creator of the “ Family Guy ” animated show on the "
        "Fox network .\n"
        "Ms . DeGeneres has even less to do with the theatrical movie business than Mr . MacFarlane does "
        "( his movie “ Ted ” preceded his appearance ) but she is well liked in Hollywood and her "
        "performance as the host of the show in 2007 was widely praised .\n"
        "In typical fashion , she released a jokey response to the honor : “ I am so excited to be "
        "hosting the Oscars for the second time .\n"
        "You know what they say — the third time ’ s the charm . ”"
    )
    assert speaker_of(quotes(models, text, "en"), "I am so excited") == "Ellen DeGeneres"


def test_english_culture_a_last_name_subject_ner_missed_is_the_person_named_in_full(
    models: SpacyModels,
) -> None:
    # scrapinghub ac1bfdd4c510 (heldout13): NER misses 'Simmons' as the subject of 'teed up';
    # 'he' is Patrick Simmons, not Michael McDonald, whose cameo it is
    text = (
        "Singer-guitarists Tom Johnston and Patrick Simmons, singer-keyboardist McDonald, and "
        "multi-instrumentalist John McFee will tour together for the first time in nearly 25 years.\n\n"
        "Following a performance of their sing-along jam “Black Water,” Simmons teed up McDonald’s cameo. "
        "“You might remember him from, well, he has his own band these days,” he said. “But you might "
        "remember him from his band, the Doobie Brothers — Mr. Michael McDonald.”"
    )
    found = quotes(models, text, "en")
    assert speaker_of(found, "You might remember") == "Patrick Simmons"


def test_culture_once_someone_spoke_a_quote_cut_by_the_parser_stays_on_them(models: SpacyModels) -> None:
    # fresada 000007230 (unlabelled, read while checking the tenth round's rules): the parser cuts
    # 'C'est un tarif délirant.' inside the marks; François Ruffin spoke before, so the sentence
    # before the description is not looked past for a man ('la cérémonie des César')
    text = (
        "MÉDIAS - François Ruffin n'est pas content et il le fait savoir. Sur Facebook et Twitter ce mardi "
        '21 mars, le réalisateur de "Merci patron!" a interpellé Vincent Bolloré, auquel il avait déjà '
        "adressé un clin d'œil ironique en arborant un t-shirt à son effigie lors de la dernière cérémonie "
        "des César.\n"
        'Primé pour le "meilleur film documentaire" lors de cette cérémonie 2017, François Ruffin avait '
        'alors tenu un discours remarqué et engagé contre les délocalisations et les "dirigeants sans '
        "cran\". C'est justement à propos de ce discours que le futur candidat aux élections législatives "
        "s'adresse désormais au patron de Canal+.\n"
        '"Et mes droits, M. Bolloré?", s\'indigne François Ruffin. Il explique avoir appris, via un '
        "journaliste de BFMTV, que la chaîne cryptée (qui diffusait la cérémonie des César) vendrait son "
        'discours pour "5000 euros la minute". "C\'est un tarif délirant. Assez pour que ça ne circule '
        'pas", accuse le fondateur du journal Fakir, qui annonce son intention de contacter son avocat.'
    )
    assert speaker_of(quotes(models, text, "fr"), "C'est un tarif") == "François Ruffin"


def test_english_politics_words_after_the_term_or_known_as_are_a_name(models: SpacyModels) -> None:
    # scrapinghub 7a664e40d256 (heldout13): a nickname in marks is no quotation, though a speech
    # verb reports its sentence
    text = (
        "He denied that he, U.S. Ambassador to the European Union Gordon Sondland and Energy Secretary "
        'Rick Perry formed an "irregular" channel, for which they were known as the "Three Amigos."\n\n'
        'Volker said he never used the term "three amigos" and added, "I frankly cringe when I hear it."'
    )
    found = quotes(models, text, "en")
    assert [q.text for q in found] == ["I frankly cringe when I hear it."]


def test_politics_a_quote_after_a_sentence_whose_source_is_a_person_is_theirs(models: SpacyModels) -> None:
    # fresada 000010983 (heldout13): 'Pour notre éditorialiste, …' names the source of the
    # sentence before the paragraph in marks, which has no speech verb
    text = (
        "Quant à Christophe Barbier, éditorialiste sur BFMTV, en affirmant qu'il ne se présentera pas à la "
        "présidentielle s'il était mis en examen, François Fillon fait un pari \"sur la lenteur de la "
        'justice". Pour notre éditorialiste, cette affaire a créé un décalage entre ses dires et ses actes.\n'
        '"Il y a maintenant un contraste entre le dire de François Fillon et le faire de François Fillon. '
        "Il y a très peu de chance pour que la machine judiciaire rende son verdict avant la "
        'présidentielle."'
    )
    assert speaker_of(quotes(models, text, "fr"), "Il y a maintenant") == "Christophe Barbier"


def test_politics_a_person_credited_since_a_description_kept_as_written_is_the_shorter_one(
    models: SpacyModels,
) -> None:
    # fresada 000010160 (heldout13): 'la ministre' is Marisol Touraine, credited in its paragraph,
    # not 'sa ministre de l'Education nationale', kept as written two sentences before
    text = (
        "Dans son viseur, sa ministre de l'Education nationale qui déclarait ce jeudi matin, sur Europe 1, "
        'que "la prolifération d\'arrêtés anti-burkini n\'est pas la bienvenue". "Je pense que ça pose la '
        'question des libertés individuelles (...) Ça libère la parole raciste", a-t-elle dénoncé. Une '
        'position vite rejointe par sa collègue des Affaires sociales et de la Santé. "Aujourd’hui, se '
        "taire, c’est laisser croire qu’il n’y a pas d’autre chemin possible que celui des arrêtés "
        'd’interdiction qui ont été pris", écrit Marisol Touraine dans un communiqué. Dénonçant que le '
        'devoir de "discrétion" pèse une nouvelle fois sur les femmes, elle insiste pour que l\'on ne '
        'fasse pas de la laïcité "un refus de religion". "Elle ne peut pas et ne doit pas devenir le fer '
        'de lance d’une stigmatisation dangereuse pour la cohésion de notre pays", lance la ministre.'
    )
    assert speaker_of(quotes(models, text, "fr"), "Elle ne peut pas") == "Marisol Touraine"


def test_politics_a_party_right_after_a_role_qualifies_the_role(models: SpacyModels) -> None:
    # fresada 000011242 (heldout13): 'la candidate UMP' is Nathalie Kosciusko-Morizet, not 'UMP'
    text = (
        "Nathalie Kosciusko-Morizet n'apprécie que moyennement la couverture de sa campagne par Le Monde. "
        "La candidate l'a d'ailleurs fait savoir, mercredi, en qualifiant la journaliste du quotidien de "
        '"21e tête de liste" de sa concurrente socialiste, Anne Hidalgo.\n\n'
        '"Evidemment, si vous lisez toute la journée les articles de madame [Béatrice] Gurrey dans Le '
        "Monde, vous vous dites: 'Wahou quel acharnement!'. Mais c'est des gens qui défendent le système "
        'et quelque part y participent", a ajouté la candidate UMP sur La Chaîne Parlementaire (LCP).'
    )
    assert speaker_of(quotes(models, text, "fr"), "Evidemment") == "Nathalie Kosciusko-Morizet"


def test_politics_a_heading_repeating_a_short_credited_fragment_takes_its_speaker(
    models: SpacyModels,
) -> None:
    # fresada 000010912 (heldout13): the heading's 'type bien' is the two words credited to
    # Emmanuel Macron above it, however short
    text = (
        "Invité de Jean-Jacques Bourdin ce lundi matin pour son Entretien d'embauche, Emmanuel Macron est "
        "revenu sur le cas de Mohamed Saou, ce référent d’En Marche! dans le Val d’Oise, suspendu de ses "
        "fonctions pour des publications jugées controversées sur les réseaux sociaux.\n"
        'Un militant que l’ancien ministre de l’Economie a qualifié de "type bien" au micro de Beur FM '
        'vendredi, tout en admettant "un ou deux trucs un peu plus radicaux" de sa part.\n'
        'Du "type bien" au militant "très mobilisé"\n'
        "Interpellé par Jean-Jacques Bourdin sur ce commentaire délivré hors antenne, Emmanuel Macron a "
        "précisé son point de vue sur Mohamed Saou."
    )
    found = quotes(models, text, "fr")
    assert [q.speaker for q in found if q.text == "type bien"] == ["Emmanuel Macron", "Emmanuel Macron"]


def test_politics_an_infinitive_of_purpose_does_not_stop_a_quote_going_on(models: SpacyModels) -> None:
    # fresada 000011199 (heldout13): 'pour justifier' between the two paragraphs in marks names no
    # other speaker; the second goes on François Fillon
    text = (
        "François Fillon s'est posé en élément perturbateur d'un schéma que ses adversaires appelleraient "
        "de leurs voeux, selon le prétendant à l'Elysée:\n"
        '"Je suis là pour percuter tous les scénarios que certains voudraient écrire à votre place. On '
        'm’attaque depuis des semaines avec une violence sans commune mesure.".\n'
        "Le député a, à nouveau, revendiqué le poids des suffrages qui se sont portés sur son nom durant la "
        "primaire pour justifier la poursuite d'une campagne troublée.\n"
        '"Je n’ai pas l’intention de céder et je ne parle pas seulement pour moi mais parce que la '
        "démocratie vous appartient à vous. Il est hors de question que soit fauché le vote des électeurs "
        'de la droite et du centre."'
    )
    assert speaker_of(quotes(models, text, "fr"), "Je n’ai pas") == "François Fillon"


def test_english_entertainment_a_quote_after_a_sentence_of_someones_role_speaking(
    models: SpacyModels,
) -> None:
    # scrapinghub eb62ac8425e5 (heldout13): the quote that is its sentence goes on 'Swift's rep',
    # subject of 'told' in the sentence before, kept as written
    text = (
        "Swift's rep told Fox News that this, too, was not the whole truth. \"Big Machine is trying to "
        "deflect and make this about money by saying she owes them but, an independent, professional "
        "auditor has determined that Big Machine owes Taylor $7.9 million dollars of unpaid royalties over "
        'several years."'
    )
    assert speaker_of(quotes(models, text, "en"), "Big Machine is trying") == "Swift's rep"


def test_politics_a_pronoun_after_the_marks_is_the_person_the_credit_inside_names(
    models: SpacyModels,
) -> None:
    # fresada 000011569 (heldout13): 'a assuré au nom de son camp Yannick Jadot' inside the marks
    # (a complement of several words between the verb and its subject); 'a-t-il ajouté' after
    # them is Yannick Jadot, not Daniel Cohn-Bendit named before
    text = (
        "Mardi à Paris, EELV et et sa secrétaire nationale Emmanuelle Cosse ont lancé leur campagne autour "
        "de l'incontournable sortant Daniel Cohn-Bendit et avec un mot d'ordre: soit sur le repli "
        "nationaliste, soit sur le saut fédéral.\n\n"
        "\"Nous sommes volontaires à aller vers plus d'Europe, a assuré au nom de son camp Yannick Jadot. "
        "Nous porterons une conviction et une détermination pro-européenne. Nous sommes lucides sur les "
        "insuffisances de l'Europe. L'Europe n'est pas néolibérale et conservatrice par essence. L'Europe "
        "est un espace politique et l'Europe est ce que les majorités politiques en font\", a-t-il ajouté."
    )
    assert speaker_of(quotes(models, text, "fr"), "Nous sommes volontaires") == "Yannick Jadot"


def test_politics_comparer_reports_the_words_it_takes(models: SpacyModels) -> None:
    # fresada 000010456 (heldout13): 'a comparé certains quartiers de Paris « au Bronx »' is a
    # comparison someone made in speech (no English excerpt with 'compared … to "…"' in
    # ../shared/data)
    text = (
        "Frédéric Péchenard s'est déjà illustré dans son domaine de prédilection, la sécurité. Réagissant "
        "sur le manque d'effectifs de police à Paris, l'ancier chef de la police a comparé certains "
        'quartiers de Paris "au Bronx" lundi dernier.'
    )
    assert speaker_of(quotes(models, text, "fr"), "au Bronx") == "Frédéric Péchenard"


def test_politics_a_name_ner_missed_set_off_before_the_verb_an_infinitive_completes(
    models: SpacyModels,
) -> None:
    # fresada 000010912 (heldout13): the parser cuts the sentence after 'Marine Le Pen' (NER misses
    # the name, the tagger takes 'Marine' for a noun); 'pour déclarer' completes 'en a profité'
    text = (
        "Une allusion au Front national, et peut-être aussi à certains proches de François Fillon, dont "
        "plusieurs figures ont dénoncé une supposée indulgence d’Emmanuel Macron pour des motifs "
        "électoralistes. Marine Le Pen, par exemple, en a profité pour déclarer qu'avec Macron, \"ce sera "
        "l'islamisme en marche\"."
    )
    assert speaker_of(quotes(models, text, "fr"), "ce sera") == "Marine Le Pen"


def test_a_straight_mark_closed_by_a_curly_one_is_a_quote(models: SpacyModels) -> None:
    # scrapinghub eb62ac8425e5 (heldout13) and fresada 000010373: web text mixing styles opens
    # with " and closes with ”
    text = (
        "On Monday, Big Machine Records issued a statement that appeared to make it possible for Swift to "
        "perform her songs at the upcoming American Music Awards.\n\n"
        '"It should be noted that recording artists do not need label approval for live performances on '
        "television or any other live media,” the statement continued."
    )
    assert [q.text for q in quotes(models, text, "en")] == [
        "It should be noted that recording artists do not need label approval for live performances on "
        "television or any other live media"
    ]
    text = (
        "Mais la ministre se montre ferme. “Je soutiens le texte qui réautorise les coupures. Nous allons "
        "préciser les choses avec un sous-amendement gouvernemental”, répond Ségolène Royal, citée par Le "
        'Parisien lundi. "Il faut protéger les plus vulnérables”, concède la ministre.'
    )
    assert speaker_of(quotes(models, text, "fr"), "Il faut protéger") == "Ségolène Royal"


def test_english_a_quote_closed_by_two_apostrophes(models: SpacyModels) -> None:
    # scrapinghub benchmark, hosted.ap.org (politics: the Conservatives' renamed Twitter account,
    # 2019): AP copy closes a quote with two apostrophes; the quote was read on into the next
    # sentence and credited to "Twitter"
    text = (
        "Rebranded to resemble a neutral fact-checking account, it posted a series of tweets supporting "
        "Johnson during Tuesday’s debate.\n\n"
        "“It was an attempt to mislead voters,’’ Will Moy, chief executive of the London-based "
        "fact-checking website Full Fact, told the BBC. “And I think it is inappropriate and misleading "
        "for a serious political party to behave that way.”"
    )
    found = quotes(models, text, "en")
    assert [q.text for q in found][:1] == ["It was an attempt to mislead voters"]
    assert speaker_of(found, "It was an attempt") == "Will Moy"
    assert speaker_of(found, "And I think") == "Will Moy"


def test_english_the_next_paragraph_of_an_open_quote_keeps_its_speaker(models: SpacyModels) -> None:
    # scrapinghub benchmark, news.sky.com (sports: Mourinho at Tottenham, 2019): the quote's first
    # paragraph is left open and the next one opens again; it went to "Tottenham", named as the
    # speaker of the statement after it
    text = (
        "Negotiations between the London side and Mourinho's representatives intensified over the last "
        "few days, with talks continuing into Tuesday night.\n\n"
        'Mourinho said after his appointment: "I am excited to be joining a club with such a great '
        "heritage and such passionate supporters.\n\n"
        '"The quality in both the squad and the academy excites me. Working with these players is what '
        'has attracted me."\n\n'
        "Tottenham said in a statement: \"Jose is one of the world's most accomplished managers having "
        'won 25 senior trophies."'
    )
    found = quotes(models, text, "en")
    assert speaker_of(found, "I am excited") == speaker_of(found, "The quality in both") == "Mourinho"
    assert speaker_of(found, "Jose is one of") == "Tottenham"
    # with nobody credited for its first paragraph ('The 56-year-old said'), the second is nobody's
    unnamed = text.replace(
        "Mourinho said after his appointment", "The 56-year-old said after his appointment"
    )
    assert speaker_of(quotes(models, unnamed, "en"), "The quality in both") != "Tottenham"


# --------------------------------------------------------------------------------------------
# a speaker described by age ('The 56-year-old said', 'explique le trentenaire')
# --------------------------------------------------------------------------------------------


def test_english_a_description_by_age_is_the_article_person(models: SpacyModels) -> None:
    # scrapinghub benchmark, news.sky.com (sports: Mourinho at Tottenham, 2019; gold body
    # 921019755f4a…): nobody credited before, the text gives no age; 'The 56-year-old' is the
    # person the article is about, not the manager he replaces, named last as a subject
    text = (
        "Jose Mourinho has agreed a deal to replace Mauricio Pochettino as Tottenham's manager until "
        "the end of the 2022/23 season.\n\n"
        "Pochettino was sacked last night after five-and-a-half years in charge, and less than six "
        "months after leading Spurs to their first ever Champions League final.\n\n"
        "Negotiations between the London side and Mourinho's representatives intensified over the last "
        "few days, with talks continuing into Tuesday night.\n\n"
        "The Portuguese boss had been out of work since being sacked by Manchester United in December "
        "2018.\n\n"
        'The 56-year-old said after his appointment: "I am excited to be joining a club with such a '
        "great heritage and such passionate supporters.\n\n"
        '"The quality in both the squad and the academy excites me. Working with these players is what '
        'has attracted me."'
    )
    found = quotes(models, text, "en")
    assert speaker_of(found, "I am excited") == "Jose Mourinho"
    assert speaker_of(found, "The quality in both") == "Jose Mourinho"


def test_french_a_description_by_age_is_the_person_of_that_age(models: SpacyModels) -> None:
    # FreSaDa 000002662 (lines 0-1): 'le trentenaire' is Hicham Dendoune, '37 ans', not Nicolas
    # Bedos, named last as a subject
    text = (
        "79 jours, 8 heures et 43 secondes, c’est le temps exact qu’il aura fallu à Hicham Dendoune, "
        "37 ans, pour faire le tour de l’égo de Nicolas Bedos. Un véritable exploit.\n"
        "« Je ne pensais pas que cela soit possible, mais je l’ai fait ! », a confié, soulagé, Hicham "
        "Dendoune, explorateur français de 37 ans, qui avait été, en 2012, le premier homme à faire le "
        "tour de la tête de Bernard-Henri Lévy en moins d’une année. Une prouesse qui n’a pas été "
        "simple à valider puisque Nicolas Bedos a cherché à se l’attribuer jusqu’au dernier moment. "
        "« Il disait que tout ça c’était grâce à lui et il me réclame toujours de l’argent pour avoir "
        "utilisé son nom », explique le trentenaire, qui aurait déjà prévu de se lancer un autre défi "
        "de taille : partir à la recherche du charisme de Jean-Marc Ayrault."
    )
    found = quotes(models, text, "fr")
    assert speaker_of(found, "Il disait que") == "Hicham Dendoune"


def test_the_agent_of_a_participle_of_questioning_is_no_speaker(models: SpacyModels) -> None:
    # FreSaDa 000007777 and 000007468 (politics, army): the paper that put the questions was
    # credited with the answer ('AFP', 'Le HuffPost')
    bay = (
        '"On a toujours dit qu\'il était dans le dispositif", a balayé mardi Nicolas Bay, secrétaire '
        "général du parti, interrogé par l'AFP."
    )
    for text, wrong in (
        (bay, "AFP"),
        (
            'Les choses sont un peu plus compliquées. "Honnêtement, c\'est possible", reconnaît un caporal '
            "chef de l'armée de Terre interrogé par Le HuffPost.",
            "Le HuffPost",
        ),
    ):
        found = quotes(models, text, "fr")
        assert found and all(q.speaker != wrong for q in found), found
    # the one the participle is said of answered
    assert speaker_of(found_bay := quotes(models, bay, "fr"), "On a toujours dit") == "Nicolas Bay", found_bay
    # the agent of a speech verb's participle still speaks ('qualifié d'« … » par l'avocat')
    text = "Le dossier a été qualifié d'« absurde et sans fondement » par l'avocat Michel Pezet."
    assert speaker_of(quotes(models, text, "fr"), "absurde") == "Michel Pezet"
