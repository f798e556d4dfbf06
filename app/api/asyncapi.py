"""The catalogue of outgoing webhooks as an AsyncAPI 3 document: every event type an endpoint may
want (from ``app.domain.events``), each in the same signed envelope. ``relais openapi export`` writes
it to ``openapi/asyncapi.yaml``; a test fails when the committed file differs."""

from __future__ import annotations

from typing import Any

import yaml

from app.domain.events import EventType
from app.domain.webhooks.deliveries import ENVELOPE_VERSION
from app.domain.webhooks.event_patterns import deliverable_types

# What each event tells, in one line; the docs page of its capability lists its data.
SUMMARIES: dict[str, str] = {
    EventType.EMPLOYEE_CREATED: "An employee was added to the roster.",
    EventType.EMPLOYEE_UPDATED: "An employee's profile changed; `fields` names what changed.",
    EventType.EMPLOYEE_TERMINATED: "An employee left the organisation.",
    EventType.EMPLOYEE_REHIRED: "An employee who had left was hired again.",
    EventType.AMBASSADOR_INVITED: "An employee was invited to the programme.",
    EventType.AMBASSADOR_JOINED: "An employee opted in to the programme.",
    EventType.AMBASSADOR_PAUSED: "An ambassador paused their membership.",
    EventType.AMBASSADOR_RESUMED: "An ambassador resumed their membership.",
    EventType.AMBASSADOR_LEFT: "An ambassador left the programme.",
    EventType.TENANT_CREATED: "The organisation was created.",
    EventType.SETTINGS_UPDATED: "The programme's settings changed.",
    EventType.CHARTER_PUBLISHED: "A new version of the programme's charter was published.",
    EventType.CHARTER_ACCEPTED: "An ambassador accepted a version of the charter.",
    EventType.CONTENT_SUBMITTED: "A content was submitted for review.",
    EventType.CONTENT_APPROVED: "A content was approved: it can be shared.",
    EventType.CONTENT_REJECTED: "A content was rejected, with the reason.",
    EventType.CONTENT_ARCHIVED: "A content was archived.",
    EventType.CAMPAIGN_LAUNCHED: "A campaign was launched.",
    EventType.CAMPAIGN_ARCHIVED: "A campaign was archived.",
    EventType.SHARE_CREATED: "An ambassador intends to share a content on a network.",
    EventType.SHARE_POSTED: "An ambassador posted a share; `post_url` is the post's address.",
    EventType.SHARE_CANCELLED: "An ambassador gave up a share they intended.",
    EventType.SHARE_ENGAGEMENT_RECORDED: "A share's engagement (reactions, comments, reposts) was recorded.",
    EventType.CONVERSION_RECORDED: "A conversion (lead, application, sign-up) was reported.",
    EventType.CONVERSION_ATTRIBUTED: "A conversion was credited to a share.",
    EventType.CONVERSION_INVALIDATED: "A conversion was invalidated.",
    EventType.POINTS_AWARDED: "Points were awarded to an ambassador.",
    EventType.POINTS_REVERSED: "Points awarded earlier were reversed.",
    EventType.REDEMPTION_REQUESTED: "An ambassador asked to redeem points for a reward.",
    EventType.REDEMPTION_APPROVED: "A redemption was approved.",
    EventType.REDEMPTION_REJECTED: "A redemption was rejected.",
    EventType.REDEMPTION_CANCELLED: "A redemption was cancelled.",
    EventType.REDEMPTION_FULFILLED: "A redemption's reward was handed over.",
    EventType.DONATION_MADE: "An ambassador gave points to an association.",
    EventType.KUDOS_SENT: "An ambassador sent kudos to another.",
    EventType.BADGE_EARNED: "An ambassador earned a badge.",
    EventType.CHALLENGE_ENDED: "A challenge ended, with its results.",
    EventType.NOTIFICATION_CREATED: "A person was notified; `devices` holds their push tokens for the "
    "organisation's own notifier (none during their quiet hours).",
    EventType.DIGEST_PREPARED: "A member's weekly digest (new contents for them, their impact) is ready for "
    "the organisation's mailer.",
    EventType.WEBHOOK_ENDPOINT_DISABLED: "A webhook endpoint was disabled after every attempt failed for days.",
    EventType.WEBHOOK_ENDPOINT_PINGED: "A test ping an admin sent to one endpoint (never to the others).",
    EventType.INVITATION_WAVE_LAUNCHED: "Staff invited a wave of employees, followed as a cohort.",
    EventType.REFERRAL_MADE: "An ambassador invited a colleague to the programme.",
    EventType.REFERRAL_CREDITED: "A referred colleague joined: the referral is credited to its ambassador.",
    EventType.TRAINING_MODULE_PUBLISHED: "A training module was published for ambassadors.",
    EventType.TRAINING_COMPLETED: "An ambassador completed a training module.",
    EventType.SURVEY_OPENED: "A survey was opened to its audience.",
    EventType.SURVEY_CLOSED: "A survey was closed: it takes no more answers.",
    EventType.SURVEY_ANSWERED: "An ambassador answered a survey (never the answer itself).",
    EventType.IDEA_SUBMITTED: "An ambassador suggested a topic in the idea box.",
    EventType.IDEA_ACCEPTED: "Staff accepted an idea: it became a draft content.",
    EventType.IDEA_DECLINED: "Staff declined an idea, with the reason.",
    EventType.CONTENT_RECALLED: "A content was recalled, with the reason; its posts are to be taken down.",
    EventType.TAKEDOWN_REQUESTED: "A posted share of a recalled content is to be taken down by its ambassador.",
    EventType.TAKEDOWN_CONFIRMED: "An ambassador confirmed they removed their post of a recalled content.",
    EventType.SPACE_POST_PUBLISHED: "A post was published in the community space (`flagged`: it holds "
    "sensitive terms).",
    EventType.SPACE_COMMENT_POSTED: "A comment was posted on a post of the community space.",
    EventType.SPACE_POST_REACTED: "Someone reacted to a post of the community space.",
    EventType.SPACE_ANSWER_ACCEPTED: "A question of the community space has its accepted answer (`comment_id`).",
    EventType.SPACE_ITEM_MODERATED: "A moderator hid or restored a post or comment of the community space, "
    "with the reason.",
}


