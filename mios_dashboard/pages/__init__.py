"""Dash pages, one module per URL (`dash.register_page`). Pages import services, components, figures and
i18n only — never models or db."""
