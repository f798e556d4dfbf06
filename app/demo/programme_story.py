"""What the ``demo`` tenant's programme holds: its settings and charter here, its campaigns and
contents in ``campaign_story.py``, ``campaign_content_story.py`` and ``company_content_story.py``.

Plain data, in the words a French company with a London office would use. Every instant is a
number of days from the moment of seeding (negative: in the past), so the demo always has
content that is live, content that is scheduled and content that has expired.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.demo.campaign_content_story import CAMPAIGN_CONTENTS
from app.demo.company_content_story import COMPANY_CONTENTS

# Programme settings, as an admin sends them to PATCH /v1/settings.
SETTINGS: dict[str, Any] = {
    "networks": ["linkedin", "x", "facebook"],
    "link_domains": [
        {"domain": "demo.relais.example", "include_subdomains": True},
        {"domain": "careers.demo-company.example", "include_subdomains": False},
    ],
    "disclosures": {"linkedin": "#employee", "x": "#employee"},
    "banned_terms": [
        "confidentiel",
        "confidential",
        "usage interne",
        "internal use only",
        "rendement garanti",
        "guaranteed returns",
    ],
    "sensitive_terms": ["rachat", "takeover", "licenciement", "layoff", "prévisions", "forecast", "concurrent"],
    "default_language": "fr",
    # The engagement rates of the company's own LinkedIn page and X account, to compare the ambassadors' with.
    "brand_engagement_rates": {"linkedin": 0.021, "x": 0.0045},
}


# The charter


_RULES_FR = (
    "**Dites que vous travaillez chez nous.** Ajoutez #employee à vos publications LinkedIn et X.",
    "**Restez vous-même.** Les textes proposés sont des suggestions : reformulez-les librement.",
    "**Ne partagez que ce qui est public.** Aucun chiffre non publié, aucun document interne, aucun nom "
    "de client sans son accord écrit.",
    "**Restez courtois.** Ne répondez pas aux critiques au nom de l'entreprise : transmettez-les à "
    "l'équipe communication, qui vous répondra dans la journée.",
    "**Vous pouvez arrêter à tout moment**, depuis votre profil, sans avoir à vous justifier.",
)
_RULES_EN = (
    "**Say that you work here.** Add #employee to your LinkedIn and X posts.",
    "**Be yourself.** The suggested texts are suggestions: rewrite them as you like.",
    "**Share only what is public.** No unpublished figures, no internal documents, no customer's name "
    "without their written consent.",
    "**Stay courteous.** Do not answer criticism on the company's behalf: pass it on to the "
    "communications team, who will get back to you the same day.",
    "**You can stop at any time**, from your profile, without giving a reason.",
)
_AI_RULE_FR = (
    "**Relisez ce qu'un outil d'IA écrit pour vous.** Vous restez l'auteur de vos publications ; "
    "ne publiez pas de photo de nos locaux où figurent des écrans ou des tableaux blancs."
)
_AI_RULE_EN = (
    "**Proofread what an AI tool writes for you.** You remain the author of your posts; do not "
    "post photos of our offices that show screens or whiteboards."
)


def _charter(rules_fr: tuple[str, ...], rules_en: tuple[str, ...]) -> str:
    def numbered(rules: tuple[str, ...]) -> str:
        return "\n".join(f"{number}. {rule}" for number, rule in enumerate(rules, start=1))

    return (
        "# Charte des ambassadeurs\n\n"
        "Le programme est volontaire : vous partagez ce qui vous parle, quand vous le voulez, "
        "sur vos propres comptes.\n\n"
        f"{numbered(rules_fr)}\n\n---\n\n"
        "# Ambassador charter\n\n"
        "Joining is voluntary: you share what speaks to you, when you want, on your own accounts.\n\n"
        f"{numbered(rules_en)}\n"
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoCharterVersion:
    published: float
    title: str
    body: str
    summary: str | None
    # (day, slug of the ambassador who accepted this version then)
    accepted_by: tuple[tuple[float, str], ...]


CHARTER = (
    DemoCharterVersion(
        published=-60,
        title="Charte des ambassadeurs Demo Company",
        body=_charter(_RULES_FR, _RULES_EN),
        summary="Première version. / First version.",
        accepted_by=((-59, "hugo"), (-57, "lea")),
    ),
    DemoCharterVersion(
        published=-14,
        title="Charte des ambassadeurs Demo Company",
        body=_charter((*_RULES_FR, _AI_RULE_FR), (*_RULES_EN, _AI_RULE_EN)),
        summary="Ajout d'une règle sur les textes écrits avec l'IA et les photos des locaux. / "
        "New rule on texts written with AI and on photos of our offices.",
        accepted_by=((-13, "camille"), (-12.5, "lea"), (-9, "amelia")),
    ),
)


# Every content, in the order they were written.
CONTENTS = tuple(sorted((*CAMPAIGN_CONTENTS, *COMPANY_CONTENTS), key=lambda content: content.written))
