"""Content of the demo organization ("Industrias Sierra Madre, S.A. de C.V."), split by concern.

Plain data and small pure functions of a `DemoCalendar`; references between rows are natural keys (codes,
names), which `demo/loader.py` resolves while it upserts. Nothing here touches the database.
"""
