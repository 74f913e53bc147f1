<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssignmentTableModel</name>
    <message>
        <location filename="../../ui/assignment_model.py" line="107" />
        <source>No.</source>
        <translation>措施编号</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="108" />
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="109" />
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="110" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="111" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="112" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="113" />
        <source>Progress</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="114" />
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="115" />
        <source>Progress report</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="116" />
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="275" />
        <source>Recorded status: {0}</source>
        <translation>登记状态：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/assignment_model.py" line="277" />
        <source>Updated by {0}</source>
        <translation>更新人：{0}</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/units_dialog.py" line="40" />
        <source>Contact of {0}</source>
        <translation>{0}的联系人</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="44" />
        <source>Contact person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="45" />
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../ui/crash.py" line="76" />
        <source>Sorry — something went wrong inside the application. Your data is safe: every change is saved as soon as you make it.

The details were written to
{0}
Please send that file to whoever looks after this application.</source>
        <translation>很抱歉，程序内部出现了错误。您的数据是安全的：每一项修改在操作时即已保存。

详细信息已写入
{0}
请将该文件发送给负责维护本程序的人员。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/detail_pane.py" line="67" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="67" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="67" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="67" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="75" />
        <source>Measure text</source>
        <translation>措施原文</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="76" />
        <source>Units of this measure</source>
        <translation>本措施的责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="77" />
        <source>History of the selected unit's part</source>
        <translation>所选单位的进展记录</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="90" />
        <source>No measure selected</source>
        <translation>未选择措施</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="91" />
        <source>Choose a row in the table to see the measure in full.</source>
        <translation>在表格中选择一行，即可在此查看措施全文。</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="101" />
        <source>Standing task</source>
        <translation>长期坚持</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="101" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="103" />
        <source>Deadline: {0}</source>
        <translation>完成时限：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="107" />
        <source>Milestones:</source>
        <translation>时间节点：</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/filter_bar.py" line="72" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="75" />
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="76" />
        <source>Due within</source>
        <translation>到期在</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="80" />
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="83" />
        <source>Search measures and units…</source>
        <translation>搜索措施或单位…</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="89" />
        <source>Show the whole document again</source>
        <translation>重新显示整个文件</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="102" />
        <source>Document:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="106" />
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="108" />
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="136" />
        <source>All documents</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <location filename="../../ui/filter_bar.py" line="148" />
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="21" />
        <source>Welcome to the Measure Tracker</source>
        <translation>欢迎使用督办台账</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="28" />
        <source>The database is empty. Import a policy document (.txt, .docx or .pdf): its measures, responsible units and deadlines become the table you follow up. Or open a demo database to look around first.</source>
        <translation>数据库中还没有内容。请导入一份政策文件（.txt、.docx 或 .pdf），文件中的措施、责任单位和完成时限将生成督办表格；也可以先打开演示数据库看一看。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="34" />
        <source>Import a policy document…</source>
        <translation>导入政策文件…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="35" />
        <source>Open a demo database</source>
        <translation>打开演示数据库</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../ui/import_flow.py" line="35" />
        <source>Import policy document</source>
        <translation>导入政策文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="37" />
        <source>Policy documents (*.txt *.docx *.pdf);;All files (*)</source>
        <translation>政策文件 (*.txt *.docx *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="46" />
        <source>{0} was imported before; nothing changed.</source>
        <translation>{0} 此前已导入过，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="50" />
        <source>{0} is a revised version of a document already stored.</source>
        <translation>{0} 是一份已存文件的修订版本。</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="53" />
        <source>Nothing has been changed yet. These are the differences:</source>
        <translation>目前尚未作任何更改。差异如下：</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="57" />
        <source>The revision was applied. Progress already recorded is kept.</source>
        <translation>已应用修订，已登记的进展全部保留。</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="60" />
        <source>{0} was imported.</source>
        <translation>已导入 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="63" />
        <source>{0} measures, {1} unit assignments.</source>
        <translation>共 {0} 项措施，{1} 项单位分工。</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="68" />
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="69" />
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="70" />
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="78" />
        <source>Measures without a responsible unit: {0}</source>
        <translation>未明确责任单位的措施：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="82" />
        <source>New units — please check them in the units directory:</source>
        <translation>新出现的单位（请在单位名录中核对）：</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="86" />
        <source> (similar to {0})</source>
        <translation>（相近：{0}）</translation>
    </message>
</context>
<context>
    <name>ImportOutcomeDialog</name>
    <message>
        <location filename="../../ui/import_flow.py" line="96" />
        <source>Import policy document</source>
        <translation>导入政策文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_flow.py" line="105" />
        <source>Accept revision</source>
        <translation>接受修订</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>The database is empty.</source>
        <translation>数据库为空。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>{0} assignments shown · {1} overdue · {2} due soon</source>
        <translation>显示 {0} 项分工 · 逾期 {1} 项 · 临期 {2} 项</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206" />
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206" />
        <source>Databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249" />
        <source>About Measure Tracker</source>
        <translation>关于督办台账</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251" />
        <source>督办台账 · Measure Tracker

Follows every responsible unit's progress on every measure of a policy document.

Database: {0}</source>
        <translation>督办台账

跟踪每个责任单位对政策文件各项措施的落实进展。

数据库：{0}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="21" />
        <source>Measure Tracker</source>
        <translation>督办台账</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../../ui/navigator.py" line="59" />
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../../ui/navigator.py" line="59" />
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/navigator.py" line="59" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/navigator.py" line="60" />
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/navigator.py" line="61" />
        <source>Units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/navigator.py" line="84" />
        <source>New unit from an import: check its name in the units directory</source>
        <translation>导入时新出现的单位：请在单位名录中核对名称</translation>
    </message>
</context>
<context>
    <name>ProgressActions</name>
    <message>
        <location filename="../../ui/progress_actions.py" line="49" />
        <source>Set status of {0} / {1}</source>
        <translation>设置状态：{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/progress_actions.py" line="53" />
        <source>Set progress of {0} / {1}</source>
        <translation>设置进度：{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/progress_actions.py" line="56" />
        <source>Edit progress report of {0} / {1}</source>
        <translation>编辑进展情况：{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/progress_actions.py" line="70" />
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../../ui/progress_actions.py" line="71" />
        <source>New status for the {0} selected assignments:</source>
        <translation>所选 {0} 项分工的新状态：</translation>
    </message>
    <message>
        <location filename="../../ui/progress_actions.py" line="80" />
        <source>Set {0} assignments to {1}</source>
        <translation>将 {0} 项分工设为“{1}”</translation>
    </message>
    <message>
        <location filename="../../ui/progress_actions.py" line="89" />
        <source>Tick off {0} assignments</source>
        <translation>销号 {0} 项分工</translation>
    </message>
    <message>
        <location filename="../../ui/progress_actions.py" line="103" />
        <source>None of the selected assignments is ticked off.</source>
        <translation>所选分工均未销号。</translation>
    </message>
    <message>
        <location filename="../../ui/progress_actions.py" line="105" />
        <source>Undo tick-off of {0} assignments</source>
        <translation>撤销 {0} 项分工的销号</translation>
    </message>
    <message>
        <location filename="../../ui/progress_actions.py" line="118" />
        <source>… and {0} more</source>
        <translation>……另有 {0} 条</translation>
    </message>
    <message>
        <location filename="../../ui/progress_actions.py" line="121" />
        <source>Some changes could not be saved; the table now shows the current values.</source>
        <translation>部分修改未能保存，表格已显示当前的最新内容。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/report_preview.py" line="112" />
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="170" />
        <source>Print a report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="184" />
        <source>Optional paragraph for the bulletin</source>
        <translation>通报中的补充说明（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="190" />
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="191" />
        <source>Round</source>
        <translation>调度轮次</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="192" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="193" />
        <source>Reply by</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="194" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="196" />
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="197" />
        <source>Save as Word…</source>
        <translation>保存为 Word…</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="198" />
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="255" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="255" />
        <source>Word (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/report_preview.py" line="256" />
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../ui/labels.py" line="51" />
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52" />
        <source>Responsible</source>
        <translation>责任</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="36" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="43" />
        <source>Shared by everyone using this database. Default: {0} days.</source>
        <translation>使用本数据库的所有人共用此设置。默认 {0} 天。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="51" />
        <source>A new language is used from the next start.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61" />
        <source>Due soon (临期) means within:</source>
        <translation>临期是指距完成时限不超过：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="62" />
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="64" />
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65" />
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/labels.py" line="33" />
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34" />
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36" />
        <source>Ticked off</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37" />
        <source>Standing task</source>
        <translation>长期坚持</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39" />
        <source>Due soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40" />
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
</context>
<context>
    <name>UnitKind</name>
    <message>
        <location filename="../../ui/labels.py" line="88" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89" />
        <source>Local government</source>
        <translation>地方</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90" />
        <source>Collective</source>
        <translation>集体</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>UnitTableModel</name>
    <message>
        <location filename="../../ui/unit_model.py" line="32" />
        <source>Unit</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../ui/unit_model.py" line="33" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/unit_model.py" line="34" />
        <source>Also called</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../ui/unit_model.py" line="35" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/unit_model.py" line="36" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/unit_model.py" line="37" />
        <source>Assigned</source>
        <translation>分工</translation>
    </message>
    <message>
        <location filename="../../ui/unit_model.py" line="38" />
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/unit_model.py" line="39" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/unit_model.py" line="40" />
        <source>To check</source>
        <translation>待核</translation>
    </message>
    <message>
        <location filename="../../ui/unit_model.py" line="87" />
        <source>Added by an import under a name never seen before</source>
        <translation>导入时首次出现的单位名称</translation>
    </message>
    <message>
        <location filename="../../ui/unit_model.py" line="104" />
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../ui/units_dialog.py" line="60" />
        <source>Units directory</source>
        <translation>单位名录</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="68" />
        <source>Find a unit…</source>
        <translation>查找单位…</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="72" />
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="73" />
        <source>Add alias…</source>
        <translation>添加别名…</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="74" />
        <source>Contact…</source>
        <translation>联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="75" />
        <source>Mark as checked</source>
        <translation>标记为已核对</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="139" />
        <source>Merge units</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="140" />
        <source>Merge {0} into:</source>
        <translation>将 {0} 合并到：</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="148" />
        <source>Merge {0} into {1}?

{0} becomes another name of {1}; its assignments and their history move to {1}. This cannot be undone.</source>
        <translation>确定将 {0} 合并到 {1} 吗？

{0} 将成为 {1} 的别名，其分工及进展记录全部转到 {1}。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="163" />
        <source>Add alias</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="163" />
        <source>Another name of {0}:</source>
        <translation>{0} 的另一名称：</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../ui/window_actions.py" line="64" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="67" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="72" />
        <source>Import policy document…</source>
        <translation>导入政策文件…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="74" />
        <source>Open a demo database</source>
        <translation>打开演示数据库</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="76" />
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="78" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="81" />
        <source>Set status…</source>
        <translation>设置状态…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="82" />
        <source>Tick off</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="83" />
        <source>Undo tick off</source>
        <translation>撤销销号</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="84" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="86" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="88" />
        <source>Show all assignments</source>
        <translation>显示全部分工</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="89" />
        <source>Reset column widths</source>
        <translation>恢复默认列宽</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="90" />
        <source>Navigator</source>
        <translation>导航栏</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="91" />
        <source>Detail pane</source>
        <translation>详情栏</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="92" />
        <source>About Measure Tracker</source>
        <translation>关于督办台账</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="93" />
        <source>Units directory…</source>
        <translation>单位名录…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="95" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="102" />
        <source>Tick off (销号) the selected assignments — Ctrl+T</source>
        <translation>将所选分工销号（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="134" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="139" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="148" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="153" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="156" />
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
</TS>
