"""Web infrastructure around the pages: the database handles kept on the Flask app (runtime), page data cached
by the data version (cache), background warm-up of a page's first view (warmup) and the background-callback
manager of slow uploads (background). Nothing here is a use case; it imports only audit, db and memory."""
