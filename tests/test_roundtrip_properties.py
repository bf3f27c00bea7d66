"""Random resolutions built as models survive model -> AKN -> model and model -> text -> model.

``AKN_PROPERTY_EXAMPLES`` sets the examples per property (300 by default, as CI runs them);
a longer run: ``AKN_PROPERTY_EXAMPLES=1000 python -m pytest tests/test_roundtrip_properties.py``.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from akn.readers.akn import read_akn
from akn.readers.text import read_text
from akn.validation import validate_bytes
from akn.writers.akn import write_akn
from akn.writers.text import write_text

from .model_strategies import resolutions

EXAMPLES = int(os.environ.get("AKN_PROPERTY_EXAMPLES", "300"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@PROPERTY
@given(resolutions())
def test_model_akn_model_and_model_text_model(res):
    """Both properties on every example: each holds for as many examples as the run draws."""
    data = write_akn(res)
    assert validate_bytes(data, xsd_only=True) == []
    assert read_akn(data).resolution == res
    assert read_text(write_text(res)).resolution == res
