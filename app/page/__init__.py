"""The calculator page (GET /, /flips): its routes, its form (state, layout, controls) and
what its templates draw."""
