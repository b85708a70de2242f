"""Benchmark the calculator against a bare ASGI "hello" app, both served by the production
server; see bench/README.md. Run from the checkout: ``.venv/bin/python bench/run.py``
(``make bench``), ``--help`` for the options."""

import sys
from pathlib import Path

# The checkout first: app and pricing are imported from it, as the servers started here do.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.main import main

if __name__ == "__main__":
    sys.exit(main())
