"""The EAR determination engine: dated, cited rule data and a pure ``determine`` function.

    from clearance.rules import determine, load_rules
    decision = determine(request, load_rules())
"""

from clearance.rules.engine import determine
from clearance.rules.listings import NONE_FOUND, Listings
from clearance.rules.loader import load_rules
from clearance.rules.overlay import apply_overlay

__all__ = ["NONE_FOUND", "Listings", "apply_overlay", "determine", "load_rules"]
