"""``python -m symgrad``: the same command line as ``symgrad``."""

import sys

from .cli import main

sys.exit(main())
