"""The ``demo`` programme's contents outside any campaign: company news, a customer story, its
commitments, life at the company, and a story an ambassador proposed."""

from __future__ import annotations

from app.demo.content_story import BLOG, CAREERS, CDN, SITE, DemoContent, locale
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.locales import Media, MediaKind
from app.domain.content.targeting import Targeting

_B_CORP = f"{SITE}/engagements/b-corp"
_CASE_STUDY = f"{SITE}/en/customers/hartley-facilities"
_STUDY = f"{BLOG}/etude-techniciens-itinerants"
_SALES_JOBS = f"{CAREERS}/commercial"

# In the order they were written.
COMPANY_CONTENTS = (
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
