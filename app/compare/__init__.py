"""Comparing two scenarios: the page (GET /compare), its API (GET /api/v1/compare) and the
reading of each side (a permalink, or its query string)."""
