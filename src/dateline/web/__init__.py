"""The web page over an archive: search box, timeline, article-volume chart, article view, exports.

``create_app(store_path)`` returns the Starlette app; ``dateline serve`` runs it on uvicorn.
"""

from __future__ import annotations

from dateline.web.app import LIMITS, create_app

__all__ = ["LIMITS", "create_app"]
