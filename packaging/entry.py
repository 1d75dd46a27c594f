"""The bundle's program: the same as the `mopsboard` command of the wheel."""

from mopsboard.cli import main

raise SystemExit(main())
