"""Allow ``python -m reportdiff``."""

from reportdiff.cli import main

raise SystemExit(main())
