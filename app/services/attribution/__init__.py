"""Use cases of attribution: conversions reported and read back."""
