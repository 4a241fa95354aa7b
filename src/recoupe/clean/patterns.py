"""Families of page-furniture patterns, French and English.

Each rule matches one whole paragraph (a `LineRule`) or a span inside one (an `InlineRule`) and
carries the removal `reason` it stands for. Rules are written as families of vocabulary (the
subscription words, the reader-addressed imperative, the social networks) rather than as the exact
strings of any one site, so that they carry over to pages we have not seen. A paragraph rule only
fires on paragraphs up to its `max_chars`: furniture is short, and a long paragraph that happens to
mention subscribers is article text.

Whole-paragraph rules match the paragraph with its whitespace collapsed to single spaces and the
typographic apostrophe folded to "'" (see `match_form`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Zone = Literal["any", "head", "tail"]

_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class LineRule:
    """A rule that removes a whole paragraph.

    `zone` says where the paragraph may stand: anywhere, among the first paragraphs (`head`,
    breadcrumbs) or among the last ones (`tail`, author bios).
    """

    name: str
    reason: str
    pattern: re.Pattern[str]
    max_chars: int = 200
    zone: Zone = "any"

    def matches(self, text: str) -> bool:
        return len(text) <= self.max_chars and self.pattern.search(text) is not None


@dataclass(frozen=True, slots=True)
class InlineRule:
    """A rule that removes spans inside a paragraph (shortcodes, image residue, credits).

    With `sentence_confirm` set, `pattern` only finds a trigger word: the span cut is the whole
    sentence around it, and only when that sentence matches `sentence_confirm`.
    """

    name: str
    reason: str
    pattern: re.Pattern[str]
    sentence_confirm: re.Pattern[str] | None = None

    def spans(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """(start, end) of each span to cut in `text[start:end]`."""
        for match in self.pattern.finditer(text, start, end):
            if self.sentence_confirm is None:
                yield match.start(), match.end()
                continue
            first, last = _sentence_around(text, match.start(), match.end(), start, end)
            if last - first <= _MAX_SENTENCE_CHARS and self.sentence_confirm.search(text, first, last):
                yield first, last


_MAX_SENTENCE_CHARS = 400
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)|\n")


def _sentence_around(text: str, hit_start: int, hit_end: int, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding text[hit_start:hit_end], within text[start:end]."""
    first = start
    for boundary in _SENTENCE_END.finditer(text, max(start, hit_start - _MAX_SENTENCE_CHARS), hit_start):
        first = boundary.end()
    while first < hit_start and text[first].isspace():
        first += 1
    closing = _SENTENCE_END.search(text, hit_end, end)
    if closing is None:
        return first, end
    return first, closing.start() if closing.group() == "\n" else closing.end()


def match_form(text: str) -> str:
    """The form whole-paragraph rules see: single spaces, straight apostrophes."""
    return " ".join(text.split()).replace("’", "'").replace("ʼ", "'")


# --------------------------------------------------------------------------------------------
# shared vocabulary
# --------------------------------------------------------------------------------------------

