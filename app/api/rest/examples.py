"""Sample values the OpenAPI examples share, so that one story runs through them: Ada, an
engineer in Lyon, shares Acme's job offer on LinkedIn, and a candidate applies."""

from __future__ import annotations

TENANT_ID = "0196a3b1-2c4d-7e8f-9a0b-1c2d3e4f5a6b"
EMPLOYEE_ID = "0196a3b2-7d10-7c3e-8f21-4b5a6c7d8e9f"
MANAGER_ID = "0196a3b2-7a01-7b2c-9d3e-5f6a7b8c9d0e"
AMBASSADOR_ID = "0196a3b4-1e2f-7a3b-8c4d-6e7f8a9b0c1d"
SOCIAL_ACCOUNT_ID = "0196a3b5-3a4b-7c5d-9e6f-7a8b9c0d1e2f"
CHARTER_VERSION_ID = "0196a3b0-9f8e-7d6c-8b5a-4f3e2d1c0b9a"
CAMPAIGN_ID = "0196a3c1-0f1e-7d2c-8b3a-495867a6b5c4"
CONTENT_ID = "0196a3c2-5b7e-7d41-9a0e-3f2b8c1d4e5f"
SHARE_ID = "0196a3d0-8c7b-7a69-9584-736251403f2e"
ENGAGEMENT_ID = "0196a3e5-2b3c-7d4e-8f5a-6b7c8d9e0f1a"
CONVERSION_ID = "0196a3f0-4d5e-7f6a-9b7c-8d9e0f1a2b3c"
CLICK_REF = "0196a3e1-6f70-7182-a394-b5c6d7e8f901"
CURSOR = "eyJhZnRlciI6ICIwMTk2YTNjMi01YjdlLTdkNDEtOWEwZS0zZjJiOGMxZDRlNWYifQ"

HIRED = "2021-09-01"
CREATED = "2025-03-03T09:12:44.180000Z"
UPDATED = "2025-03-10T16:02:09.512000Z"
PUBLISHED = "2025-03-11T08:00:00Z"
SHARED = "2025-03-11T12:30:05.044000Z"
POSTED = "2025-03-11T12:34:51.907000Z"
CONVERTED = "2025-03-12T10:15:00Z"

LINK = "https://acme.example/careers/lyon-backend"
TRACKED_URL = "https://go.acme.example/r/k3Jx9QpA"
