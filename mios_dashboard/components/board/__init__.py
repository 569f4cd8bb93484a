"""Pieces of the board page `/`: controls (month, process, owner), marks (signal, forecast), the summary strip
and panels, objective cards and indicator rows, perspective tiles and sections; their `Ids` in ids.py."""
