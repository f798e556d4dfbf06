"""Outgoing webhooks: endpoints admins register, and the signed deliveries of events to them."""
