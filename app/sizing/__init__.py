"""Sizing from Compose files and Kubernetes manifests: the options, the report and its JSON,
the page's panel and form, the terminal table, and POST /api/v1/size."""
