"""Readers turn a format into the document model (:mod:`akn.model`)."""
