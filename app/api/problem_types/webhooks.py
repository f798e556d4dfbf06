"""Problem types of outgoing webhooks."""

from __future__ import annotations

from app.api.graphql import errors as gql
from app.api.problem_types.problem_type import of_error
from app.api.rest.problem_members import FieldErrors
from app.domain.messages import Message
from app.domain.webhooks.addresses import UnsafeWebhookUrl

WEBHOOK_URL_REFUSED = of_error(
    UnsafeWebhookUrl,
    422,
    "Webhook URL refused",
    means="The endpoint's URL is not https, carries credentials, or its host names or resolves to an internal "
    "address (loopback, private, link-local such as the cloud metadata address 169.254.169.254, shared or "
    "reserved). Nothing was written.",
    fix="Give the https URL of a receiver reachable on the public internet; during development, operators list "
    "local receivers' host names in RELAIS_WEBHOOK_ALLOWED_HOSTS.",
    example=UnsafeWebhookUrl(
        Message("{address} is an internal address (loopback, private, link-local or reserved).", address="127.0.0.1")
    ),
    rest=FieldErrors.of,
    graphql=gql.VALIDATION,
)
