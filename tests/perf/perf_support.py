"""Shared by the performance tests (a module of its own: conftest modules share one name)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # benchmarks/ is not an installed package

SMALL = 28  # 6, 6, 6, 5, 5 SOPs in the five departments of the example
NAV_MAX = 5
BUNDLE_PAGES = 8  # a language of the fixture has about 30 pages: several Pagefind bundles each
