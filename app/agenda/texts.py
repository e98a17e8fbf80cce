"""What each calendar event says (easy read; English in the catalogue). A date without a term in the
sources is a reminder to ask, and says so."""

from flask_babel import lazy_gettext as _l

SUMMARIES = {
    "ontvangst": _l("Brief van UWV: je aanvraag is aangekomen"),
    "gesprek": _l("Gesprek bij UWV: heb je al een afspraak?"),
    "advies": _l("Advies van UWV: uiterlijk rond deze dag"),
    "besluit": _l("Brief van de gemeente: heb je de beslissing al?"),
    "plek": _l("Een plek om te werken: vraag het de gemeente"),
    "bezwaar": _l("Niet eens met de gemeente? Je hebt 6 weken"),
}

DESCRIPTIONS = {
    "ontvangst": _l("UWV stuurt binnen 5 dagen een brief. Daarin staat dat UWV je aanvraag heeft. "
                    "Heb je geen brief gekregen? Bel UWV."),
    "gesprek": _l("Je praat met een arbeidsdeskundige van UWV. Je mag iemand meenemen. "
                  "Heb je nog geen brief met een afspraak? Bel UWV. "
                  "Deze dag is een herinnering. Het is geen afspraak."),
    "advies": _l("UWV geeft binnen 8 weken advies. Het advies gaat naar de gemeente. Jij krijgt het ook. "
                 "Heb je niets gehoord? Bel UWV."),
    "besluit": _l("Na het advies beslist de gemeente. Je krijgt een brief met de beslissing. "
                  "Daar is geen vaste datum voor. Deze dag is een herinnering. "
                  "Heb je niets gehoord? Bel de gemeente. Vraag wanneer de gemeente beslist."),
    "plek": _l("Zegt de gemeente ja? Dan praat de gemeente met je over werk en over je uren. "
               "De gemeente heeft elk jaar een aantal plekken. Zijn die vol? Dan moet je misschien wachten. "
               "Vraag de gemeente hoe lang."),
    "bezwaar": _l("Ben je het niet eens met de brief van de gemeente? Dan kun je bezwaar maken. "
                  "Dat doe je met een brief aan de gemeente. Dat moet binnen 6 weken. "
                  "De 6 weken beginnen de dag nadat de gemeente de brief stuurt. Kijk dus naar de datum op de brief."),
}

ESTIMATE = _l("Deze datum is een schatting. Lees meer: %(url)s")
CALENDAR_NAME = _l("Na je aanvraag beschut werk")
