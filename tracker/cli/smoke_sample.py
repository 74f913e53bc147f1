# ruff: noqa: E501  (a document's paragraphs are long lines)
"""A small built-in policy document for the smoke test of an installed or frozen build.

It lives in code, not as a data file, so that a build which forgot its data files
still has it: the smoke test then fails on what is really missing, not on its input.
Four measures, five units, one deadline each — enough to exercise the parser, the
unit directory, the ledger and the bulletin.
"""

from __future__ import annotations

SAMPLE_NAME = "示例文件.txt"
"""The file name it is written under (Chinese, as the files clerks receive are named)."""

SAMPLE_MEASURES = 4
SAMPLE_ASSIGNMENTS = 7

SAMPLE_TEXT = """\
示例市人民政府办公室文件

示政办发〔2024〕1号

示例市人民政府办公室关于印发优化营商环境若干措施的通知

各区人民政府，市政府各部门：

《优化营商环境若干措施》已经市政府同意，现印发给你们，请认真贯彻执行。

示例市人民政府办公室

2024年1月8日

优化营商环境若干措施

为持续优化营商环境，结合我市实际，制定如下措施。

一、提升政务服务效能

1. 推进高频事项网上办理。梳理公布高频政务服务事项清单，实现100个以上事项全程网办。（责任单位：市政务服务局、市发展改革委。完成时限：2024年6月底）

2. 推行电子证照应用。完善电子证照库，推动电子证照在企业开办等领域应用。（责任单位：市政务服务局、市公安局。完成时限：2024年9月30日）

二、加强公正监管

3. 推进“双随机、一公开”监管。实现部门联合抽查常态化。（责任单位：市市场监管局。完成时限：2024年12月31日）

4. 完善信用修复机制。规范信用修复流程，实现信用修复“一网通办”。（责任单位：市发展改革委、市市场监管局。完成时限：2024年10月底）
"""
