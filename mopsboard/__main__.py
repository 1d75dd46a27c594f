"""`python -m mopsboard`: the same as the `mopsboard` command."""

from mopsboard.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
