"""plainlint: a plain-language linter for patient health articles."""

__version__ = "0.1.0"
