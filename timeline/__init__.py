"""Turn news articles into one dated, sourced timeline of arms-sale approvals and responses."""

__version__ = "0.1.0"
