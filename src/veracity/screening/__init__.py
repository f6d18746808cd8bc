"""The export-control pack: goods (HS-6 -> CHPL), battlefield components, parties, red flags."""
