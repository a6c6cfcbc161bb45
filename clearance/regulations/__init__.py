"""regulations"""
