"""Build f_zibo_wenjingji_fengong.docx: a city's 任务分工方案 whose tasks are a Word table.

    .venv/bin/python tests/importers/policy/unseen/make_f_zibo_docx.py

The output is committed; the test needs neither this script nor python-docx to build it.
Section rows are merged across the table; the 序号 and 重点任务 cells of measures 1 and 8
are merged down over a second row (a second sub-task).
"""

from __future__ import annotations

from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
PARAGRAPHS = (
    "淄博市人民政府办公室",
    "关于印发淄博市2023年稳经济促发展重点任务分工方案的通知",
    "淄政办字〔2023〕7号",
    "各区县人民政府，高新区、经济开发区、文昌湖区管委会，市政府各部门，各有关单位：",
    "《淄博市2023年稳经济促发展重点任务分工方案》已经市政府同意，现印发给你们，请认真贯彻落实。",
    "一、工作目标",
    "全市地区生产总值增长6%左右，一般公共预算收入增长5%以上，城镇新增就业4.5万人以上。",
    "二、工作要求",
    "各牵头单位要会同配合单位细化工作措施，每季度末向市政府报送工作进展情况。",
    "淄博市人民政府办公室",
    "2023年2月20日",
    "附件",
    "淄博市2023年稳经济促发展重点任务分工表",
)
ROWS = [
    ("序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"),
    ("一、扩大有效投资", "", "", "", "", ""),
    (
        "1",
        "加快重大项目建设",
        "全年实施市级重点项目300个以上，完成投资1200亿元以上。",
        "市发展改革委",
        "各区县人民政府",
        "2023年12月底",
    ),
    (
        "",
        "",
        "新开工项目6月底前开工率达到60%以上。",
        "市住房城乡建设局",
        "市自然资源和规划局",
        "2023年6月底前",
    ),
    (
        "2",
        "强化项目要素保障",
        "统筹保障重点项目用地、用能、资金需求。",
        "市自然资源和规划局、市财政局",
        "/",
        "长期坚持",
    ),
    ("二、促进消费恢复", "", "", "", "", ""),
    (
        "3",
        "开展促消费活动",
        "举办“淄博消费季”系列活动，分批次发放消费券。",
        "市商务局",
        "市财政局、市文化和旅游局",
        "2023年10月底",
    ),
    (
        "4",
        "发展夜间经济",
        "打造夜间经济集聚区5个以上。",
        "市商务局",
        "各区县人民政府",
        "2023年年底",
    ),
    ("5", "稳定汽车消费", "落实新能源汽车下乡政策。", "市商务局", "市公安局、市税务局", "每季度"),
    ("三、支持市场主体纾困发展", "", "", "", "", ""),
    ("6", "落实减税降费政策", "全面落实增值税留抵退税政策。", "市税务局", "市财政局", "持续推进"),
    (
        "7",
        "加大金融支持力度",
        "全年新增普惠小微贷款150亿元以上。",
        "市金融工作局",
        "人民银行淄博市中心支行、淄博银保监分局",
        "2023年12月底",
    ),
    (
        "8",
        "帮扶困难行业",
        "对餐饮、零售、旅游等行业实施阶段性缓缴社会保险费政策。",
        "市人力资源和社会保障局",
        "市医保局、市税务局",
        "2023年年底",
    ),
    ("", "", "落实失业保险稳岗返还政策。", "市人力资源和社会保障局", "市财政局", "2023年9月底"),
    (
        "9",
        "持续优化营商环境",
        "开展全市营商环境评价，推动评价结果运用。",
        "市发展改革委",
        "市直有关部门",
        "2023年11月底",
    ),
    ("四、保障和改善民生", "", "", "", "", ""),
    (
        "10",
        "稳定和扩大就业",
        "实施高校毕业生就业促进行动，城镇新增就业4.5万人以上。",
        "市人力资源和社会保障局",
        "各区县人民政府",
        "2023年年底",
    ),
    (
        "11",
        "保障粮食安全",
        "粮食播种面积稳定在400万亩以上。",
        "市农业农村局",
        "市发展改革委、市粮食和物资储备局",
        "2023年10月底",
    ),
    (
        "12",
        "做好能源保供",
        "确保电力、天然气供应平稳有序。",
        "市发展改革委",
        "国网淄博供电公司，各区县人民政府",
        "—",
    ),
]
SECTIONS = (1, 5, 9, 15)
MERGED_DOWN = ((2, 3), (12, 13))


def main() -> None:
    document = docx.Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for cells, values in zip(table.rows, ROWS, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
    for index in SECTIONS:
        table.cell(index, 0).merge(table.cell(index, 5)).text = ROWS[index][0]
    for top, bottom in MERGED_DOWN:
        for column in (0, 1):
            table.cell(top, column).merge(table.cell(bottom, column)).text = ROWS[top][column]
    document.add_paragraph("抄送：市委各部门，市人大常委会办公室，市政协办公室。")
    document.save(str(HERE / "f_zibo_wenjingji_fengong.docx"))


if __name__ == "__main__":
    main()
