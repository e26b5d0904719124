"""xbrlconv: tag the financial statements of untagged 10-Q/10-K filings as US-GAAP XBRL.

Public API (everything else is private to its stage):

    from converter import convert, analyse
    result = convert("filing.txt", "out/")       # read, detect, map, write, check
    filing = analyse("filing.htm")               # read + detect only
"""
from converter.errors import ConverterError

__version__ = "0.1.0"
__all__ = ["convert", "analyse", "ConverterError", "__version__"]


def __getattr__(name):
    # The pipeline pulls in lxml and the mapping data; import it on first use only.
    if name in ("convert", "analyse"):
        from converter import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
