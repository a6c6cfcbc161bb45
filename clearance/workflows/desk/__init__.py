"""The compliance desk: counterparties, licences, order checks, the review queue, change impact, audit."""

from clearance.workflows.desk.desk import Desk, LineResult, default_actor
from clearance.workflows.desk.orders_input import BadLine, OrderLine, read_desk_orders

__all__ = ["BadLine", "Desk", "LineResult", "OrderLine", "default_actor", "read_desk_orders"]
