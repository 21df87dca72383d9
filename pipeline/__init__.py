"""Quote attribution dataset builder: news articles in, a "who said what" table out.

    >>> import pipeline
    >>> pipeline.build(["data/raw"], "data/processed")
    >>> pipeline.load_quotes("data/processed")
"""
__version__ = "0.1.0"

from .builder import build, load_documents, load_quotes  # noqa: E402
from .evaluate import evaluate  # noqa: E402

__all__ = ["build", "load_quotes", "load_documents", "evaluate", "__version__"]
