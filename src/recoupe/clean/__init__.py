"""Text-level cleaning: page furniture, paywall notices, repetition and metadata lines.

`clean_page` cleans one page; `find_site_furniture` is the whole-run pass over the lines that
recur on a site's pages; `clean_pages` runs both. The `Cleaner` stage is registered as "clean".
"""

from recoupe.clean.cleaner import (
    DEFAULT_OPTIONS,
    Cleaner,
    CleanOptions,
    clean_page,
    clean_pages,
    content_hash,
)
from recoupe.clean.site_lines import find_site_furniture, line_key, site_key

__all__ = [
    "DEFAULT_OPTIONS",
    "CleanOptions",
    "Cleaner",
    "clean_page",
    "clean_pages",
    "content_hash",
    "find_site_furniture",
    "line_key",
    "site_key",
]
