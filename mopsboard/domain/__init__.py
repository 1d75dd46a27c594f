"""Pure records and rules: no Qt, no SQL."""