# the page speaking to its reader: second person, polite imperatives
READER_ADDRESS = re.compile(
    r"\b(?:vous|votre|vos|you|your|you're|yourself)\b|\b\w+ez-(?:vous|nous)\b|\bplease\b|\bmerci de\b"
    r"|\bveuillez\b|\bcontact us\b|\bclick\b|\bcliquez\b",
    _I,
)
_SUBSCRIPTION = r"(?:abonn\w*|subscri\w*|premium|members? only|membership|paywall)"
_SUBSCRIBER = r"(?:abonn\w*|subscri\w*|members? only|membership|paywall)"
# what a paywall withholds: reading, the article, access (and the right to comment)
_ACCESS_WORDS = (
    r"(?:lire|lecture|article|accès|accéder|consulter|read\w*|access|contenu|content|story|continuer|continue|commenter"
    r"|commentaires?|comment)"
)
_ACCESS = rf"(?=.*\b{_ACCESS_WORDS}\b)"
ACCESS_WORD = re.compile(rf"\b{_ACCESS_WORDS}\b", re.IGNORECASE)
SUBSCRIPTION_WORD = re.compile(rf"\b{_SUBSCRIPTION}", re.IGNORECASE)
_ACCOUNT = (
    r"(?:inscri(?:t|te|ts|tes|vez|re)|connect\w*|identifiez-vous|identifiants?|(?:votre|un|ce|mon|son) compte|mot de passe|log ?in|sign ?in|sign ?up"
    r"|account|register\w*|password|se connecter)"
)
_MONTHS_FR = (
    r"janv(?:ier|\.)?|f[ée]vr?(?:ier|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|ao[uû]t"
    r"|sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?"
)
_MONTHS_EN = (
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?"
    r"|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?"
)
MONTH = rf"(?:{_MONTHS_FR}|{_MONTHS_EN})"
_WEEKDAY = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?"
    r"|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?"
)
_TIME = (
    r"\d{1,2}\s?(?:[h:]\s?\d{2}|[ap]\.?m\.?)(?:\s?[ap]\.?m\.?)?(?:\s?(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*))?"
)
# a calendar date in the usual written forms (day month year, month day year, numeric, ISO)
DATE = (
    rf"(?:\d{{1,2}}(?:er|st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?)?"
    rf"|{MONTH}\s+\d{{4}}|\d{{1,2}}(?:er)?\s+{MONTH}\.?)"
)
# a dateline: a publication / update verb, then (within the line) a date or a time
DATELINE_LEAD = (
    r"(?:publi[ée]e?|mis en ligne|mise? à jour|modifi[ée]e?|actualis[ée]e?|cr[ée]{2}e?|created|posted|published"
    r"|updated|last (?:updated|modified)|released?(?: date)?|date de publication|first published|(?:news )?date)"
)
_AGENCY = (
    r"(?:afp|reuters|getty(?: images)?|ap(?: photo)?|associated press|epa|sipa|maxppp|abaca(?:press)?"
    r"|bestimage|shutterstock|istock(?:photo)?|dr|d\.r\.|hans lucas|belga|anadolu|xinhua|efe|dpa|zuma"
    r"|nurphoto|alamy|afp photo|pool|unsplash|pexels|wikimedia commons|flickr|compfight cc)"
)
_SHARE_WORDS = frozenset(
    "partager partagez partage share shares sharing tweet tweeter facebook twitter x linkedin whatsapp "
    "email e-mail mail courriel print imprimer pinterest reddit telegram messenger flipboard bluesky "
    "threads copier copy lien link le la cet cette this article story on sur via par by envoyer send "
    "save sauvegarder enregistrer favoris bookmark sms | · • - – — : / et and or ou".split()
)
_SHARE_ANCHORS = frozenset(
    "partager partagez share tweet tweeter facebook twitter linkedin whatsapp pinterest reddit "
    "telegram imprimer print email e-mail courriel flipboard".split()
)


def is_share_bar(text: str) -> bool:
    """A line made only of sharing buttons: 'Partager', 'Share on Facebook', 'Facebook Twitter Email'."""
    if len(text) > 100:
        return False
    words = re.findall(r"[\w'-]+|[|·•–—:/]", text.casefold())
    return bool(words) and all(w in _SHARE_WORDS for w in words) and any(w in _SHARE_ANCHORS for w in words)


