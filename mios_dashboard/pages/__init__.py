"""Dash pages, one package per capability: board, drilldown (objective and indicator), evaluation, phva,
imports. Each package's `init_app(app)` registers its page(s) with `dash.register_page` and its callbacks
with `app.callback`; `create_app` calls them, so importing a page registers nothing and every app built in
one process (tests build many) gets its own callbacks. Each package re-exports its capability's `Ids`,
which live with the components that build those elements (see components/__init__.py). Shared by every
page: frame.py (the element it renders into and its outermost guard, guard.py) and clock.py (today).
Pages import services, components, figures, i18n, web and errors only — never models or db."""
