"""Routers, one per face: health, pages, api, embed."""
