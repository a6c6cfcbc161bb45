"""Layer 5: the HTTP API (FastAPI) over the library facade. ``create_app()`` builds it; `clearance serve` runs it."""

from clearance.api.app import create_app

__all__ = ["create_app"]
