"""Files shipped with the application: translations, icons, the user guide.

A package only so that a wheel and a frozen build carry these files with the
code; ``ui.resources.resource_path`` finds them wherever the application runs.
"""
