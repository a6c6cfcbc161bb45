"""Clearance: restricted-party lists, screening and EAR determinations for export compliance.

    from clearance import Clearance      # the library facade (clearance.workflows.facade)
"""

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from clearance.workflows.facade import Clearance

__all__ = ["Clearance", "__version__"]


def __getattr__(name: str) -> Any:
    """``Clearance`` is imported on first use, so that ``import clearance.errors`` stays light."""
    if name == "Clearance":
        from clearance.workflows.facade import Clearance

        return Clearance
    raise AttributeError(f"module 'clearance' has no attribute {name!r}")
