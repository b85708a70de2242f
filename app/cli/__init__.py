"""``dockerk8s-cost``, a module per command: serve, check, settings, size; main parses the
command line."""
