"""The demo organization ("Industrias Sierra Madre, S.A. de C.V."): its content as data, and the loader that puts
it in a database through the same importer and models a company uses.

The content lives in `data/*.yaml` (people, organization, strategy, context, indicators, governance), editable by
someone who does not program: data/demo/README.md says what each file holds and how its dates are written
relative to the day of the load. The modules are the logic around it:

- `calendar.py` — the demo's clock (the anchor month and the 24-month window) and Spanish dates;
- `dates.py` — the date notation of the data files (`today -4m`, `next 12-31`, `{operation_meeting}`…);
- `schema.py`, `files.py` — reading the files against their fields and checking their references, or one
  `DemoDataError` line naming the file, line, entry and field;
- `content.py` — the parsed content (`load_content`) and its rows for a calendar;
- `series.py` — the measurements made up from each indicator's story (seasonality, shifts, seeded noise);
- `workbooks.py` — the workbooks the demo's measurements are imported from;
- `loader.py` — `load_demo`: upserts the rows and imports the workbooks, idempotently.
"""
