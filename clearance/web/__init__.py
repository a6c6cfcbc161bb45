"""Layer 5: the web pages (Jinja2 templates + htmx, no build step) served by the API app under /ui."""

from fastapi import APIRouter

from clearance.web import desk_pages, pages

router = APIRouter()
router.include_router(pages.router)
router.include_router(desk_pages.router)

__all__ = ["router"]
