"""Pieces of the /contexto page: the section tabs, one module per section, and the one modal every form uses."""
