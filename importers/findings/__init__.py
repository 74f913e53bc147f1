"""Excel lists of inspection findings (问题清单) in: ``read_finding_list(path)``."""

from importers.findings.finding_list import (
    FindingList,
    FindingListError,
    ListedFinding,
    read_finding_list,
)

__all__ = ["FindingList", "FindingListError", "ListedFinding", "read_finding_list"]
