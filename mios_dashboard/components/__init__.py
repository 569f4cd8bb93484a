"""Reusable Dash pieces: the app shell, traffic lights, objective cards and indicator rows, perspective
sections, each capability's blocks; styles in assets/mios.css. Imports dash, figures and i18n only — never
services or pages.

Ids: each capability's `Ids` (StrEnum) lives with its components — `components/<capability>/ids.py` for a
package (board, drilldown), at the top of `components/<capability>.py` otherwise (evaluation, phva,
imports), the shell's own in `shell.py` — because a component that builds an element a page's callback
addresses needs the id and may not import pages; the page package re-exports it as `pages.<capability>.Ids`."""
