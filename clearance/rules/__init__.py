"""The EAR determination engine: dated, cited rule data and a pure ``determine`` function.

    from clearance.rules import RuleCache, determine, load_rules
    decision = determine(request, load_rules(), cache=RuleCache())  # the cache is optional and the caller's
"""

from clearance.rules.context import RuleCache
from clearance.rules.engine import STEPS, cannot_clear, determine
from clearance.rules.listings import NONE_FOUND, Listings
from clearance.rules.loader import load_rules
from clearance.rules.overlay import apply_overlay

__all__ = ["NONE_FOUND", "STEPS", "Listings", "RuleCache", "apply_overlay", "cannot_clear", "determine", "load_rules"]
