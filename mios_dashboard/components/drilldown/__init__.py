"""Pieces of the drill-down pages `/objetivo/<code>` and `/indicador/<code>`: headers and charts (blocks), lists
and tables (tables); their `Ids` in ids.py."""
