"""recoupe: from a pile of scraped news pages to a cross-checked story brief."""

__version__ = "0.1.0"
