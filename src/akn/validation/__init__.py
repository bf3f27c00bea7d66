"""Validation of AKN documents at three levels: XSD, AKN4UN, house (see :mod:`.levels`)."""
from __future__ import annotations

from .engine import (TRUSTED_BYTES, check_tree, parse, safe_parser, validate, validate_bytes, validate_file,
                     warm_up, xsd_problems)
from .levels import ABOUT_TEXT, DEFAULT_PROFILE, LEVELS, RULES, rules_table
from .report import FileReport, Problem, Report
from .rules import NS
from .xsd import akn_schema, explain, schema_path

__all__ = ["validate", "validate_bytes", "validate_file", "check_tree", "warm_up", "Problem", "Report",
           "FileReport", "ABOUT_TEXT", "LEVELS", "RULES", "DEFAULT_PROFILE", "rules_table", "akn_schema", "schema_path",
           "explain", "NS", "TRUSTED_BYTES", "safe_parser", "xsd_problems", "parse"]
