"""Domain rules and use cases (services) of 督办台账; no Qt, no file formats.

``__version__`` is the application's version: ``pyproject.toml`` reads it from
here, and the About box, the log and a frozen build (which has no package
metadata) all show this one value.
"""

__version__ = "0.2.0"
