"""The system capability: the organization's own management system. Today: preparing a database on first start."""
