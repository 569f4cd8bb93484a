"""Reusable Dash pieces: the app shell, traffic lights, objective cards and indicator rows, perspective
sections. Ids live in `ids.ComponentId`; styles in assets/mios.css. Imports dash, figures and i18n only."""
