"""A workspace on a PostgreSQL server, behind the same interface as the file (issue 15).

Loaded only for a `postgresql://` workspace: psycopg is imported here and nowhere else.
"""
