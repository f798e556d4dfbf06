"""Benchmarks: each hot path against a minimal baseline, interleaved, reported as ratios."""
