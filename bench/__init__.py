"""Benchmark of the calculator against a bare ASGI baseline; run ``python bench/run.py``."""
