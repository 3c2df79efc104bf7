"""Reading sources: plain text in any encoding, PDF, DOCX and HTML into text blocks.

Stage 1 of core/: imports only the foundation (model, errors, paths, atomic).
"""
