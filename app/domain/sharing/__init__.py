"""Sharing: shares, tracked links, which clicks count, and engagement."""
