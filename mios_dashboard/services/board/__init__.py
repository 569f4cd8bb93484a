"""The board capability: the month's board computed from the database (compute), trimmed and filtered as the
page shows it (view), what changed since last month (changes), and everything the page `/` reads (page)."""
