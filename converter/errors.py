"""The package's errors: one root type, one subclass per cause, each with a stable code.

The CLI prints ``error XC###: message`` and exits with a non-zero status; codes never
change meaning, so scripts and the docs (docs/errors.md) can rely on them.
"""
from __future__ import annotations


class ConverterError(Exception):
    """Root of every error the package raises on purpose."""

    code = "XC000"
    exit_status = 2

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" + (f" ({self.hint})" if self.hint else "")


class InputError(ConverterError):
    """The input file cannot be read at all (missing, empty, binary, wrong encoding)."""

    code = "XC100"


class UnsupportedInputError(InputError):
    """The input is readable but of a kind no reader handles."""

    code = "XC101"


class NoStatementsError(ConverterError):
    """The document holds no financial statement tables."""

    code = "XC200"


class NumberParseError(ConverterError):
    """A cell in a statement table looks numeric but does not parse."""

    code = "XC201"


class PeriodError(ConverterError):
    """A table's column periods cannot be inferred from the document."""

    code = "XC202"


class MappingError(ConverterError):
    """The mapping data is missing or inconsistent (a broken taxonomy_maps release)."""

    code = "XC300"


class ConsistencyError(ConverterError):
    """A fact breaks a taxonomy rule (instant concept with a duration, wrong unit, bad total)."""

    code = "XC301"


class OutputError(ConverterError):
    """The output folder or file cannot be written."""

    code = "XC400"


class ValidationFailed(ConverterError):
    """Arelle found XBRL errors in a document, or a round trip found mismatches."""

    code = "XC500"
    exit_status = 1


class RoundTripError(ValidationFailed):
    """Facts read back from our iXBRL differ from the numbers of the source tables."""

    code = "XC501"


class CompareError(ConverterError):
    """A side of a comparison cannot be read as facts."""

    code = "XC600"


class WarehouseError(ConverterError):
    """A warehouse target is unreachable, unknown, or a load failed (and was rolled back)."""

    code = "XC700"


class UnexpectedError(ConverterError):
    """A converter bug met on this input: the last safety net of ``convert``.

    Any other exception escaping a stage is turned into this one, with the original
    chained, so callers only ever see the package's error types.
    """

    code = "XC900"
