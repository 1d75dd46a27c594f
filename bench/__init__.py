"""Benchmarks: `python -m bench` (`make bench`) measures figures and merges them into
bench.json."""
