"""The Textual user interface. Nothing is imported eagerly."""
