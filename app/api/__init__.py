"""/api/v1, the stable API for spreadsheets and scripts: the estimate in JSON, CSV and TSV,
the one-cell value, the batch, the catalog, the OpenAPI parameters and /docs."""
