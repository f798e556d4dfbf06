"""What the ``demo`` tenant's programme holds: its settings, charter, campaigns and contents.

Plain data, in the words a French company with a London office would use. Every instant is a
number of days from the moment of seeding (negative: in the past), so the demo always has
content that is live, content that is scheduled and content that has expired.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from app.domain.content.campaigns import CampaignFields, Goals
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.locales import ContentLocale, Media, MediaKind
from app.domain.content.targeting import Targeting
from app.domain.networks import Network

SITE = "https://www.demo.relais.example"
BLOG = "https://blog.demo.relais.example"
EVENTS = "https://events.demo.relais.example"
CDN = "https://cdn.demo.relais.example"
CAREERS = "https://careers.demo-company.example"


def at(present: datetime, days: float) -> datetime:
    """The instant ``days`` after ``present`` (before it when negative)."""
    return present + timedelta(days=days)


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


# Campaigns


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoCampaign:
    slug: str
    name: str
    description: str
    objective: Objective
    created: float
    launched: float | None  # None: still a draft
    starts: float
    ends: float | None
    goals: Goals
    points_multiplier: Decimal = Decimal(1)
    is_challenge: bool = False

    def fields(self, present: datetime) -> CampaignFields:
        return CampaignFields(
            name=self.name,
            slug=self.slug,
            description=self.description,
            objective=self.objective,
            starts_at=at(present, self.starts),
            ends_at=at(present, self.ends) if self.ends is not None else None,
            goals=self.goals,
            points_multiplier=self.points_multiplier,
            is_challenge=self.is_challenge,
        )


TRADE_SHOW = "salon-solutions-terrain"
TALENT_CHALLENGE = "defi-talents-tech"
PLANNER_LAUNCH = "lancement-planner-5"

CAMPAIGNS = (
    DemoCampaign(
        slug=TRADE_SHOW,
        name="Salon Solutions Terrain",
        description="Faire venir prospects et clients sur notre stand du salon Solutions Terrain à Lyon, "
        "puis à notre webinaire sur le pic d'activité de l'hiver.",
        objective=Objective.LEADS,
        created=-55,
        launched=-50,
        starts=-46,
        ends=-30,
        goals=Goals(shares=60, clicks=600, conversions={"lead": 40}),
    ),
    DemoCampaign(
        slug=TALENT_CHALLENGE,
        name="Défi #TalentsTech",
        description="Un mois pour faire connaître nos offres tech et design. Chaque partage compte double, "
        "et les trois ambassadeurs dont les liens amènent le plus de candidatures choisissent une "
        "formation offerte.",
        objective=Objective.RECRUITING,
        created=-14,
        launched=-11,
        starts=-10,
        ends=20,
        goals=Goals(shares=150, clicks=1500, conversions={"job_application": 30}),
        points_multiplier=Decimal(2),
        is_challenge=True,
    ),
    DemoCampaign(
        slug=PLANNER_LAUNCH,
        name="Lancement de Demo Planner 5",
        description="Six semaines pour faire connaître Demo Planner 5 : l'annonce du jour J, les chiffres "
        "de la bêta et la vidéo de démonstration.",
        objective=Objective.AWARENESS,
        created=-3,
        launched=-0.4,
        starts=12,
        ends=42,
        goals=Goals(shares=250, clicks=4000, conversions={"demo_request": 60}),
    ),
)


# Contents


def locale(language: str, title: str, body: str, *, linkedin: str | None = None, x: str | None = None) -> ContentLocale:
    captions = {network: text for network, text in ((Network.LINKEDIN, linkedin), (Network.X, x)) if text}
    return ContentLocale(language=language, title=title, body=body, captions=captions)


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoContent:
    """A content and its story: written by the programme manager (or proposed by an ambassador),
    then sent to review, approved or rejected, archived, on the days given."""

    key: str
    locales: tuple[ContentLocale, ...]
    format: ContentFormat
    objective: Objective | None = None
    topics: tuple[str, ...] = ()
    link_url: str | None = None
    media: tuple[Media, ...] = ()
    targeting: Targeting = field(default_factory=Targeting)
    shareable: bool = True
    pinned: bool = False
    important: bool = False
    campaigns: tuple[str, ...] = ()
    proposed_by: str | None = None  # an ambassador's slug
    written: float
    publish: float | None = None
    expire: float | None = None
    submitted: float | None = None
    approved: float | None = None
    rejected: float | None = None
    reason: str | None = None
    archived: float | None = None

    @property
    def language(self) -> str:
        return self.locales[0].language

    def values(self, present: datetime) -> dict[str, Any]:
        """The fields as CreateContent takes them."""
        return {
            "locales": self.locales,
            "format": self.format,
            "objective": self.objective,
            "topics": self.topics,
            "link_url": self.link_url,
            "media": self.media,
            "targeting": self.targeting,
            "shareable": self.shareable,
            "pinned": self.pinned,
            "important": self.important,
            "publish_at": at(present, self.publish) if self.publish is not None else None,
            "expires_at": at(present, self.expire) if self.expire is not None else None,
        }


_TRADE_SHOW_LINK = f"{EVENTS}/solutions-terrain"
_WEBINAR_LINK = f"{EVENTS}/winter-peak-webinar"
_TECH_JOBS = f"{CAREERS}/tech"
_TESTIMONIALS = f"{CAREERS}/tech/temoignages"
_B_CORP = f"{SITE}/engagements/b-corp"
_CASE_STUDY = f"{SITE}/en/customers/hartley-facilities"
_STUDY = f"{BLOG}/etude-techniciens-itinerants"
_PLANNER_5 = f"{SITE}/planner-5"
_PLANNER_5_FIGURES = f"{SITE}/planner-5/chiffres"
_DESIGNER = f"{CAREERS}/design/product-designer"
_SALES_JOBS = f"{CAREERS}/commercial"

# In the order they were written.
CONTENTS = (
    DemoContent(
        key="trade-show",
        locales=(
            locale(
                "fr",
                "Retrouvez-nous au salon Solutions Terrain à Lyon, stand B12",
                "Pendant deux jours, l'équipe présente Demo Planner au salon Solutions Terrain, à Eurexpo Lyon, "
                "stand B12. Au programme : démonstrations en continu, un atelier sur la planification des "
                "astreintes et les retours d'expérience de trois clients.\n\n"
                "Invitation gratuite sur le site du salon.",
                linkedin="Nous serons au salon Solutions Terrain à Eurexpo Lyon, stand B12 ! Démonstrations de "
                "Demo Planner en continu, atelier sur la planification des astreintes et retours d'expérience "
                f"de trois clients. Votre invitation gratuite : {_TRADE_SHOW_LINK}\n\n#employee #SolutionsTerrain",
                x="Rendez-vous au salon Solutions Terrain à Eurexpo Lyon, stand B12 : démos de Demo Planner et "
                f"atelier sur les astreintes. Invitation gratuite : {_TRADE_SHOW_LINK} #employee",
            ),
        ),
        format=ContentFormat.EVENT,
        objective=Objective.LEADS,
        topics=("events",),
        link_url=_TRADE_SHOW_LINK,
        targeting=Targeting(languages=("fr",)),
        campaigns=(TRADE_SHOW,),
        written=-49,
        submitted=-48,
        approved=-47,
        publish=-46,
        expire=-31,
    ),
    DemoContent(
        key="winter-webinar",
        locales=(
            locale(
                "en",
                "Webinar: getting field teams ready for the winter peak",
                "A 45-minute session with two of our customers on the busiest months of the year: anticipating "
                "call-out volumes, building on-call rotas people can live with, and keeping first-visit fix "
                "rates up when every engineer is stretched.",
                linkedin="Winter is the busiest season for field teams. Join our 45-minute webinar with two "
                "customers on anticipating call-out volumes, fair on-call rotas and keeping first-visit fixes "
                f"high: {_WEBINAR_LINK}\n\n#employee #fieldservice",
                x="Getting field teams ready for the winter peak: a 45-minute webinar with two of our customers. "
                f"Register: {_WEBINAR_LINK} #employee",
            ),
        ),
        format=ContentFormat.EVENT,
        objective=Objective.LEADS,
        topics=("events",),
        link_url=_WEBINAR_LINK,
        targeting=Targeting(languages=("en",)),
        campaigns=(TRADE_SHOW,),
        written=-45,
        submitted=-44,
        approved=-43,
        publish=-42,
        archived=-38,  # the webinar was cancelled
    ),
    DemoContent(
        key="tech-hiring",
        locales=(
            locale(
                "fr",
                "Nous recrutons 12 développeuses et développeurs à Paris et Lyon",
                "Pour accompagner la croissance de Demo Planner, l'équipe technique s'agrandit : 12 postes en CDI, "
                "du backend à la data, à Paris et à Lyon, en hybride (deux jours au bureau par semaine).\n\n"
                "**Au programme :** une stack Python et TypeScript, des mises en production plusieurs fois par "
                "jour, des revues de code en binôme et une semaine par trimestre consacrée aux projets de "
                "l'équipe.\n\n"
                "Vous connaissez quelqu'un que ça pourrait intéresser ? Les candidatures recommandées par nos "
                "équipes sont étudiées en priorité.",
                linkedin="Demo Company recrute 12 développeuses et développeurs en CDI, du backend à la data, à "
                "Paris et à Lyon (hybride, deux jours au bureau). Python, TypeScript, des mises en production "
                "plusieurs fois par jour et une semaine par trimestre pour les projets de l'équipe.\n\n"
                "Si vous cherchez une équipe qui prend le temps de bien faire, toutes les offres sont ici : "
                f"{_TECH_JOBS}\n\n#employee #recrutement #python",
                x="Demo Company recrute 12 développeuses et développeurs en CDI à Paris et Lyon : backend, front, "
                f"data. Python, TypeScript et une semaine par trimestre pour les projets d'équipe. {_TECH_JOBS} "
                "#employee #recrutement",
            ),
            locale(
                "en",
                "We are hiring 12 developers in Paris and Lyon",
                "Demo Planner is growing and so is the engineering team: 12 permanent roles, from backend to "
                "data, in Paris and Lyon, hybrid (two days a week in the office).\n\n"
                "**What to expect:** a Python and TypeScript stack, several releases a day, code reviews in "
                "pairs and one week per quarter for the team's own projects.\n\n"
                "Know someone who would enjoy it? Referrals from our teams are reviewed first.",
                linkedin="Demo Company is hiring 12 developers, from backend to data, in Paris and Lyon (hybrid, "
                "two days a week in the office). Python, TypeScript, several releases a day and one week per "
                "quarter for the team's own projects.\n\n"
                f"If you are looking for a team that takes the time to do things well, every opening is here: "
                f"{_TECH_JOBS}\n\n#employee #hiring #python",
                x="Demo Company is hiring 12 developers in Paris and Lyon: backend, frontend, data. Python, "
                f"TypeScript and one week per quarter for the team's own projects. {_TECH_JOBS} #employee #hiring",
            ),
        ),
        format=ContentFormat.JOB_OFFER,
        objective=Objective.RECRUITING,
        topics=("careers", "engineering"),
        link_url=_TECH_JOBS,
        pinned=True,
        campaigns=(TALENT_CHALLENGE,),
        written=-12,
        submitted=-11,
        approved=-10.5,
        publish=-10,
    ),
    DemoContent(
        key="quarterly-results",
        locales=(
            locale(
                "fr",
                "Un trimestre record pour Demo Company",
                "Chiffre d'affaires en hausse de 38 % sur un an, 60 nouveaux clients et des prévisions encore "
                "meilleures pour la fin de l'année : merci à toutes les équipes !",
                linkedin="Trimestre record chez Demo Company : +38 % de chiffre d'affaires sur un an et 60 "
                "nouveaux clients. Et les prévisions pour la fin de l'année sont encore meilleures ! "
                f"{SITE}/actualites\n\n#employee",
            ),
        ),
        format=ContentFormat.COMPANY_LIFE,
        objective=Objective.AWARENESS,
        topics=("culture",),
        link_url=f"{SITE}/actualites",
        written=-9,
        submitted=-8.8,
        rejected=-8.5,
        reason="Les chiffres du trimestre ne sont pas publics avant la communication financière officielle : "
        "nous ne pouvons pas les relayer, encore moins des prévisions. Proposition : parler des 60 nouveaux "
        "clients sous l'angle des recrutements qu'ils nous permettent.",
    ),
    DemoContent(
        key="developer-testimonial",
        locales=(
            locale(
                "fr",
                "« Ici, on livre le vendredi sans trembler » : Hugo, développeur backend",
                "Hugo a rejoint l'équipe plateforme à Paris il y a trois ans. En deux minutes, il raconte son "
                "quotidien : les revues de code en binôme, des astreintes organisées et rémunérées, et la semaine "
                "de projets d'équipe où il a construit l'outil de simulation de tournées.\n\n"
                "La vidéo est sous-titrée.",
                linkedin="Trois ans chez Demo Company racontés en deux minutes par Hugo, développeur backend : "
                "revues de code en binôme, astreintes organisées et rémunérées, et du temps pour construire ses "
                f"propres outils. Si ça vous parle, on recrute : {_TESTIMONIALS}\n\n#employee #recrutement",
                x="« Ici, on livre le vendredi sans trembler. » Hugo, développeur backend chez Demo Company, "
                f"raconte son quotidien en deux minutes. {_TESTIMONIALS} #employee",
            ),
        ),
        format=ContentFormat.TESTIMONIAL,
        objective=Objective.RECRUITING,
        topics=("careers", "engineering"),
        link_url=_TESTIMONIALS,
        media=(
            Media(
                url=f"{CDN}/videos/temoignage-hugo.mp4",
                kind=MediaKind.VIDEO,
                alt_text="Hugo, développeur backend, présente son équipe dans les bureaux de Paris.",
            ),
        ),
        targeting=Targeting(languages=("fr",)),
        campaigns=(TALENT_CHALLENGE,),
        written=-8,
        submitted=-7.5,
        approved=-6.5,
        publish=-6,
    ),
    DemoContent(
        key="customer-story",
        locales=(
            locale(
                "en",
                "How Hartley Facilities cut travel time by 28%",
                "Hartley Facilities maintains heating and ventilation for 900 buildings across Greater London. "
                "Twelve months after moving its 140 engineers to Demo Planner, travel time is down 28% and "
                "first-visit fixes are up from 71% to 84%.\n\n"
                "Their operations director explains what changed, from the first pilot team to the full rollout.",
                linkedin="140 engineers, 900 buildings across Greater London, and 28% less time on the road. "
                "Hartley Facilities shares how it rolled out Demo Planner, from the first pilot team to the whole "
                f"field force, and why first-visit fixes went from 71% to 84%: {_CASE_STUDY}\n\n"
                "#employee #fieldservice",
                x="Hartley Facilities cut its engineers' travel time by 28% and raised first-visit fixes from 71% "
                f"to 84% with Demo Planner. The full story: {_CASE_STUDY} #employee",
            ),
        ),
        format=ContentFormat.ARTICLE,
        objective=Objective.LEADS,
        topics=("customers",),
        link_url=_CASE_STUDY,
        targeting=Targeting(languages=("en",)),
        written=-6,
        submitted=-5,
        approved=-4.2,
        publish=-4,
    ),
    DemoContent(
        key="b-corp",
        locales=(
            locale(
                "fr",
                "Demo Company obtient la certification B Corp",
                "Après dix-huit mois de travail, Demo Company est certifiée B Corp avec un score de 94,2 points. "
                "La certification reconnaît des engagements concrets : des bureaux alimentés en électricité "
                "renouvelable, un congé parental de seize semaines pour tous les parents et 1 % du temps de "
                "travail consacré au mécénat de compétences.\n\n"
                "Le rapport d'évaluation complet est en ligne, avec nos prochains objectifs.",
                linkedin="Demo Company est désormais certifiée B Corp (94,2 points). Derrière le score : des "
                "bureaux alimentés en électricité renouvelable, seize semaines de congé parental pour tous les "
                "parents et 1 % de notre temps consacré au mécénat de compétences. Une étape dont toute l'équipe "
                f"peut être fière.\n\nLe rapport complet : {_B_CORP}\n\n#employee #BCorp",
                x="Demo Company est certifiée B Corp : électricité renouvelable, 16 semaines de congé parental "
                f"pour tous les parents, 1 % du temps en mécénat de compétences. {_B_CORP} #employee #BCorp",
            ),
            locale(
                "en",
                "Demo Company is now a certified B Corp",
                "After eighteen months of work, Demo Company has been certified as a B Corp with a score of 94.2. "
                "The certification recognises concrete commitments: offices running on renewable electricity, "
                "sixteen weeks of parental leave for every parent and 1% of working time given to skills-based "
                "volunteering.\n\n"
                "The full assessment report is online, with our next goals.",
                linkedin="Demo Company is now a certified B Corp (94.2 points). Behind the score: offices running "
                "on renewable electricity, sixteen weeks of parental leave for every parent and 1% of our time "
                "given to skills-based volunteering. A milestone the whole team can be proud of.\n\n"
                f"The full report: {_B_CORP}\n\n#employee #BCorp",
                x="Demo Company is now a certified B Corp: renewable electricity, 16 weeks of parental leave for "
                f"every parent, 1% of our time for skills-based volunteering. {_B_CORP} #employee #BCorp",
            ),
        ),
        format=ContentFormat.COMPANY_LIFE,
        objective=Objective.AWARENESS,
        topics=("culture",),
        link_url=_B_CORP,
        important=True,
        written=-5,
        submitted=-4.5,
        approved=-3.2,
        publish=-3,
    ),
    DemoContent(
        key="annual-retreat",
        locales=(
            locale(
                "fr",
                "Séminaire annuel : les inscriptions sont ouvertes",
                "Le séminaire annuel aura lieu dans six semaines : deux jours au bord du lac d'Annecy pour toutes "
                "les équipes. Inscrivez-vous sur l'intranet avant la fin du mois ; le transport et l'hébergement "
                "sont pris en charge.\n\n"
                "Cette annonce est réservée aux équipes : elle ne se partage pas sur les réseaux.",
            ),
            locale(
                "en",
                "Annual retreat: registration is open",
                "The annual retreat takes place in six weeks: two days by Lake Annecy for every team. Register on "
                "the intranet before the end of the month; travel and accommodation are covered.\n\n"
                "This announcement is for our teams only: please do not share it on social networks.",
            ),
        ),
        format=ContentFormat.COMPANY_LIFE,
        objective=Objective.ENGAGEMENT,
        topics=("culture",),
        shareable=False,
        written=-3.5,
        submitted=-3,
        approved=-2.2,
        publish=-2,
        expire=42,
    ),
    DemoContent(
        key="planner-5-launch",
        locales=(
            locale(
                "fr",
                "Demo Planner 5 : des tournées qui s'adaptent en temps réel",
                "Demo Planner 5 replanifie automatiquement la journée des techniciens quand une urgence arrive, "
                "qu'une intervention dure plus longtemps que prévu ou qu'un client annule. Les dispatchers "
                "valident en un clic, les clients sont prévenus par SMS.\n\n"
                "Disponible dès aujourd'hui pour tous nos clients, sans surcoût.",
                linkedin="C'est le jour J : Demo Planner 5 est disponible ! Une urgence, une intervention qui "
                "déborde, un client qui annule ? La journée des techniciens se replanifie automatiquement, les "
                f"dispatchers valident en un clic et les clients sont prévenus par SMS. Tout est là : {_PLANNER_5}"
                "\n\n#employee #DemoPlanner5",
                x="Demo Planner 5 est disponible : les tournées de vos techniciens se replanifient en temps réel "
                f"quand une urgence arrive ou qu'un client annule. {_PLANNER_5} #employee #DemoPlanner5",
            ),
            locale(
                "en",
                "Demo Planner 5: routes that adapt in real time",
                "Demo Planner 5 automatically replans technicians' days when an emergency comes in, a job runs "
                "over or a customer cancels. Dispatchers approve in one click and customers are notified by text "
                "message.\n\n"
                "Available to every customer from today, at no extra cost.",
                linkedin="Launch day: Demo Planner 5 is here! An emergency, a job that runs over, a customer who "
                "cancels? Technicians' days are replanned automatically, dispatchers approve in one click and "
                f"customers get a text message. Everything is here: {_PLANNER_5}\n\n#employee #DemoPlanner5",
                x="Demo Planner 5 is out: your technicians' routes replan in real time when an emergency comes in "
                f"or a customer cancels. {_PLANNER_5} #employee #DemoPlanner5",
            ),
        ),
        format=ContentFormat.ARTICLE,
        objective=Objective.AWARENESS,
        topics=("product",),
        link_url=_PLANNER_5,
        campaigns=(PLANNER_LAUNCH,),
        written=-2.8,
        submitted=-1,
        approved=-0.5,
        publish=12,
    ),
    DemoContent(
        key="field-study",
        locales=(
            locale(
                "fr",
                "Étude : les techniciens itinérants passent 1 h 10 par jour sur la route",
                "Notre étude annuelle auprès de 1 200 techniciens de maintenance montre que le temps de trajet "
                "quotidien a augmenté de 12 % en deux ans. Trois leviers ressortent : la planification dynamique "
                "des interventions, leur regroupement par zone et la prise de rendez-vous en ligne.\n\n"
                "L'infographie et la méthodologie complète sont sur le blog.",
                linkedin="1 h 10 par jour sur la route : c'est le temps de trajet moyen des techniciens itinérants "
                "de notre étude annuelle (1 200 répondants), en hausse de 12 % en deux ans. Planification "
                "dynamique, regroupement des interventions par zone, rendez-vous en ligne : les trois leviers qui "
                f"font la différence sont détaillés ici {_STUDY}\n\n#employee #maintenance",
                x="Les techniciens itinérants passent 1 h 10 par jour sur la route, +12 % en deux ans. Notre étude "
                f"auprès de 1 200 techniciens et trois leviers pour réduire les trajets : {_STUDY} #employee",
            ),
            locale(
                "en",
                "Study: field technicians spend 70 minutes a day on the road",
                "Our annual survey of 1,200 maintenance technicians shows daily travel time up 12% in two years. "
                "Three levers stand out: dynamic scheduling, grouping jobs by area and online booking.\n\n"
                "The infographic and the full methodology are on the blog.",
                linkedin="70 minutes a day on the road: that is the average travel time of the field technicians "
                "in our annual survey (1,200 respondents), up 12% in two years. Dynamic scheduling, grouping jobs "
                f"by area, online booking: the three levers that make a difference are explained here {_STUDY}"
                "\n\n#employee #fieldservice",
                x="Field technicians spend 70 minutes a day on the road, up 12% in two years. Our survey of 1,200 "
                f"technicians and three ways to cut travel time: {_STUDY} #employee #fieldservice",
            ),
        ),
        format=ContentFormat.INDUSTRY_NEWS,
        objective=Objective.LEADS,
        topics=("industry", "customers"),
        link_url=_STUDY,
        media=(
            Media(
                url=f"{CDN}/images/etude-techniciens-itinerants.png",
                kind=MediaKind.IMAGE,
                alt_text="Infographie : 1 h 10 de trajet par jour, +12 % en deux ans, trois leviers d'amélioration.",
            ),
        ),
        targeting=Targeting(departments=("Marketing", "Sales")),
        written=-2.5,
        submitted=-2,
        approved=-1.2,
        publish=-1,
    ),
    DemoContent(
        key="planner-5-video",
        locales=(
            locale(
                "fr",
                "Demo Planner 5 en 90 secondes",
                "Script de la vidéo de lancement (version 2).\n\n"
                "1. Une matinée ordinaire : huit interventions planifiées.\n"
                "2. 10 h 12 : une chaudière tombe en panne chez un client prioritaire.\n"
                "3. Demo Planner 5 propose un nouveau planning ; la dispatcheuse le valide en un clic.\n"
                "4. Les clients concernés reçoivent un SMS avec leur nouvel horaire.\n\n"
                "À faire : sous-titres anglais, plan final sur l'application mobile.",
            ),
        ),
        format=ContentFormat.VIDEO,
        objective=Objective.AWARENESS,
        topics=("product",),
        link_url=_PLANNER_5,
        media=(
            Media(
                url=f"{CDN}/videos/planner-5-montage-v2.mp4",
                kind=MediaKind.VIDEO,
                alt_text="Montage provisoire de la vidéo de lancement de Demo Planner 5.",
            ),
        ),
        campaigns=(PLANNER_LAUNCH,),
        written=-2,
        publish=14,
    ),
    DemoContent(
        key="designer-hiring",
        locales=(
            locale(
                "fr",
                "Product designer (F/H) en CDI à Paris",
                "Nous cherchons une ou un product designer pour rejoindre l'équipe produit de Demo Planner à "
                "Paris. Vous concevrez l'application mobile des techniciens avec eux, sur le terrain : chaque "
                "trimestre, l'équipe passe deux jours en intervention avec nos clients.\n\n"
                "Trois ans d'expérience en design d'interfaces, un portfolio et l'envie de comprendre des métiers "
                "très concrets.",
                linkedin="Demo Company cherche une ou un product designer en CDI à Paris pour concevoir "
                "l'application mobile de milliers de techniciens, avec eux et sur le terrain : chaque trimestre, "
                f"l'équipe produit passe deux jours en intervention chez nos clients. Le poste : {_DESIGNER}\n\n"
                "#employee #recrutement #design",
                x="Product designer (F/H) en CDI à Paris : concevoir l'application mobile de milliers de "
                f"techniciens, avec eux, sur le terrain. {_DESIGNER} #employee #recrutement",
            ),
            locale(
                "en",
                "Product designer, permanent role in Paris",
                "We are looking for a product designer to join the Demo Planner product team in Paris. You will "
                "design the technicians' mobile app with them, in the field: every quarter the team spends two "
                "days on jobs with our customers.\n\n"
                "Three years of interface design experience, a portfolio and a taste for very hands-on trades.",
                linkedin="Demo Company is looking for a product designer in Paris to design the mobile app "
                "thousands of technicians use, with them and in the field: every quarter the product team spends "
                f"two days on jobs with our customers. The role: {_DESIGNER}\n\n#employee #hiring #design",
                x="Product designer, permanent role in Paris: design the mobile app of thousands of field "
                f"technicians, with them, in the field. {_DESIGNER} #employee #hiring",
            ),
        ),
        format=ContentFormat.JOB_OFFER,
        objective=Objective.RECRUITING,
        topics=("careers", "design"),
        link_url=_DESIGNER,
        campaigns=(TALENT_CHALLENGE,),
        written=-1.8,
        submitted=-1.5,
        approved=-0.3,
        publish=4,
    ),
    DemoContent(
        key="planner-5-figures",
        locales=(
            locale(
                "fr",
                "Demo Planner 5 en cinq chiffres",
                "Les résultats de six mois de bêta chez 40 clients : 23 % de trajets en moins, 2 heures de "
                "replanification économisées par dispatcher et par jour, 91 % des urgences traitées le jour même, "
                "35 % d'appels clients en moins grâce aux SMS et une note de 4,6/5 pour l'application mobile.",
                linkedin="Six mois de bêta chez 40 clients, cinq chiffres : 23 % de trajets en moins, 2 h de "
                "replanification économisées par dispatcher et par jour, 91 % des urgences traitées le jour même, "
                f"35 % d'appels clients en moins et 4,6/5 pour l'application mobile. {_PLANNER_5_FIGURES}\n\n"
                "#employee #DemoPlanner5",
                x="Demo Planner 5 après six mois de bêta chez 40 clients : 23 % de trajets en moins et 91 % des "
                f"urgences traitées le jour même. {_PLANNER_5_FIGURES} #employee",
            ),
        ),
        format=ContentFormat.INFOGRAPHIC,
        objective=Objective.AWARENESS,
        topics=("product",),
        link_url=_PLANNER_5_FIGURES,
        media=(
            Media(
                url=f"{CDN}/images/planner-5-chiffres.png",
                kind=MediaKind.IMAGE,
                alt_text="Infographie : les cinq chiffres clés de la bêta de Demo Planner 5.",
            ),
        ),
        campaigns=(PLANNER_LAUNCH,),
        written=-1.5,
        submitted=-0.8,
        publish=19,
    ),
    DemoContent(
        key="sales-team-story",
        locales=(
            locale(
                "fr",
                "Trois ans dans l'équipe commerciale de Lyon",
                "Il y a trois ans, je rejoignais l'équipe commerciale de Demo Company à Lyon. Ce que j'en retiens : "
                "des clients qu'on accompagne sur la durée, des techniciens qui nous ouvrent les portes de leur "
                "quotidien, et une équipe qui partage ses réussites comme ses ratés.\n\n"
                "Nous recrutons deux commerciaux terrain en Auvergne-Rhône-Alpes ; écrivez-moi si vous voulez en "
                "parler.",
                linkedin="Trois ans aujourd'hui dans l'équipe commerciale de Demo Company à Lyon ! Des clients "
                "accompagnés sur la durée, des techniciens qui nous ouvrent les portes de leur quotidien et une "
                "équipe qui partage ses réussites comme ses ratés. Nous recrutons deux commerciaux terrain en "
                f"Auvergne-Rhône-Alpes : {_SALES_JOBS}\n\n#employee",
            ),
        ),
        format=ContentFormat.TESTIMONIAL,
        objective=Objective.RECRUITING,
        topics=("careers",),
        link_url=_SALES_JOBS,
        proposed_by="lea",
        written=-0.6,
    ),
)
