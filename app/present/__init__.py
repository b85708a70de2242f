"""What several faces say of a result, with no HTTP: words, links, the named values, cells,
the numbers people read, the chart, the CSV tables and the output models (also the OpenAPI
schema)."""
