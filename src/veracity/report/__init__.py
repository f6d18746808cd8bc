"""Renderers: HTML reports, and later CSV, XLSX, JSON Lines and FtM packages."""
