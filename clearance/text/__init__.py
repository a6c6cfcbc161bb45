"""Kernel: name text shared by sources and screening: scripts, transliteration, folding, legal forms,
synonyms and countries. ``clearance.text.names.prepare(name)`` gives a name ready for comparison."""
