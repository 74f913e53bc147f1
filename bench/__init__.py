"""Benchmarks: ``python3 dev.py bench`` runs them all and writes ``bench/results.md``.

Each figure is the median of several runs with min and max, and where the work
has a plain-library equivalent, its ratio to that baseline measured in the
same run (these machines are noisy; ratios are stable).
"""
