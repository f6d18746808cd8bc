"""The court-records pack: dispositions -> status, offences -> severity, person linkage,
claim text -> assertions, verdicts with evidence, and aggregate statistics."""
