"""Text-level cleaning: page furniture, paywall notices, repetition and metadata lines.

`clean_page` cleans one page; `site_statistics` (the `SiteLines` pass) is the whole-corpus pass
over the lines that recur on a site's pages, giving the picklable `SiteStatistics` each page is
cleaned with; `clean_pages` runs both. The `Cleaner` stage is registered as "clean".
"""

from recoupe.clean.cleaner import (
    DEFAULT_OPTIONS,
    Cleaner,
    CleanOptions,
    SiteLines,
    clean_page,
    clean_pages,
    content_hash,
)
from recoupe.clean.site_lines import find_site_furniture, line_key, site_key, site_statistics

__all__ = [
    "DEFAULT_OPTIONS",
    "CleanOptions",
    "Cleaner",
    "SiteLines",
    "clean_page",
    "clean_pages",
    "content_hash",
    "find_site_furniture",
    "line_key",
    "site_key",
    "site_statistics",
]
