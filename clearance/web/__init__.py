"""Layer 5: the web pages (Jinja2 templates + htmx, no build step) served by the API app under /ui."""

from clearance.web.pages import router

__all__ = ["router"]
