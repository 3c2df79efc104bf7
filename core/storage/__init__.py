"""Storage: the user's library, the analysis cache, the bundled samples and id resolution.

Stage 3 of core/: imports the foundation, sources and text.
"""
