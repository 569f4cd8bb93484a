"""The exports capability: the board and the template as workbooks (board), meeting minutes and management
review records (records), and the downloads the import page offers (downloads)."""
