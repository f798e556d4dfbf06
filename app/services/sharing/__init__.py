"""Use cases of sharing: shares, their figures and engagement, and the redirect."""
