"""The CLI's error boundary: the interfaces' one mapping (clearance.workflows.boundary), re-exported."""

from clearance.workflows.boundary import INTERNAL_ERROR_EXIT, as_clearance_error

__all__ = ["INTERNAL_ERROR_EXIT", "as_clearance_error"]
