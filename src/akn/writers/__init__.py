"""Writers turn the document model (:mod:`akn.model`) into a format."""
