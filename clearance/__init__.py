"""Clearance: restricted-party lists, screening and EAR determinations for export compliance."""

__version__ = "0.1.0"
