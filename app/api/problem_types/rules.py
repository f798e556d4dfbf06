"""Problem types of the rules of each capability: roster, programme, content and sharing."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from app.api.graphql import errors as gql
from app.api.problem_types.problem_type import of_error
from app.api.rest.problem_members import (
    Cadence,
    CaptionViolations,
    ContentState,
    CurrentCharter,
    FieldErrors,
    ShareLimit,
    Transition,
)
from app.domain import errors as domain
from app.domain.networks import Network
from app.domain.programme import charter
from app.domain.programme.compliance import MAX_REPORTED_VIOLATIONS, Violation, ViolationCode
from app.domain.sharing import refusals as sharing
from app.domain.sharing import tracked_links

_OTHER_ID = UUID("0196a3c2-6a10-7b3e-8c4d-1e2f3a4b5c6d")
_MIDNIGHT = datetime(2030, 1, 2, tzinfo=UTC)

# Roster, programme and content.
EMPLOYEE_NOT_LINKED = of_error(
    domain.EmployeeNotLinked,
    403,
    "Token not linked to an employee",
    means="The token's subject matches no employee of the organisation, by identity-provider subject or "
    "verified e-mail.",
    fix="Ask an admin to record your identity-provider subject (`idp_subject`) on your employee record, or sign "
    "in with the verified e-mail the roster holds.",
    example=domain.EmployeeNotLinked("Your access token is not linked to an employee of this organisation."),
    graphql=gql.NOT_LINKED,
)
SELF_APPROVAL = of_error(
    domain.SelfApproval,
    403,
    "Own content cannot be approved",
    means="Four-eyes review is on: nobody approves content they wrote or last edited.",
    fix="Ask another reviewer to approve it.",
    example=domain.SelfApproval(
        "Four-eyes review is on: someone other than its author or last editor must approve it."
    ),
    graphql=gql.FORBIDDEN,
)
DUPLICATE_VALUE = of_error(
    domain.DuplicateValue,
    409,
    "Value already taken",
    means="Another record already holds this unique value; `errors` names the field.",
    fix="Choose another value for that field, or work on the record that holds it.",
    example=domain.DuplicateValue("email", "Another employee already has this e-mail."),
    rest=FieldErrors.of_duplicate,
    graphql=gql.DUPLICATE_VALUE,
)
INVALID_TRANSITION = of_error(
    domain.InvalidTransition,
    409,
    "Transition not allowed",
    means="The resource's current status does not allow this action.",
    fix="Take one of the `allowed` actions from `current_status` instead (none when the list is empty).",
    example=domain.InvalidTransition("content", "approved", "submitted", ["archive"]),
    rest=Transition.of,
    graphql=gql.INVALID_TRANSITION,
)
EMPLOYEE_TERMINATED = of_error(
    domain.EmployeeTerminated,
    409,
    "Employee has left",
    means="A terminated employee cannot join the ambassador programme.",
    fix="Nothing to retry: invite employees who still work for the organisation.",
    example=domain.EmployeeTerminated("A terminated employee cannot join the ambassador programme."),
    graphql=gql.EMPLOYEE_TERMINATED,
)
ALREADY_AMBASSADOR = of_error(
    domain.AlreadyAmbassador,
    409,
    "Already a member",
    means="This employee already has a membership of the programme.",
    fix="Read the existing membership instead of creating one; a paused one is resumed, a left one rejoined.",
    example=domain.AlreadyAmbassador("This employee is already an ambassador (active)."),
    graphql=gql.ALREADY_AMBASSADOR,
)
NOT_AN_AMBASSADOR = of_error(
    domain.NotAnAmbassador,
    409,
    "Not an active member",
    means="The caller has not joined the programme, was only invited, paused, or left it.",
    fix="Opt in to the programme (`detail` says how); a paused membership is resumed by a programme manager.",
    example=domain.NotAnAmbassador("You have not joined the ambassador programme; opt in first."),
    graphql=gql.NOT_AN_AMBASSADOR,
)
CADENCE_EXCEEDED = of_error(
    domain.CadenceExceeded,
    409,
    "Weekly content budget exceeded",
    means="Approving would put more shareable contents than `weekly_content_budget` in front of the same "
    "ambassadors within seven days; `conflicting_contents` are the others live in `window`.",
    fix="Move its publication out of `window`, narrow its audience, archive one of `conflicting_contents`, or "
    "(admins) approve with `override_cadence: true`.",
    example=domain.CadenceExceeded(
        "Approving would put 4 shareable contents in front of the same ambassadors within seven days; the "
        "programme allows 3.",
        conflicting=[_OTHER_ID],
        window_start=datetime(2030, 1, 1, tzinfo=UTC),
        window_end=datetime(2030, 1, 8, tzinfo=UTC),
        budget=3,
    ),
    rest=Cadence.of,
    graphql=gql.CADENCE_EXCEEDED,
)
CONVERSION_CONFLICT = of_error(
    domain.ConversionConflict,
    409,
    "Conversion reported with other details",
    means="A conversion with this `type` and `external_id` was already recorded with different details.",
    fix="Send exactly the same details to repeat a report, or a new `external_id` for a new conversion.",
    example=domain.ConversionConflict("lead", "crm-lead-8812"),
    graphql=gql.CONVERSION_CONFLICT,
)
CHARTER_VERSION_NOT_CURRENT = of_error(
    charter.CharterVersionNotCurrent,
    409,
    "Charter version not in force",
    means="Only the charter version in force can be accepted; `current_version` is its number (null when none is "
    "published).",
    fix="Read the charter in force and accept `current_version`.",
    example=charter.CharterVersionNotCurrent("Version 2 is not the charter in force; accept version 3.", 3),
    rest=CurrentCharter.of_version,
    graphql=gql.CHARTER_VERSION_NOT_CURRENT,
)
CHARTER_NOT_PUBLISHED = of_error(
    charter.CharterNotPublished,
    404,
    "No charter published",
    means="The programme has no charter yet.",
    fix="An admin publishes its first version; until then, nothing needs accepting.",
    example=charter.CharterNotPublished(),
    graphql=gql.NOT_FOUND,
)

# Sharing.
CHARTER_ACCEPTANCE_REQUIRED = of_error(
    sharing.CharterAcceptanceRequired,
    409,
    "Charter acceptance required",
    means="The ambassador has not accepted the charter in force, `current_version`.",
    fix="Read the charter in force, accept `current_version`, then share again.",
    example=sharing.CharterAcceptanceRequired(3),
    rest=CurrentCharter.of_acceptance,
    graphql=gql.CHARTER_ACCEPTANCE_REQUIRED,
)
NETWORK_NOT_ENABLED = of_error(
    sharing.NetworkNotEnabled,
    422,
    "Network not enabled",
    means="The programme does not share on this network.",
    fix="Share on one of the networks the programme's settings enable.",
    example=sharing.NetworkNotEnabled(Network.TIKTOK),
    rest=FieldErrors.of,
    graphql=gql.VALIDATION,
)
NETWORK_NOT_CONNECTED = of_error(
    sharing.NetworkNotConnected,
    422,
    "Network not connected",
    means="The ambassador has no account connected for this network.",
    fix="Connect an account on that network to your profile, then share.",
    example=sharing.NetworkNotConnected(Network.LINKEDIN),
    rest=FieldErrors.of,
    graphql=gql.VALIDATION,
)
CONTENT_NOT_PUBLISHED = of_error(
    sharing.ContentNotPublished,
    409,
    "Content not published",
    means="Only published content can be shared; `content_status` is where this one stands.",
    fix="Share it once it is published, or pick published content from your feed.",
    example=sharing.ContentNotPublished("approved"),
    rest=ContentState.of,
    graphql=gql.CONTENT_NOT_PUBLISHED,
)
CONTENT_NOT_SHAREABLE = of_error(
    sharing.ContentNotShareable,
    409,
    "Content is for reading only",
    means="Its editors did not make this content shareable.",
    fix="Share another content; this one is internal news.",
    example=sharing.ContentNotShareable(),
    graphql=gql.CONTENT_NOT_SHAREABLE,
)
CONTENT_WITHOUT_LINK = of_error(
    sharing.ContentWithoutLink,
    409,
    "Content has no link",
    means="The content has no link, so there is nothing to track.",
    fix="Share another content, or ask its editors to give it a link.",
    example=sharing.ContentWithoutLink(),
    graphql=gql.CONTENT_NOT_SHAREABLE,
)
CONTENT_NOT_TARGETED = of_error(
    sharing.ContentNotTargeted,
    403,
    "Content meant for another audience",
    means="The content targets departments, locations or languages that do not include the ambassador.",
    fix="Share content from your feed: it lists what is meant for you.",
    example=sharing.ContentNotTargeted(),
    graphql=gql.FORBIDDEN,
)
CAPTION_NOT_COMPLIANT = of_error(
    sharing.CaptionNotCompliant,
    422,
    "Caption breaks the programme's rules",
    means="The caption, as it would be posted (followed by the tracked link), breaks a blocking rule; "
    f"`violations` lists the rules it breaks, warnings included (at most {MAX_REPORTED_VIOLATIONS}, "
    "blocking ones first; `total_violations` counts them all).",
    fix="Change the caption where `violations` point (`start`, `end`), or check it before sharing.",
    example=sharing.CaptionNotCompliant(
        [Violation(code=ViolationCode.BANNED_TERM, detail="Remove the banned term 'secret'.", start=12, end=18)]
    ),
    rest=CaptionViolations.of_caption,
    graphql=gql.CAPTION_NOT_COMPLIANT,
)
SHARE_LIMIT_REACHED = of_error(
    sharing.ShareLimitReached,
    409,
    "Daily share limit reached",
    means="Today's shares on this network reached the programme's daily `limit`.",
    fix="Share on this network again after `resets_at` (midnight UTC), or on another network.",
    example=sharing.ShareLimitReached(Network.LINKEDIN, 5, _MIDNIGHT),
    rest=ShareLimit.of,
    graphql=gql.SHARE_LIMIT_REACHED,
)
SHARE_NOT_POSTED = of_error(
    sharing.ShareNotPosted,
    409,
    "Share not posted",
    means="Engagement is recorded for posted shares only.",
    fix="Confirm the share once it is posted, then report its engagement.",
    example=sharing.ShareNotPosted("intent"),
    graphql=gql.SHARE_NOT_POSTED,
)
TRACKED_LINK_NOT_FOUND = of_error(
    tracked_links.TrackedLinkNotFound,
    404,
    "Unknown tracked link",
    means="No share has this tracked link, or the text cannot be one.",
    fix="Check that the link was copied whole.",
    example=tracked_links.TrackedLinkNotFound(),
    graphql=gql.NOT_FOUND,
)
TRACKED_LINK_GONE = of_error(
    tracked_links.TrackedLinkGone,
    410,
    "Tracked link withdrawn",
    means="The share was cancelled or its content archived: the link leads nowhere any more.",
    fix="Nothing to retry; the content is no longer offered.",
    example=tracked_links.TrackedLinkGone(),
)
