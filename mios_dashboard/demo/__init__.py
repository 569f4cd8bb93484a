"""The demo organization ("Industrias Sierra Madre, S.A. de C.V."): its content and the loader that puts it in
a database through the same importer and models a company uses."""
