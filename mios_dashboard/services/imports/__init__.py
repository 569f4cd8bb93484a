"""The imports capability: a workbook or CSV imported all or nothing (import_file), and the upload page's use
cases (uploads: receive, preview, confirm, history)."""
