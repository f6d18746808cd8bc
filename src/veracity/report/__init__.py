"""Renderers: HTML reports (Jinja2) with SVG charts, JSON Lines, CSV, XLSX and FtM packages."""
