"""Full-page cache for anonymous visitors, with invalidation on every public change.

See docs/performance.md for how it works and how to put a CDN in front of it.
"""
