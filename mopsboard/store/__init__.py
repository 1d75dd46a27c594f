"""The only SQL in mopsboard: the workspace file, read as domain models."""
