"""``python -m pricing.refresh``."""

from pricing.refresh.cli import main

raise SystemExit(main())
