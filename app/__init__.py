"""The web application: renders the pricing engine's Comparison as HTML, JSON, CSV, text and SVG."""
