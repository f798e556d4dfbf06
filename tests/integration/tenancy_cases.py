"""The cross-tenant case of every id-taking route: which table its resource lives in, who calls it and
what they send (``test_tenancy.py`` aims each route at the other tenant's resource)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Route = tuple[str, str]
CONTENT = {"title": "Nous recrutons", "body": "Rejoignez-nous.", "format": "job_offer"}
CAMPAIGN = {"name": "Printemps", "slug": "printemps", "starts_at": "2030-03-01T00:00:00Z"}
SHAREABLE = CONTENT | {"link_url": "https://acme.example/jobs"}
ENGAGEMENT = {"observed_at": "2026-01-01T00:00:00Z", "impressions": 5, "reactions": 1, "comments": 0, "reshares": 0}


@dataclass(frozen=True, slots=True)
class CrossTenantCase:
    """How to aim a route at a resource: the table it lives in, who may call it, what to send.

    ``resource`` names which of a side's resources in that table (the table's name by default);
    ``others`` gives each further path parameter as a resource of the caller's own side.
    """

    table: str
    caller: str
    body: dict[str, Any] | None = None
    success: int = 200
    resource: str | None = None
    others: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        return self.resource or self.table


CASES: dict[Route, CrossTenantCase] = {
    ("GET", "/v1/employees/{employee_id}"): CrossTenantCase("employees", "admin"),
    ("PATCH", "/v1/employees/{employee_id}"): CrossTenantCase("employees", "admin", {"department": "Taken over"}),
    ("POST", "/v1/employees/{employee_id}/terminate"): CrossTenantCase(
        "employees", "integrator", {"terminated_on": "2025-01-31"}
    ),
    ("GET", "/v1/ambassadors/{ambassador_id}"): CrossTenantCase("ambassadors", "manager"),
    ("GET", "/v1/ambassadors/{ambassador_id}/badges"): CrossTenantCase("ambassadors", "manager"),
    ("PATCH", "/v1/ambassadors/{ambassador_id}"): CrossTenantCase(
        "ambassadors", "manager", {"status": "paused", "notes": "Taken over"}
    ),
    ("DELETE", "/v1/me/social-accounts/{account_id}"): CrossTenantCase("social_accounts", "member", success=204),
    ("PATCH", "/v1/me/social-accounts/{account_id}"): CrossTenantCase(
        "social_accounts", "member", {"audience_size": 5}
    ),
    ("GET", "/v1/me/social-accounts/{account_id}/audience"): CrossTenantCase("social_accounts", "member"),
    ("GET", "/v1/programme-costs/{cost_id}"): CrossTenantCase("programme_costs", "manager"),
    # Roster imports
    ("GET", "/v1/roster-imports/{import_id}"): CrossTenantCase("roster_imports", "integrator"),
    ("GET", "/v1/roster-imports/{import_id}/errors"): CrossTenantCase("roster_imports", "admin"),
    ("POST", "/v1/roster-imports/{import_id}/apply"): CrossTenantCase("roster_imports", "integrator", {}),
    ("PATCH", "/v1/programme-costs/{cost_id}"): CrossTenantCase("programme_costs", "admin", {"amount_minor": 1}),
    ("DELETE", "/v1/programme-costs/{cost_id}"): CrossTenantCase("programme_costs", "admin", success=204),
    ("GET", "/v1/contents/{content_id}"): CrossTenantCase("contents", "admin"),
    ("PATCH", "/v1/contents/{content_id}"): CrossTenantCase("contents", "admin", {"title": "Taken over"}),
    ("GET", "/v1/contents/{content_id}/history"): CrossTenantCase("contents", "admin"),
    ("POST", "/v1/contents/{content_id}/submit"): CrossTenantCase("contents", "manager"),
    ("POST", "/v1/contents/{content_id}/approve"): CrossTenantCase("contents", "admin", resource="in_review"),
    ("POST", "/v1/contents/{content_id}/reject"): CrossTenantCase(
        "contents", "admin", {"reason": "Taken over"}, resource="in_review"
    ),
    ("POST", "/v1/contents/{content_id}/archive"): CrossTenantCase("contents", "manager"),
    ("GET", "/v1/campaigns/{campaign_id}"): CrossTenantCase("campaigns", "manager"),
    ("GET", "/v1/campaigns/{campaign_id}/progress"): CrossTenantCase("campaigns", "manager"),
    ("PATCH", "/v1/campaigns/{campaign_id}"): CrossTenantCase("campaigns", "manager", {"name": "Taken over"}),
    ("POST", "/v1/campaigns/{campaign_id}/launch"): CrossTenantCase("campaigns", "manager"),
    ("POST", "/v1/campaigns/{campaign_id}/archive"): CrossTenantCase("campaigns", "manager"),
    ("PUT", "/v1/campaigns/{campaign_id}/contents/{content_id}"): CrossTenantCase(
        "campaigns", "manager", success=204, others=(("content_id", "contents"),)
    ),
    ("DELETE", "/v1/campaigns/{campaign_id}/contents/{content_id}"): CrossTenantCase(
        "campaigns", "manager", success=204, others=(("content_id", "contents"),)
    ),
    ("GET", "/v1/conversions/{conversion_id}"): CrossTenantCase("conversions", "integrator"),
    # Notifications
    ("POST", "/v1/me/notifications/{notification_id}/read"): CrossTenantCase("notifications", "member"),
    ("DELETE", "/v1/me/devices/{device_id}"): CrossTenantCase("notification_devices", "member", success=204),
    # Outgoing webhooks
    ("GET", "/v1/webhook-endpoints/{endpoint_id}"): CrossTenantCase("webhook_endpoints", "admin"),
    ("PATCH", "/v1/webhook-endpoints/{endpoint_id}"): CrossTenantCase(
        "webhook_endpoints", "admin", {"description": "Taken over"}
    ),
    ("DELETE", "/v1/webhook-endpoints/{endpoint_id}"): CrossTenantCase("webhook_endpoints", "admin", success=204),
    ("POST", "/v1/webhook-endpoints/{endpoint_id}/rotate-secret"): CrossTenantCase("webhook_endpoints", "admin"),
    ("POST", "/v1/webhook-endpoints/{endpoint_id}/ping"): CrossTenantCase("webhook_endpoints", "admin", success=202),
    ("POST", "/v1/webhook-endpoints/{endpoint_id}/replay"): CrossTenantCase(
        "webhook_endpoints", "admin", {"since": "2020-01-01T00:00:00Z"}
    ),
    ("GET", "/v1/webhook-endpoints/{endpoint_id}/deliveries"): CrossTenantCase("webhook_endpoints", "admin"),
    ("GET", "/v1/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}"): CrossTenantCase(
        "webhook_endpoints", "admin", others=(("delivery_id", "webhook_deliveries"),)
    ),
    ("POST", "/v1/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/replay"): CrossTenantCase(
        "webhook_endpoints", "admin", others=(("delivery_id", "webhook_deliveries"),)
    ),
    ("GET", "/v1/integrations/{integration_id}"): CrossTenantCase("integrations", "admin"),
    ("PATCH", "/v1/integrations/{integration_id}"): CrossTenantCase("integrations", "admin", {"name": "Taken over"}),
    ("POST", "/v1/integrations/{integration_id}/rotate"): CrossTenantCase("integrations", "admin"),
    ("POST", "/v1/integrations/{integration_id}/revoke"): CrossTenantCase("integrations", "admin"),
    ("GET", "/v1/integrations/{integration_id}/deliveries"): CrossTenantCase("integrations", "admin"),
    ("POST", "/v1/conversions/{conversion_id}/invalidate"): CrossTenantCase(
        "conversions", "integrator", {"reason": "Spam."}
    ),
    ("GET", "/v1/ambassadors/{ambassador_id}/points"): CrossTenantCase("ambassadors", "manager"),
    ("POST", "/v1/ambassadors/{ambassador_id}/points/adjustments"): CrossTenantCase(
        "ambassadors", "admin", {"points": 5, "reason": "Taken over"}, success=201
    ),
    ("POST", "/v1/points/withheld/{entry_id}/review"): CrossTenantCase(
        "points_entries", "admin", {"decision": "release"}
    ),
    ("GET", "/v1/shares/{share_id}"): CrossTenantCase("shares", "manager"),
    ("POST", "/v1/shares/{share_id}/confirm"): CrossTenantCase(
        "shares", "member", {"post_url": "https://www.linkedin.com/feed/update/1"}
    ),
    ("POST", "/v1/shares/{share_id}/cancel"): CrossTenantCase("shares", "member"),
    ("POST", "/v1/shares/{share_id}/engagement"): CrossTenantCase(
        "shares", "integrator", ENGAGEMENT, success=201, resource="posted_shares"
    ),
    ("GET", "/v1/rewards/{reward_id}"): CrossTenantCase("rewards", "manager"),
    ("PATCH", "/v1/rewards/{reward_id}"): CrossTenantCase("rewards", "manager", {"name": "Taken over"}),
    ("POST", "/v1/rewards/{reward_id}/archive"): CrossTenantCase("rewards", "manager"),
    ("GET", "/v1/redemptions/{redemption_id}"): CrossTenantCase("redemptions", "manager"),
    ("POST", "/v1/redemptions/{redemption_id}/approve"): CrossTenantCase("redemptions", "manager"),
    ("POST", "/v1/redemptions/{redemption_id}/reject"): CrossTenantCase(
        "redemptions", "manager", {"reason": "Taken over"}
    ),
    ("POST", "/v1/redemptions/{redemption_id}/fulfil"): CrossTenantCase(
        "redemptions", "manager", resource="approved_redemptions"
    ),
    ("POST", "/v1/redemptions/{redemption_id}/cancel"): CrossTenantCase("redemptions", "member"),
    ("GET", "/v1/associations/{association_id}"): CrossTenantCase("associations", "manager"),
    ("PATCH", "/v1/associations/{association_id}"): CrossTenantCase("associations", "manager", {"name": "Taken over"}),
    ("POST", "/v1/associations/{association_id}/archive"): CrossTenantCase("associations", "manager"),
    ("POST", "/v1/ambassadors/{ambassador_id}/kudos"): CrossTenantCase(
        "ambassadors", "manager", {"message": "Taken over"}, success=201
    ),
    ("GET", "/v1/ambassadors/{ambassador_id}/kudos"): CrossTenantCase("ambassadors", "manager"),
    ("GET", "/v1/recruiting/waves/{wave_id}"): CrossTenantCase("invitation_waves", "manager"),
    # Training
    ("GET", "/v1/training-modules/{module_id}"): CrossTenantCase("training_modules", "manager"),
    ("PATCH", "/v1/training-modules/{module_id}"): CrossTenantCase("training_modules", "manager", {"title": "Taken"}),
    ("POST", "/v1/training-modules/{module_id}/publish"): CrossTenantCase(
        "training_modules", "manager", resource="draft_training_modules"
    ),
    ("POST", "/v1/training-modules/{module_id}/archive"): CrossTenantCase("training_modules", "manager"),
    ("POST", "/v1/training-modules/{module_id}/lessons/{position}/done"): CrossTenantCase(
        "training_modules", "member", others=(("position", "lesson_position"),)
    ),
    ("POST", "/v1/training-modules/{module_id}/quiz-attempts"): CrossTenantCase(
        "training_modules", "member", {"answers": [[0], [0]]}
    ),
    ("GET", "/v1/training-modules/{module_id}/progress"): CrossTenantCase("training_modules", "member"),
    ("GET", "/v1/training-modules/{module_id}/completions"): CrossTenantCase("training_modules", "manager"),
    # Incidents
    ("GET", "/v1/incidents/{incident_id}"): CrossTenantCase("incidents", "admin"),
    ("POST", "/v1/incidents/{incident_id}/actions"): CrossTenantCase(
        "incidents", "admin", {"kind": "note", "note": "Mine."}
    ),
    ("POST", "/v1/incidents/{incident_id}/exposure"): CrossTenantCase("incidents", "admin"),
    ("GET", "/v1/surveys/{survey_id}"): CrossTenantCase("surveys", "manager"),
    ("PATCH", "/v1/surveys/{survey_id}"): CrossTenantCase("surveys", "manager", {"title": "Taken over"}),
    ("POST", "/v1/surveys/{survey_id}/open"): CrossTenantCase("surveys", "manager"),
    ("POST", "/v1/surveys/{survey_id}/close"): CrossTenantCase("surveys", "manager", resource="open_surveys"),
    ("POST", "/v1/surveys/{survey_id}/answers"): CrossTenantCase(
        "surveys", "member", {"replies": [{"question": 0, "score": 4}]}, success=201, resource="open_surveys"
    ),
    ("GET", "/v1/surveys/{survey_id}/results"): CrossTenantCase("surveys", "manager"),
    ("GET", "/v1/exports/surveys/{survey_id}"): CrossTenantCase("surveys", "manager"),
    ("GET", "/v1/ideas/{idea_id}"): CrossTenantCase("ideas", "manager"),
    ("POST", "/v1/ideas/{idea_id}/accept"): CrossTenantCase("ideas", "manager"),
    ("POST", "/v1/ideas/{idea_id}/decline"): CrossTenantCase("ideas", "manager", {"reason": "Taken over"}),
    ("POST", "/v1/contents/{content_id}/recall"): CrossTenantCase(
        "contents", "manager", {"reason": "Taken over"}, resource="shared_contents"
    ),
    ("GET", "/v1/contents/{content_id}/takedowns"): CrossTenantCase("contents", "manager"),
    ("POST", "/v1/me/takedowns/{takedown_id}/confirm"): CrossTenantCase("takedowns", "member"),
    # Community space
    ("GET", "/v1/space/posts/{post_id}"): CrossTenantCase("space_posts", "member"),
    ("PUT", "/v1/space/posts/{post_id}"): CrossTenantCase("space_posts", "member", {"body": "Taken over"}),
    ("DELETE", "/v1/space/posts/{post_id}"): CrossTenantCase("space_posts", "member", success=204),
    ("PUT", "/v1/space/posts/{post_id}/reactions/{reaction}"): CrossTenantCase(
        "space_posts", "member", others=(("reaction", "reaction"),)
    ),
    ("DELETE", "/v1/space/posts/{post_id}/reactions/{reaction}"): CrossTenantCase(
        "space_posts", "member", others=(("reaction", "reaction"),)
    ),
    ("POST", "/v1/space/posts/{post_id}/hide"): CrossTenantCase("space_posts", "admin", {"reason": "Taken over"}),
    ("POST", "/v1/space/posts/{post_id}/restore"): CrossTenantCase(
        "space_posts", "admin", {"reason": "Taken over"}, resource="hidden_space_posts"
    ),
    ("GET", "/v1/space/posts/{post_id}/comments"): CrossTenantCase("space_posts", "member"),
    ("POST", "/v1/space/posts/{post_id}/comments"): CrossTenantCase(
        "space_posts", "member", {"body": "Taken over"}, success=201
    ),
    ("PUT", "/v1/space/posts/{post_id}/comments/{comment_id}"): CrossTenantCase(
        "space_posts", "member", {"body": "Taken over"}, others=(("comment_id", "space_comments"),)
    ),
    ("DELETE", "/v1/space/posts/{post_id}/comments/{comment_id}"): CrossTenantCase(
        "space_posts", "member", success=204, others=(("comment_id", "space_comments"),)
    ),
    ("POST", "/v1/space/posts/{post_id}/comments/{comment_id}/accept"): CrossTenantCase(
        "space_posts", "member", others=(("comment_id", "space_comments"),)
    ),
    ("POST", "/v1/space/posts/{post_id}/comments/{comment_id}/hide"): CrossTenantCase(
        "space_posts", "admin", {"reason": "Taken over"}, others=(("comment_id", "space_comments"),)
    ),
    ("POST", "/v1/space/posts/{post_id}/comments/{comment_id}/restore"): CrossTenantCase(
        "space_posts", "admin", {"reason": "Taken over"}, others=(("comment_id", "hidden_space_comments"),)
    ),
}
