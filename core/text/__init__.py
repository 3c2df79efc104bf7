"""Text: cleaning, structure (sections, leads, items), metadata and regions of one report.

Stage 2 of core/: imports the foundation and sources only.
"""