def _envelope() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "The envelope every event travels in; its shape changes only with `envelope_version`.",
        "required": ["envelope_version", "type", "id", "occurred_at", "tenant", "resource", "data"],
        "properties": {
            "envelope_version": {"type": "integer", "const": ENVELOPE_VERSION},
            "type": {"type": "string", "description": "The event type, `resource.past_tense_verb`."},
            "id": {
                "type": "string",
                "format": "uuid",
                "description": "The event's id (UUIDv7), also the `webhook-id` header: the same on every retry.",
            },
            "occurred_at": {"type": "string", "format": "date-time", "description": "When it happened (UTC)."},
            "tenant": {"type": "string", "format": "uuid", "description": "The organisation's id."},
            "resource": {
                "type": "object",
                "description": "What the event is about.",
                "required": ["type", "id", "version"],
                "properties": {
                    "type": {"type": "string", "description": "The resource's kind: the event type's first part."},
                    "id": {"type": ["string", "null"], "description": "The resource's id."},
                    "version": {
                        "type": ["integer", "null"],
                        "description": "Its version after the change: order events about one resource by it "
                        "(null for records that never change).",
                    },
                },
            },
            "data": {"type": "object", "description": "The event's own fields."},
        },
    }


def _headers() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "Standard Webhooks headers: verify them with a Standard Webhooks library and the "
        "endpoint's `whsec_` secret.",
        "required": ["webhook-id", "webhook-timestamp", "webhook-signature"],
        "properties": {
            "webhook-id": {"type": "string", "description": "The event's id; the same on every retry and replay."},
            "webhook-timestamp": {"type": "string", "description": "When this attempt was signed (Unix seconds)."},
            "webhook-signature": {
                "type": "string",
                "description": "`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`; one per valid secret, "
                "separated by spaces, during a rotation.",
            },
        },
    }


def _message(event_type: str) -> dict[str, Any]:
    return {
        "name": event_type,
        "title": event_type,
        "summary": SUMMARIES[event_type],
        "contentType": "application/json",
        "headers": {"$ref": "#/components/schemas/StandardWebhookHeaders"},
        "payload": {
            "allOf": [
                {"$ref": "#/components/schemas/Envelope"},
                {"type": "object", "properties": {"type": {"const": event_type}}},
            ]
        },
    }


def asyncapi_document() -> dict[str, Any]:
    types = (*deliverable_types(), EventType.WEBHOOK_ENDPOINT_PINGED.value)
    channel_messages = {name: {"$ref": f"#/components/messages/{name}"} for name in types}
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Relais outgoing webhooks",
            "version": str(ENVELOPE_VERSION),
            "description": "The events Relais POSTs to the webhook endpoints an organisation's admins register "
            "(`/v1/webhook-endpoints`), signed as Standard Webhooks says. See docs/webhooks.md.",
        },
        "defaultContentType": "application/json",
        "channels": {
            "webhookEndpoint": {
                "address": "{endpointUrl}",
                "title": "A webhook endpoint",
                "description": "The https URL an admin registered; it receives the event types it wants.",
                "parameters": {"endpointUrl": {"description": "The endpoint's URL."}},
                "messages": channel_messages,
            }
        },
        "operations": {
            "sendEvent": {
                "action": "send",
                "title": "Deliver an event",
                "description": "POST one event to an endpoint; any 2xx within the timeout takes it, anything else "
                "is retried over about three days with the same webhook-id.",
                "channel": {"$ref": "#/channels/webhookEndpoint"},
                "messages": [{"$ref": f"#/channels/webhookEndpoint/messages/{name}"} for name in types],
            }
        },
        "components": {
            "schemas": {"Envelope": _envelope(), "StandardWebhookHeaders": _headers()},
            "messages": {name: _message(name) for name in types},
        },
    }


def asyncapi_yaml() -> str:
    return yaml.safe_dump(asyncapi_document(), sort_keys=False, allow_unicode=True, width=120)
