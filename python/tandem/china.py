"""China's provinces and the inter-provincial MRIO (`tandem china ...`)."""
from . import _tandem
from ._frames import frame, progress_callback
from .mrio import MRIO

__all__ = ["regions", "build"]


def regions():
    """China's 31 provinces: ISO 3166-2 and GB/T 2260 codes, English and Chinese names, groups
    (Northeast, Yangtze River Delta, ...)."""
    return frame(_tandem.provinces())


def build(year=2017, decay=1.0, employment=True, progress=None):
    """The inter-provincial MRIO of a year (2017 or 2012) built from the shipped provincial
    tables (gravity + RAS, Chenery-Moses; docs/china-mrio.md). Returns an MRIO whose .log is
    the build log (Markdown)."""
    handle, log = _tandem.china_build(int(year), float(decay), bool(employment),
                                      progress_callback(progress))
    out = MRIO(handle)
    out.log = log
    return out
