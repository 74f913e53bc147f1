"""A round's scores to Excel (``importers.assessment.score_workbook`` writes the file)."""

from __future__ import annotations

from pathlib import Path

from importers.assessment.score_workbook import LineRow, ScoreWorkbook, TotalRow, write_scores
from importers.messages import QT_TRANSLATE_NOOP
from tracker.assessment.scoring import RoundScores
from tracker.errors import InvalidInputError


def score_workbook(scores: RoundScores) -> ScoreWorkbook:
    """The rows of both sheets: totals in rank order, then every unit's lines."""
    version = f"（第{scores.version}版）" if scores.published else "（未发布）"
    book = ScoreWorkbook(f"{scores.round}考核得分{version}")
    for unit in scores.units:
        book.totals.append(TotalRow(unit.rank, unit.unit, unit.total, unit.not_ranked))
        book.lines.extend(
            LineRow(unit.unit, line.label, line.measure, line.day, line.points, line.detail)
            for line in unit.lines
        )
    return book


def export_scores(scores: RoundScores, path: Path) -> None:
    """Write ``scores`` to ``path`` (.xlsx); a folder that cannot take it is a user error."""
    if path.suffix.lower() != ".xlsx":
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "scores are exported to an .xlsx file, not {file}"),
            file=path.name,
        )
    try:
        write_scores(score_workbook(scores), path)
    except OSError as exc:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "cannot write {file}: {reason}"),
            file=path.name,
            reason=exc.strerror or exc,
        ) from None
