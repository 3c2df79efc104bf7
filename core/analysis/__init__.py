"""Analysis: alignment, numbers and their scope, units, shared phrases, tokens, comparison
and its exports.

Stage 4 of core/: may import every earlier stage; nothing in core/ imports it back.
"""
