"""The contents the ``demo`` programme wrote for its campaigns: the trade show and its webinar,
the tech talent challenge, and the launch of Demo Planner 5."""

from __future__ import annotations

from app.demo.campaign_story import PLANNER_LAUNCH, TALENT_CHALLENGE, TRADE_SHOW
from app.demo.content_story import CAREERS, CDN, EVENTS, SITE, DemoContent, locale
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.locales import Media, MediaKind
from app.domain.content.targeting import Targeting

_TRADE_SHOW_LINK = f"{EVENTS}/solutions-terrain"
_WEBINAR_LINK = f"{EVENTS}/winter-peak-webinar"
_TECH_JOBS = f"{CAREERS}/tech"
_TESTIMONIALS = f"{CAREERS}/tech/temoignages"
_PLANNER_5 = f"{SITE}/planner-5"
_PLANNER_5_FIGURES = f"{SITE}/planner-5/chiffres"
_DESIGNER = f"{CAREERS}/design/product-designer"

# In the order they were written.
CAMPAIGN_CONTENTS = (
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
)
