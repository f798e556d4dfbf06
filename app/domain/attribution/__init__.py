"""Attribution: conversions and the shares they are credited to."""
