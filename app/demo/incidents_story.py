"""The demo's incident: Amelia's LinkedIn post of the customer story presents her own opinion of a
competitor as the company's. A moderator flags the share, assesses it as a minor slip of personal
expression, sends her a discreet reminder (which the worker puts in her notifications) and resolves
it once she edited the post. Plain data, told by ``app/demo/seed_incidents.py``; days from the seeding."""

from __future__ import annotations

from app.demo.sharing_story import SHARES

MODERATOR_SUBJECT = "demo|moderator"
MODERATOR_EMAIL = "moderator@demo.relais.example"

FLAGGED_SHARE = "amelia-customer-story"
FLAGGED_POST_URL = next(share.post_url for share in SHARES if share.key == FLAGGED_SHARE)

REPORTED = -0.9
ASSESSED = -0.88
REMINDED = -0.85
RESOLVED = -0.5

SUMMARY = (
    "Amelia's post of the customer story adds that our main competitor's product 'does not work', "
    "which reads as the company's position."
)
ASSESSMENT_NOTE = "Her own opinion, worded as the company's; first slip, the post is otherwise accurate."
REMINDER = (
    "Hi Amelia, thank you for sharing the customer story! One sentence about a competitor reads as if the "
    "company said it: could you edit it, or say it is your own view? The charter has more on this."
)
REMINDER_NOTE = "Discreet reminder, nothing more for a first minor slip."
OUTCOME = "Amelia edited the post the same day; no further action."