def _rx(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# --------------------------------------------------------------------------------------------
# paywall and subscription
# --------------------------------------------------------------------------------------------

# where the page says the rest of the article is hidden: what follows is furniture or nothing
PAYWALL_CUT = _rx(
    r"la suite est réservée|(?:il vous reste|reste à lire).{0,40}%|%.{0,30}(?:de cet article|of (?:this|the) "
    r"(?:article|story)).{0,30}(?:à lire|remain|left|to read)|(?:to|pour) (?:continue|continuer|keep) "
    r"(?:reading|à lire|la lecture)|pour (?:lire|voir|découvrir) la suite|to read the (?:rest|full)"
    r"|(?:for|to view) the full (?:story|article)|pour lire l'intégralité|read the full (?:story|article) "
    r"(?:with|by subscribing)|the rest of this (?:article|story) is"
)
HIDDEN_SHARE = _rx(
    r"(?:reste|remain\w*|left|restant\w*).{0,40}?(\d{1,3}(?:[.,]\d+)?)\s?%|(\d{1,3}(?:[.,]\d+)?)\s?%"
    r".{0,40}?(?:reste|remain\w*|left|restant\w*|à lire|to read)"
)

PAYWALL_RULES: tuple[LineRule, ...] = (
    LineRule("paywall_cut", "paywall", PAYWALL_CUT, 300),
    LineRule(
        "subscribers_only",
        "paywall",
        _rx(
            r"(?:réservée?s?|offert|dédiée?s?|exclusi\w+) (?:à nos |aux |pour les )abonnés|abonnés? "
            r"(?:uniquement|seulement)|(?:for|to) (?:our )?(?:paid |paying )?(?:subscribers|members) only\b"
            r"|(?:available|reserved|exclusive(?:ly)?) (?:for|to) (?:our )?(?:paid |paying )?(?:subscribers|members)"
            r"|subscribers?[- ]only|members?[- ]only|premium (?:article|content|story)|article (?:premium|abonné)"
        ),
        250,
    ),
    LineRule(
        "gift_article",
        "paywall",
        _rx(
            r"^(?:cet article vous est offert|article offert|this (?:article|story) is (?:free|a gift)|gift "
            r"(?:this )?article|unlocked article|(?:free|unlocked) for (?:you|everyone))\b"
        ),
        120,
    ),
    LineRule(
        "free_articles_left",
        "paywall",
        _rx(
            r"\b\d+ (?:free |more )?(?:articles?|stories) (?:gratuits? )?(?:left|remaining|restants?)"
            r"|(?:free|gratuits?) (?:articles?|stories) (?:left|remaining|restants?)|articles? gratuits? "
            r"(?:restants?|ce mois)|(?:last|dernier) (?:free )?article (?:gratuit|this month|ce mois)"
        ),
        250,
    ),
    LineRule(
        "subscribe_call",
        "paywall",
        _rx(
            r"déjà abonnée?|already (?:a )?(?:subscriber|member)|abonnez-vous|je m'abonne"
            r"|subscribe (?:now|today|here|for)|become a (?:member|subscriber|supporter)|devenez (?:abonnée?|membre)"
            r"|offre (?:spéciale|d'abonnement|découverte|d'essai)|accès illimité|unlimited (?:digital )?access"
            r"|pour accéder en illimité|(?:sign|log) in to (?:read|continue|access)|connectez-vous pour"
            r"|start (?:your )?free trial|essai gratuit|support (?:our|independent) journalism"
            r"|soutenez (?:notre|le) journalisme"
        ),
        250,
    ),
    # subscription menus and labels: "Gérez votre abonnement", "Le club abonnés", "Subscriber login"
    LineRule(
        "subscription_label",
        "paywall",
        _rx(
            rf"^(?=.*\b{_SUBSCRIBER})(?:s'abonner|abonnez|subscribe|gére[rz]|manage|mon|my|votre|your"
            rf"|(?:l'|le |la )?(?:édition|espace|club|offres?)|accès|access|edition|service|toutes nos|print|digital"
            rf"|e-?edition)\b[^.!?]*$|^(?:s'abonner|je m'abonne|abonnements?|subscribe|subscriptions?|"
            rf"vous n'êtes pas (?:encore )?abonnée?|not (?:yet )?a subscriber\??)$"
        ),
        80,
    ),
    # the reader addressed about a subscription or an account: "Vous n'êtes pas inscrit ?"
    LineRule(
        "subscription_address",
        "paywall",
        _rx(
            rf"^(?!.*[«»“”\"])(?=.*(?:{READER_ADDRESS.pattern}))(?:(?=.*\b{_SUBSCRIBER}){_ACCESS}"
            rf"|(?=.*\b{_ACCOUNT}\b)(?:(?=.{{0,90}}$).*\?|{_ACCESS}))"
        ),
        160,
    ),
    LineRule(
        "device_limit",
        "paywall",
        _rx(
            r"^(?=.*\b(?:(?:un )?(?:autre|seul|plusieurs) appareils?|(?:another|other|one|multiple|several) "
            r"devices?|appareils? à la fois|devices? at (?:a|the same) time)\b)(?=.*\b(?:lire|lecture|read\w*"
            r"|message|compte|account|connect\w*|abonnement|subscription|session)\b)"
        ),
        250,
    ),
    LineRule(
        "restricted_reading",
        "paywall",
        _rx(
            r"^(?:lecture|accès|access|reading|contenu|content) (?:restreinte?|limitée?|restricted|limited|bloquée?)\.?$"
        ),
        60,
    ),
    LineRule(
        "sales_contact",
        "paywall",
        _rx(
            r"(?:merci de|please|veuillez|n'hésitez pas à) contact\w* (?:notre|our|le|the) (?:service|équipe|team)"
            r"|(?:service|équipe) (?:commercial|clients?|abonnements?|abonnés)\b.{0,40}$|customer (?:service|support)"
        ),
        200,
    ),
)


AFTER_PAYWALL_CUT = "after_paywall_cut"
# the rules that say this page withholds (part of) the article, as opposed to subscription ads
RESTRICTION_RULES = frozenset(
    {"paywall_cut", "subscribers_only", "gift_article", "free_articles_left", "device_limit",
     "restricted_reading", AFTER_PAYWALL_CUT}
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# widgets, sharing, related links, newsletters
# --------------------------------------------------------------------------------------------

WIDGET_RULES: tuple[LineRule, ...] = (
    LineRule(
        "video_widget",
        "widget",
        _rx(
            r"^(?:vid[ée]os?|watch|regarder|en vidéo|(?:voir|regarder) la vidéo|watch the video|play video"
            r"|diaporama|voir le diaporama|en images|in pictures|gallery|galerie photos?|podcast|écouter|listen)"
            r"(?:\s+(?:associée|liée|à la une|related|now|more))?\s*(?:[:|–—-]\s*.{0,200})?$"
        ),
        220,
    ),
    LineRule(
        "comments_widget",
        "widget",
        _rx(
            r"^(?:comments?|commentaires?|comentarios?|commenti|kommentare|réactions?|réagir|réagissez"
            r"|discussion|replies|reply|répondre|\d+\s+(?:comments?|commentaires?|comentarios?|réactions?"
            r"|replies|réponses?)|(?:leave|post|add|write|view|show|see|load|read|join)\s+(?:a |the |all |\d+ )?"
            r"(?:comments?|discussion|conversation|reply)|(?:laisser|ajouter|écrire|voir|afficher|lire|poster)"
            r"\s+(?:un |les |le |des |\d+ )?(?:commentaires?|réactions?)|comments? (?:are|is) closed"
            r"|les commentaires sont (?:fermés|clos)|no comments? yet|aucun commentaire|be the first to comment"
            r"|soyez le premier à (?:commenter|réagir)|participer à la discussion)\s*[:.!]?\s*(?:\(\d+\))?$"
        ),
        80,
    ),
    LineRule(
        "newsletter",
        "widget",
        _rx(
            rf"^(?=.*(?:{READER_ADDRESS.pattern}|^(?:get|sign|subscribe|join|receive|recevez|inscrivez|abonnez"
            r"|ne manquez|never|don't|restez|stay|rejoignez)\b))"
            r"(?=.*\b(?:newsletters?|infolettres?|lettre d'information|daily edition|by e-?mail|par e-?mail"
            r"|in your inbox|dans votre boîte|mailing list)\b)(?=.*\b(?:sign(?:ing)? up|subscrib\w*|inscri\w*"
            r"|abonne\w*|recevez|receive|get|never miss|don't miss|ne manquez|s'abonner|join)\b)"
            r"|^[\w'& -]{0,40}\b(?:newsletter|infolettre)s?$|^(?:sign up|inscrivez-vous) (?:to|for|pour|à) "
            r"(?:get|receive|our|recevoir|nos|notre)\b"
        ),
        250,
    ),
    LineRule(
        "read_also",
        "related",
        _rx(
            r"^(?:[àa]\s+)?(?:lire|voir|relire) (?:aussi|également|encore|plus|notre)\b|^(?:read|see) "
            r"(?:more|also|next)\b|^(?:related|also read|further reading|more on this|sur le même (?:sujet|thème)"
            r"|dans la même rubrique|à (?:découvrir|voir) aussi|vous aimerez aussi|you (?:may|might) "
            r"(?:also )?(?:like|enjoy|be interested in)|recommended(?: for you)?|most (?:read|popular|viewed)"
            r"|les plus (?:lus|partagés|commentés)|latest (?:news|stories|articles)|derniers articles"
            r"|top stories|(?:en savoir|learn) plus|learn more|à la une|more stories|plus d'articles"
            r"|articles? (?:liés|similaires|connexes)|related (?:articles?|stories|content|coverage|news|posts?))"
            r"\s*(?:[:|–—-]\s*.{0,200})?$|^[»›]\s*\S(?!.*«)"
        ),
        220,
    ),
    LineRule(
        "language_switch",
        "widget",
        _rx(
            r"^(?:read (?:it |this )?in (?:english|french|spanish|german)|lire en (?:français|anglais|espagnol)"
            r"|version (?:française|anglaise|originale)|(?:english|french) version|en español|leer en español"
            r"|auf deutsch|this (?:article|story) is (?:also )?available in \w+|cet article est (?:aussi |également )?"
            r"disponible en \w+|(?:english|français|español|deutsch)(?:\s*[|/·]\s*(?:english|français|español|deutsch))+)"
            r"\.?$"
        ),
        80,
    ),
    LineRule(
        "reader_feedback",
        "widget",
        _rx(
            r"letters? to the editor|^(?:courrier des lecteurs|(?:écrivez|envoyez|contactez)\b.{0,60}courrier des "
            r"lecteurs)|we (?:want|would like|'d love) to hear (?:from you|what you"
            r" think)|tell us what you think|donnez-nous votre avis|dites-nous ce que vous en pensez|share your "
            r"(?:thoughts|story|views) with us|partagez votre (?:avis|témoignage)|got a (?:news )?tip\b"
        ),
        250,
    ),
    LineRule(
        "follow_us",
        "share",
        _rx(
            r"^(?:follow|suivez|retrouvez|rejoignez|join|like|abonnez-vous à)\b.{0,140}\b(?:twitter|facebook"
            r"|instagram|linkedin|youtube|tiktok|telegram|whatsapp|google news|threads|bluesky|mastodon|snapchat)\b"
        ),
        220,
    ),
    LineRule(
        "app_download",
        "widget",
        _rx(
            r"\b(?:download|téléchargez|get)\b.{0,100}\b(?:apps?|application)\b.{0,60}(?:ios|android|store|play)"
        ),
        220,
    ),
    LineRule(
        "tag_list",
        "navigation",
        _rx(
            r"^(?:tags?|mots[- ]clés?|keywords|topics?|sujets?|thèmes?|catégories?|categor(?:y|ies)|rubriques?"
            r"|filed under|classé dans|posted in|publié dans)\s*(?::.{0,200})?$"
        ),
        220,
    ),
    LineRule(
        "site_navigation",
        "navigation",
        _rx(
            r"^(?:accueil|home|homepage|menu|search|rechercher|recherche|skip to (?:main )?content"
            r"|aller au contenu(?: principal)?|retour(?: en haut| à l'accueil)?|back to top|haut de page"
            r"|(?:previous|next) (?:article|post|story)|article (?:précédent|suivant)|page \d+ (?:of|sur|/) \d+"
            r"|imprimer cet article|print this (?:article|page)|fermer|close|se connecter|log ?in|sign ?in"
            r"|mon compte|my account|s'inscrire|sign up|newsletter|(?:connectez-vous|se connecter|log in|sign in) "
            r"(?:avec|with|via) \w+|ne plus afficher(?: ce message)?|(?:i'm already a fan, )?don't show this again)"
            r"\s*[:»›>]?$"
        ),
        60,
    ),
    LineRule(
        "cookie_notice",
        "boilerplate",
        _rx(
            r"^(?=.*\bcookies?\b)(?=.*\b(?:accept\w*|consent\w*|agree|paramétr\w*|gérer|manage|settings"
            r"|préférences|preferences|en poursuivant|by (?:continuing|using)|en utilisant|(?:we|nous|ce site|this "
            r"(?:site|website)) (?:use|utilis)\w*)\b)"
        ),
        400,
    ),
    LineRule(
        "subscriber_login",
        "paywall",
        _rx(
            r"^(?:vous êtes(?: déjà)?|déjà|êtes-vous|are you(?: already)?|already)\s+(?:an?\s+)?"
            r"(?:abonnée?s?|inscrite?s?|subscribers?|members?)\b"
        ),
        120,
    ),
    LineRule(
        "republication_note",
        "boilerplate",
        _rx(
            r"^(?:cet article|cette (?:dépêche|tribune)|this (?:article|story|post|piece))\s+"
            r"(?:est une reprise|a été (?:initialement |d'abord |originellement )?(?:publié|paru)e?"
            r"|a (?:initialement|d'abord) paru|(?:was |is )?(?:originally|first) (?:appeared|published|ran)"
            r"|(?:was )?republished|is republished|appeared (?:originally|first))"
        ),
        240,
        "tail",  # inside a story, such a sentence is news about the article
    ),
    LineRule(
        "rights_notice",
        "boilerplate",
        _rx(
            r"all rights reserved|tous droits (?:réservés|de reproduction)|(?:reproduction|diffusion) "
            r"(?:interdite|réservée|strictement interdite)|copyrighted property|(?:written )?permission must be "
            r"obtained|may not be (?:published|reproduced|redistributed)|ne peut être reproduit"
        ),
        300,
    ),
)

SHARE_BAR_RULE_NAME = "share_bar"


# --------------------------------------------------------------------------------------------
# captions, credits, sponsors, bios, reading time, bylines, datelines, breadcrumbs
# --------------------------------------------------------------------------------------------

CREDIT_RULES: tuple[LineRule, ...] = (
    LineRule(
        "photo_credit",
        "caption",
        _rx(
            r"^(?:photos?|illustration|crédits? photos?|photo credit)\s+[^\s:]+(?: [^\s:]+){0,3}\s?/\s?\S.{0,60}$|"
            r"^(?:photos?|crédits?(?: photos?)?|credits?|photo credits?|images?(?: d'illustration| illustratives?)?"
            r"|photo d'illustration|illustration|légende|caption"
            r"|source photo|photographie|photograph|picture|pic|vidéo|video credit)\s*(?:credit)?\s*[:：]\s*\S"
        ),
        160,
    ),
    LineRule("copyright_credit", "caption", _rx(r"^(?:©|\(c\)|copyright)\s*\S"), 90),
    LineRule(
        "parenthesised_credit",
        "caption",
        _rx(r"^\((?:photos?|image|credits?|crédits?|pictures?|illustration)\b[^)]{0,150}\)\.?$"),
        160,
    ),
    LineRule(
        "illustrative_image",
        "caption",
        _rx(
            r"^(?:image|photo)s? (?:d'illustration|illustratives?|for illustration(?: purposes)?)\.?$|^illustration\.?$"
        ),
        60,
    ),
    LineRule(
        "agency_credit",
        "caption",
        _rx(rf"^(?=.*(?:photo|©|/|crédit|credit)).{{0,120}}(?:[/©(]|,)\s*{_AGENCY}\)?\.?$"),
        140,
    ),
    # agency caption style: a scene "sur une photo fournie par ...", closed by its date
    LineRule(
        "photo_caption",
        "caption",
        _rx(
            rf"^(?=.*(?:(?:sur|dans) (?:une|cette) (?:photo|image|capture)|(?:photo|image|picture|photograph)s? "
            rf"(?:fournie|diffusée|publiée|prise|provided|released|taken|distributed|handed out|obtained)|\bpictured\b"
            rf"|\bis seen\b|\bare seen\b)).*(?:\ble|\bon)\s+(?:{_WEEKDAY}\s+)?{DATE}\.?$"
        ),
        350,
    ),
)

SPONSOR_RULES: tuple[LineRule, ...] = (
    LineRule(
        "sponsor_label",
        "sponsor",
        _rx(
            r"^(?:sponsored|sponsoris[ée]e?|contenu sponsoris[ée]|contenu partenaire|partner content|paid "
            r"(?:content|post|partnership)|promoted|publicité|advertisement|advertising|annonce|publi-?rédactionnel"
            r"|publireportage|brand content|(?:sponsoris[ée]e?|sponsored|présentée?|presented|proposée?|powered) "
            r"(?:par|by)\b.{0,60}|en partenariat avec\b.{0,60})\s*:?$"
        ),
        90,
    ),
)

# sentences asking for sponsors or disclosing affiliate money, removed inline wherever they stand:
# a trigger word, then the whole sentence around it must hold the disclosure
SPONSOR_TRIGGER = _rx(
    r"\b(?:sponsoring|sponsorship|sponsoris\w*|sponsored|advertis\w+|annonceurs?|affiliat\w*|affilié\w*"
    r"|publicit\w*|partenariats?|commissions?|compensation|rémunér\w+|this (?:post|article) contains?"
    r"|cet article contient)\b"
)
SPONSOR_DISCLOSURE = _rx(
    r"\b(?:contactez-nous|contact us|écrivez-nous|write to us|nous pouvons (?:percevoir|recevoir|toucher)"
    r"|we may (?:earn|receive|get)|we (?:earn|receive)|nous percevons|affiliate links?|liens? affiliés?"
    r"|references to products)\b"
)

READING_TIME = LineRule(
    "reading_time",
    "reading_time",
    _rx(
        r"^(?:(?:temps de |durée de )?lecture|reading time|read time|temps estimé)\s*[:：]?\s*(?:\d+|moins d'une?)"
        r"\s*(?:min(?:ute)?s?|mn)\.?(?:\s*(?:de lecture|read))?\.?$|^\d+\s*(?:min(?:ute)?s?|mn)\.?\s*(?:read|de lecture"
        r"|lecture|reading)\.?$"
    ),
    60,
)

BIO_RULES: tuple[LineRule, ...] = (
    LineRule(
        "about_author",
        "bio",
        _rx(
            r"^(?:about the authors?|à propos de l'auteur(?:e)?|sur l'auteur(?:e)?|l'auteur(?:e)?|the authors?)\s*:?$"
        ),
        40,
        "tail",
    ),
    # a first-person profile at the end: "Passionné et dévoué, j'explore..."
    LineRule(
        "first_person_bio",
        "bio",
        # it opens on who the writer is, then speaks in the first person
        _rx(
            r"^(?!.*[«»“”\"])(?:(?:passionn|dévou|curieu|diplôm|spécialis|fascin|amoureu|journaliste|rédact|blogueu"
            r"|ancien|passionate|dedicated|curious|former|veteran|award-winning)[^.!?]{0,80},\s*(?:je\b|j'|I\b)"
            r"|(?:je suis|i'm|i am) (?:un |une |a |an )?(?:[\w-]+ ){0,2}(?:journaliste|rédact\w+|blogueu\w+"
            r"|auteure?|passionn\w+|consultant\w*|expert\w*|journalist|writer|reporter|editor|blogger|author"
            r"|enthusiast|freelance\w*|pigiste))"
        ),
        600,
        "tail",
    ),
    # a third-person profile at the end: "Jane Doe is a reporter at X covering ..."
    LineRule(
        "third_person_bio",
        "bio",
        re.compile(
            r"^(?:[A-ZÀ-Þ][\w'.-]+\s+){1,4}(?:is|was|est|has been|a été)\s+(?:(?:a|an|the|un|une|le|la|l')\s*)?"
            r"(?:[\w'&-]+\s+){0,5}?(?i:reporter|journalist|correspondent|editor|writer|columnist|contributor"
            r"|author|professor|founder|analyst|fellow|researcher|consultant|journaliste|correspondante?"
            r"|rédact(?:eur|rice)|chroniqueu(?:r|se)|professeure?|fondat(?:eur|rice)|auteure?|chercheu(?:r|se)"
            r"|éditorialiste|analyste|pigiste)\b"
        ),
        600,
        "tail",
    ),
)

BYLINE_LEAD = re.compile(
    r"^[,\s]*(?:(?:par|by|written by|écrit par|texte(?: de| par)?|reporting by|rédigé par|propos "
    r"recueillis par|auteure?\s*:|authors?\s*:)\s+)",
    _I,
)
# lower-case words a name or a byline's trailer may hold: particles, staff nouns, agency joins
BYLINE_WORDS = frozenset(
    "de du des la le les d' von van der den da di del y et and avec with & rédaction redaction staff "
    "newsroom editors correspondant correspondante envoyé envoyée spécial spéciale special correspondent "
    "reporter writer journaliste à in en bureau team équipe service agences agence agencies wires afp".split()
)
GENERIC_AUTHOR = re.compile(
    r"^(?:la rédaction|rédaction|the editors|editorial staff|staff writer|staff|newsroom)\.?$", _I
)
REPORTING_CREDIT = re.compile(
    r"^\(?(?:(?:additional )?reporting|writing|editing|compiled|translated|traduit|traduction|avec) (?:by|par)\b.{0,200}\)?$",
    _I,
)

DATELINE = re.compile(
    rf"^[\s,|·•-]*(?:(?:article|page|texte|story|this (?:article|story|page) was)\s+)?{DATELINE_LEAD}\b[\s:,]*(?:le|on|at|à)?\s*(?:{_WEEKDAY}\s+)?(?:{DATE}|{_TIME}"
    rf"|\d+\s+\w+\s+ago|il y a\s+\d+|(?:le|on|:)?\s*$)",  # a bare "Posted on" whose date was a lost widget
    _I,
)
BARE_DATE = re.compile(rf"^(?:{_WEEKDAY}\s+)?(?:le\s+)?{DATE}(?:\s*(?:à|at|,|-|–|—|\|)?\s*{_TIME})?\.?$", _I)

# "Home > World > Europe", "Accueil / Monde": a short line of short parts between separators
# "»" separates only between spaces and where no "«" opens a quotation
_CRUMB_SEPARATOR = re.compile(r"\s*(?:>|›|\s»\s|/|\||•|·|→|::)\s*")
_CRUMB_HOME = re.compile(
    r"^(?:accueil|home|homepage|start|startseite|inicio|news|actualités?|actu|info|infos|une|à la une)$", _I
)
_CRUMB_LEAD = re.compile(r"^(?:vous êtes ici|you are here|sie sind hier|du bist hier|navigation)\s*:\s*", _I)
# "ActualitésInternational": section names glued together, capital after lower-case
_GLUED_CRUMB = re.compile(r"^(?:[A-ZÀ-Þ][a-zß-ÿ]{2,}){2,5}$")
_CAPITALISED_WORD = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+")
# the section names news sites file stories under, for trails whose separators were lost
SECTION_NAMES = frozenset(
    "actualités actualité actu accueil international monde france europe politique société societe économie "
    "economie culture sport sports sciences science santé planète idées opinions opinion débats tech "
    "technologie médias régions régional justice environnement éducation faits divers people éco lifestyle "
    "news world politics business home us uk local national entertainment health technology climate "
    "opinion sport style travel video vidéo".split()
)


def is_breadcrumb(text: str) -> bool:
    """A navigation trail: separated section names, or section names glued by a lost markup.

    The trail may end on the article's own title, so only the parts before the last are held to
    a few words each."""
    text = _CRUMB_LEAD.sub("", text)
    if len(text) > 160 or text.startswith("|") or text.endswith("|"):  # a table row, not a trail
        return False
    if _GLUED_CRUMB.match(text):
        return any(word.casefold() in SECTION_NAMES for word in _CAPITALISED_WORD.findall(text))
    if "«" in text or "://" in text:
        return False
    parts = [p for p in _CRUMB_SEPARATOR.split(text) if p]
    if len(parts) < 2:
        return False
    sections_short = all(len(p.split()) <= 4 and not re.search(r"[.!?:;,]", p) for p in parts[:-1])
    last_short = len(parts[-1].split()) <= 15 and not parts[-1].endswith(".")
    return sections_short and last_short and (_CRUMB_HOME.match(parts[0]) is not None or len(parts) >= 3)


# --------------------------------------------------------------------------------------------
# inline rules (raw text; spans keep their offsets)
# --------------------------------------------------------------------------------------------

# WordPress shortcodes: paired [name ...]...[/name], or single [name attr=...], or a stray [/name];
# attribute values may be quoted with " ' « » ″ or not at all
SHORTCODE = re.compile(
    r"\[(?P<name>[a-z][a-z0-9_-]*)(?:\s[^\[\]]{0,4000})?\][^\[\]]{0,4000}\[/(?P=name)\]"
    r"|\[[a-z][a-z0-9_-]*\s+[a-z_-]+\s*=[^\[\]]{0,20000}\]|\[/[a-z][a-z0-9_-]*\]"
)
# ![alt](url), ![alt](<url with (parentheses)>), and an empty link [](url)
MARKDOWN_IMAGE = re.compile(
    r"!\[[^\]\n]{0,300}\]\((?:<[^>\n]{0,1000}>|[^)\n]{0,1000})\)|(?<!\w)\[\]\((?:<[^>\n]{0,1000}>|[^)\n]{0,1000})\)"
)
HTML_TAG = re.compile(
    r"</?(?:br|p|div|span|img|a|strong|em|b|i|u|iframe|script|figure|figcaption|ul|ol|li|h[1-6]|section"
    r"|article|source|picture|video)\b[^<>\n]{0,500}/?>",
    _I,
)
INLINE_CREDIT = re.compile(
    r"\s?\((?:photos?|images?|crédits?(?: photos?)?|credits?|pictures?|illustration)\s*(?:by|par|de|:|©|credit:?)"
    r"\s*[^()\n]{1,150}\)|\s?\((?:photo|image)\s*:\s*[^()\n]{1,100}\)",
    _I,
)

INLINE_RULES: tuple[InlineRule, ...] = (
    InlineRule("shortcode", "shortcode", SHORTCODE),
    InlineRule("markdown_image", "markup", MARKDOWN_IMAGE),
    InlineRule("html_tag", "markup", HTML_TAG),
    InlineRule("inline_credit", "caption", INLINE_CREDIT),
    InlineRule("sponsor_sentence", "sponsor", SPONSOR_TRIGGER, SPONSOR_DISCLOSURE),
)

# a bare domain standing alone at the end: the site's name ("Jforum.fr", "BVINEWS.COM")
BARE_DOMAIN = re.compile(
    r"^(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,12})$", _I
)  # a link ("https://x.org/") is not

# every whole-paragraph family applied anywhere in the page, in order of precedence
LINE_RULES: tuple[LineRule, ...] = (
    *WIDGET_RULES,  # before the paywall: "Abonnez-vous à notre newsletter" is a newsletter box
    *PAYWALL_RULES,
    *CREDIT_RULES,
    *SPONSOR_RULES,
    READING_TIME,
    *BIO_RULES,
)


# "© 2024 Le Courrier de l'Europe - Tous droits réservés": the owner named in a rights notice
RIGHTS_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[^|–—,.\d][^|–—,.]{1,58}?)"
    r"\s*(?:[-–—|,.]\s*)?(?:tous droits|all rights)",
    _I,
)

# a bare proper name closing a page ("Joe Biden"): a tag list, not a sentence
TAG_LINE = re.compile(r"^(?:[A-ZÀ-Þ][\w’'-]+)(?:\s+[A-ZÀ-Þ][\w’'-]+){0,3}$")

# the publication a subscription notice names: "inscrit sur Le Monde", "lire Le Monde sur un seul
# appareil", "subscribe to The Economist"
NOTICE_BRAND = re.compile(
    r"\b(?:inscrit(?:e)? sur|abonné(?:e)?s? (?:à|au)|lire|lecture d[eu']|subscribe to|subscriber to|sign in to|read)\s+"
    r"(?P<name>(?:(?:Le|La|Les|L'|The)\s+)?[A-ZÀ-Þ][\w’'&.-]+(?:\s+[A-ZÀ-Þ][\w’'&.-]+){0,3})"
)
