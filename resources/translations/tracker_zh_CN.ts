<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AchievementList</name>
    <message>
        <location filename="../../ui/reports/achievement_list.py" line="32"/>
        <source>Tick the paragraphs to print; double-click a paragraph to reword it</source>
        <translation>勾选要印发的段落；双击段落可修改文字</translation>
    </message>
</context>
<context>
    <name>AssignmentTableModel</name>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="135"/>
        <source>No.</source>
        <translation>措施编号</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="136"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="137"/>
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="138"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="139"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="140"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="141"/>
        <source>Progress</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="142"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="143"/>
        <source>Progress report</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="144"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="145"/>
        <source>Group</source>
        <translation>所属集体</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="335"/>
        <source>Recorded status: {0}</source>
        <translation>登记状态：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="337"/>
        <source>Updated by {0}</source>
        <translation>更新人：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="339"/>
        <source>Member of the group: {0}</source>
        <translation>所属集体：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/assignment_model.py" line="342"/>
        <source>The collective has no member units yet: add its members in the units directory</source>
        <translation>集体尚无成员单位，请在单位管理中添加成员</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="52"/>
        <source>{0} KB</source>
        <translation>{0} KB</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="53"/>
        <source>{0:.1f} MB</source>
        <translation>{0:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="119"/>
        <location filename="../../ui/settings/backup_dialog.py" line="199"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="132"/>
        <source>Backups in {0}, newest first. The database as it is now is backed up before a backup replaces it.</source>
        <translation>{0} 中的备份，最新的在前。用备份替换数据库之前，会先备份数据库的当前状态。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="138"/>
        <source>No backups yet in {0}.</source>
        <translation>{0} 中还没有备份。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="140"/>
        <source>Restore this backup…</source>
        <translation>恢复此备份…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="143"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="146"/>
        <source>Another file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="177"/>
        <source>Delete the backup {0}? It cannot be brought back.</source>
        <translation>删除备份 {0} 吗？删除后无法找回。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="201"/>
        <source>Database backups ({0});;All files (*)</source>
        <translation>数据库备份 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="215"/>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="217"/>
        <source>Database backups ({0})</source>
        <translation>数据库备份 ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="224"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="226"/>
        <source>The database was backed up to {0} ({1}).</source>
        <translation>数据库已备份到 {0}（{1}）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="241"/>
        <source>Replace the database with the backup {0}?

The database as it is now is backed up first, so this restore can itself be undone from the list of backups.</source>
        <translation>用备份 {0} 替换数据库吗？

会先备份数据库的当前状态，因此这次恢复本身也可以从备份列表中撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="253"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="255"/>
        <source>Restored {0}.

The database as it was just before is kept in {1}.</source>
        <translation>已恢复 {0}。

恢复之前的数据库保存在 {1}。</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="84"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="85"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="86"/>
        <source>Made before</source>
        <translation>备份原因</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backup_dialog.py" line="87"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../ui/board/board_model.py" line="273"/>
        <source>Done</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="275"/>
        <source>Share of unit parts done or ticked off</source>
        <translation>已完成或已销号的分工所占比例</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/board_texts.py" line="54"/>
        <source>%n member: {0}</source>
        <translation>
            <numerusform>%n个成员：{0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/board_texts.py" line="56"/>
        <source>%n members: {0}</source>
        <translation>
            <numerusform>%n个成员：{0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/board/board_texts.py" line="60"/>
        <source>Click or press − to hide the members</source>
        <translation>单击或按 − 收起成员</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_texts.py" line="62"/>
        <source>Click or press + to show the members</source>
        <translation>单击或按 + 展开成员</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_texts.py" line="68"/>
        <source>Open inspection findings: {0} ({1} overdue)</source>
        <translation>未整改督查问题：{0} 个（逾期 {1} 个）</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="345"/>
        <source>Unit: {0} ({1})</source>
        <translation>单位：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="346"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="348"/>
        <source>Deadline: {0}</source>
        <translation>完成时限：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="351"/>
        <location filename="../../ui/board/board_texts.py" line="65"/>
        <source>Member of {0}</source>
        <translation>{0}的成员</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="353"/>
        <source>Progress report: {0}</source>
        <translation>进展情况：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/board_model.py" line="368"/>
        <source>{0} of %n task done by every member</source>
        <translation>
            <numerusform>%n项任务中{0}项全部成员已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/board_model.py" line="369"/>
        <source>{0} of %n tasks done by every member</source>
        <translation>
            <numerusform>%n项任务中{0}项全部成员已完成</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/board/board_model.py" line="370"/>
        <source>{0} of {1} done or ticked off</source>
        <translation>{1} 项中已完成或已销号 {0} 项</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../ui/board/board_view.py" line="96"/>
        <source>Tick off</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_view.py" line="98"/>
        <source>Document:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_view.py" line="117"/>
        <source>Not assigned</source>
        <translation>无分工</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_view.py" line="124"/>
        <source>Legend:</source>
        <translation>图例：</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_view.py" line="138"/>
        <source>✓ done · number: % complete · bold: lead unit · ▸ 3/5: a group&apos;s members done</source>
        <translation>✓ 已完成 · 数字：完成进度% · 粗体：牵头单位 · ▸ 3/5：集体成员完成数</translation>
    </message>
    <message>
        <location filename="../../ui/board/board_view.py" line="184"/>
        <source>{0} × {1} · {2}</source>
        <translation>{0} × {1} · {2}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/board_view.py" line="190"/>
        <source>{0} of %n unit part done</source>
        <translation>
            <numerusform>%n 项分工中已完成 {0} 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/board_view.py" line="192"/>
        <source>{0} of %n unit parts done</source>
        <translation>
            <numerusform>%n 项分工中已完成 {0} 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/board_view.py" line="185"/>
        <source>%n measure</source>
        <translation>
            <numerusform>%n 项措施</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/board_view.py" line="187"/>
        <source>%n measures</source>
        <translation>
            <numerusform>%n 项措施</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/board_view.py" line="188"/>
        <source>%n unit</source>
        <translation>
            <numerusform>%n 个单位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/board_view.py" line="188"/>
        <source>%n units</source>
        <translation>
            <numerusform>%n 个单位</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChaserBatchDialog</name>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="59"/>
        <source>Chasers for several units</source>
        <translation>批量催办</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="70"/>
        <source>All not reported</source>
        <translation>全部未报送单位</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="72"/>
        <source>All with overdue tasks or findings</source>
        <translation>全部有逾期任务或逾期整改问题的单位</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="74"/>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="76"/>
        <source>Ask units that have not reported for the ledger</source>
        <translation>对未报送单位催报工作台账</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="82"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="83"/>
        <source>Word</source>
        <translation>Word</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="88"/>
        <source>Round</source>
        <translation>调度轮次</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="89"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="92"/>
        <source>Reply by</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="93"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="96"/>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="99"/>
        <source>Save all…</source>
        <translation>全部保存…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="141"/>
        <source>Choose the units to chase first.</source>
        <translation>请先选择要催办的单位。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="145"/>
        <source>Preparing the chasers…</source>
        <translation>正在生成催办单…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="162"/>
        <source>Laying out the chasers…</source>
        <translation>正在排版催办单…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="184"/>
        <source>Another clerk took chaser numbers meanwhile: the printed chasers are recorded as {0} to {1}; correct the numbers on paper or print again.</source>
        <translation>其他人员同时占用了催办单编号：已打印的催办单登记为{0}至{1}；请更正纸面编号或重新打印。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="194"/>
        <source>Save the chasers into</source>
        <translation>催办单保存到</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="204"/>
        <source>Writing the chasers…</source>
        <translation>正在保存催办单…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="211"/>
        <source>Stopped: %n file written to {0}</source>
        <translation>
            <numerusform>已停止：已保存%n个文件到 {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="213"/>
        <source>Stopped: %n files written to {0}</source>
        <translation>
            <numerusform>已停止：已保存%n个文件到 {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="217"/>
        <source>%n file written to {0}</source>
        <translation>
            <numerusform>已保存%n个文件到 {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/chaser_batch_dialog.py" line="219"/>
        <source>%n files written to {0}</source>
        <translation>
            <numerusform>已保存%n个文件到 {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="46"/>
        <source>Contact of {0}</source>
        <translation>{0}的联系人</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="50"/>
        <source>Contact person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="51"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
</context>
<context>
    <name>ContactHistory</name>
    <message>
        <location filename="../../ui/units/contact_history.py" line="30"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="32"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="39"/>
        <source>typed by a clerk</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="41"/>
        <source>undo of a ledger import</source>
        <translation>撤销导入台账</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="43"/>
        <source>ledger {0}</source>
        <translation>台账 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="53"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="56"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="57"/>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="58"/>
        <source>After</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="59"/>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="60"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>ContactHistoryDialog</name>
    <message>
        <location filename="../../ui/units/contact_history.py" line="73"/>
        <source>Contact history of {0}</source>
        <translation>{0}的联系人变更记录</translation>
    </message>
    <message>
        <location filename="../../ui/units/contact_history.py" line="92"/>
        <source>The contact of this unit was never changed.</source>
        <translation>该单位的联系人从未变更。</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../ui/crash.py" line="82"/>
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
    <name>Dashboard</name>
    <message numerus="yes">
        <location filename="../../ui/board/dashboard.py" line="75"/>
        <source>Due soon — %n assignment</source>
        <translation>
            <numerusform>临期 — 共 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/dashboard.py" line="76"/>
        <source>Due soon — %n assignments</source>
        <translation>
            <numerusform>临期 — 共 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/board/dashboard.py" line="141"/>
        <source>Completion by unit</source>
        <translation>各单位完成率</translation>
    </message>
    <message>
        <location filename="../../ui/board/dashboard.py" line="142"/>
        <source>Completion by part</source>
        <translation>各部分完成率</translation>
    </message>
    <message>
        <location filename="../../ui/board/dashboard.py" line="155"/>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../ui/board/dashboard.py" line="156"/>
        <source>Unit parts</source>
        <translation>分工</translation>
    </message>
    <message>
        <location filename="../../ui/board/dashboard.py" line="181"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/board/dashboard.py" line="181"/>
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../ui/board/dashboard.py" line="181"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/board/dashboard.py" line="181"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../ui/board/dashboard.py" line="64"/>
        <source>Overdue — the {0} most overdue of {1}</source>
        <translation>逾期 — 共 {1} 项，逾期最久的 {0} 项</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/dashboard.py" line="66"/>
        <source>Overdue — %n assignment</source>
        <translation>
            <numerusform>逾期 — 共 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/board/dashboard.py" line="67"/>
        <source>Overdue — %n assignments</source>
        <translation>
            <numerusform>逾期 — 共 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/board/dashboard.py" line="73"/>
        <source>Due soon — the {0} nearest of {1}</source>
        <translation>临期 — 共 {1} 项，最临近的 {0} 项</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="89"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="89"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="89"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="89"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="97"/>
        <source>Measure text</source>
        <translation>措施原文</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="98"/>
        <source>Units of this measure</source>
        <translation>本措施的责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="99"/>
        <source>History of the selected unit&apos;s part</source>
        <translation>所选单位的进展记录</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="112"/>
        <source>No measure selected</source>
        <translation>未选择措施</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="113"/>
        <source>Choose a row in the table to see the measure in full.</source>
        <translation>在表格中选择一行，即可在此查看措施全文。</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="123"/>
        <source>Standing task</source>
        <translation>长期坚持</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="123"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="64"/>
        <location filename="../../ui/window/detail_pane.py" line="125"/>
        <source>Deadline: {0}</source>
        <translation>完成时限：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="129"/>
        <source>Member of the group: {0}</source>
        <translation>所属集体：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="134"/>
        <source>The collective has no member units yet: add its members in the units directory</source>
        <translation>集体尚无成员单位，请在单位管理中添加成员</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="138"/>
        <source>Evidence: {0}</source>
        <translation>佐证材料：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="140"/>
        <source>Reason for the delay: {0}</source>
        <translation>未按期完成原因：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="147"/>
        <source>Sub-task {0}:</source>
        <translation>分工 {0}：</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="148"/>
        <source>The measure in full:</source>
        <translation>措施全文：</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="153"/>
        <source>Milestones:</source>
        <translation>时间节点：</translation>
    </message>
    <message>
        <location filename="../../ui/window/detail_pane.py" line="229"/>
        <source>Derived from the members&apos; own states, never typed</source>
        <translation>由各成员的进展汇总得出，不可直接填写</translation>
    </message>
</context>
<context>
    <name>DocumentDelete</name>
    <message>
        <location filename="../../ui/documents/document_delete_flow.py" line="28"/>
        <source>Delete {0} ({1})?

This deletes {2}, {3} and {4} of progress. A backup of the database is made first.</source>
        <translation>删除 {0}（{1}）？

将删除 {2}、{3}和 {4}。删除前会先备份数据库。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/document_delete_flow.py" line="35"/>
        <source>%n measure</source>
        <translation>
            <numerusform>%n 项措施</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/document_delete_flow.py" line="37"/>
        <source>%n measures</source>
        <translation>
            <numerusform>%n 项措施</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/document_delete_flow.py" line="38"/>
        <source>%n unit assignment</source>
        <translation>
            <numerusform>%n 项单位任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/document_delete_flow.py" line="40"/>
        <source>%n unit assignments</source>
        <translation>
            <numerusform>%n 项单位任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/document_delete_flow.py" line="41"/>
        <source>%n history entry</source>
        <translation>
            <numerusform>%n 条进展历史记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/document_delete_flow.py" line="43"/>
        <source>%n history entries</source>
        <translation>
            <numerusform>%n 条进展历史记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/document_delete_flow.py" line="48"/>
        <source>%n ledger file was exported since it was imported: rows for this document in it will be refused when it comes back.</source>
        <translation>
            <numerusform>自导入以来已导出 %n 份台账：其中属于该文件的行在收回时将被拒绝。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/document_delete_flow.py" line="56"/>
        <source>%n ledger files were exported since it was imported: rows for this document in them will be refused when they come back.</source>
        <translation>
            <numerusform>自导入以来已导出 %n 份台账：其中属于该文件的行在收回时将被拒绝。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExtensionsDialog</name>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="58"/>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="59"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="60"/>
        <source>Refused</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="74"/>
        <source>No.</source>
        <translation>措施编号</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="75"/>
        <source>Task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="76"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="77"/>
        <source>Deadline now</source>
        <translation>现完成时限</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="79"/>
        <source>Requested</source>
        <translation>申请延至</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="81"/>
        <source>Reason</source>
        <translation>延期理由</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="82"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="83"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="84"/>
        <source>Decision</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="101"/>
        <source>Extension requests</source>
        <translation>延期申请</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="113"/>
        <source>Show decided requests</source>
        <translation>显示已审批的申请</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="116"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="117"/>
        <source>Refuse…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="118"/>
        <source>Undo decision</source>
        <translation>撤销审批</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="119"/>
        <source>New request…</source>
        <translation>新建申请…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/extensions/extensions_dialog.py" line="149"/>
        <source>%n request waits for a decision</source>
        <translation>
            <numerusform>%n项申请待审批</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/extensions/extensions_dialog.py" line="151"/>
        <source>%n requests wait for a decision</source>
        <translation>
            <numerusform>%n项申请待审批</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="179"/>
        <source>Approve the extension</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="180"/>
        <source>{0} {1}: deadline {2} → {3}. A note (optional):</source>
        <translation>{0} {1}：完成时限 {2} → {3}。审批意见（可不填）：</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="193"/>
        <source>Refuse the extension</source>
        <translation>驳回延期申请</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/extensions_dialog.py" line="194"/>
        <source>Why is the request of {0} for {1} refused?</source>
        <translation>驳回{0}关于措施{1}的延期申请的理由：</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="119"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="123"/>
        <source>Only the assignments whose progress changed in this round</source>
        <translation>只看在该轮次中有进展变化的分工</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="124"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="125"/>
        <source>Due within</source>
        <translation>到期在</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="129"/>
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="129"/>
        <source> day</source>
        <translation> 天内</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="132"/>
        <source>Search measures and units…</source>
        <translation>搜索措施或单位…</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="138"/>
        <source>Show the whole document again</source>
        <translation>重新显示整个文件</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="158"/>
        <source>Filter by document</source>
        <translation>按文件筛选</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="159"/>
        <source>Filter by responsible unit</source>
        <translation>按责任单位筛选</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="160"/>
        <source>Filter by status</source>
        <translation>按完成状态筛选</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="198"/>
        <source>All documents</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="211"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="223"/>
        <source>All rounds</source>
        <translation>全部轮次</translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="264"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/filter_bar.py" line="268"/>
        <source>Due within %n day</source>
        <translation>
            <numerusform>%n天内到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/filter_bar.py" line="270"/>
        <source>Due within %n days</source>
        <translation>
            <numerusform>%n天内到期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/window/filter_bar.py" line="274"/>
        <source>All assignments</source>
        <translation>全部分工</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="82"/>
        <source>New finding</source>
        <translation>新增督查问题</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="92"/>
        <source>Code of the measure concerned (optional)</source>
        <translation>涉及的措施编号（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="97"/>
        <source>Inspection</source>
        <translation>督查</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="98"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="99"/>
        <source>Measure</source>
        <translation>措施编号</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="100"/>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="101"/>
        <source>Required rectification</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="102"/>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
</context>
<context>
    <name>FindingHistory</name>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="150"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="151"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="152"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="154"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="158"/>
        <source>Progress (%)</source>
        <translation>整改进度(%)</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="161"/>
        <source>Rectification progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="162"/>
        <source>Unit&apos;s evidence</source>
        <translation>单位佐证材料</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="163"/>
        <source>Evidence</source>
        <translation>销号佐证</translation>
    </message>
</context>
<context>
    <name>FindingHistoryDialog</name>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="172"/>
        <source>History of the finding</source>
        <translation>督查问题的变更记录</translation>
    </message>
</context>
<context>
    <name>FindingListPreview</name>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="37"/>
        <source>Cell</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="38"/>
        <source>Inspection</source>
        <translation>督查</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="39"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="40"/>
        <source>Measure</source>
        <translation>措施编号</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="41"/>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="43"/>
        <source>Required rectification</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="47"/>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="111"/>
        <source>Choose a problem list (问题清单)</source>
        <translation>选择问题清单</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="112"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods)</translation>
    </message>
</context>
<context>
    <name>FindingListPreviewDialog</name>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="58"/>
        <source>Import problem list: {0}</source>
        <translation>导入问题清单：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inspections/finding_import.py" line="67"/>
        <source>%n finding</source>
        <translation>
            <numerusform>%n 个督查问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inspections/finding_import.py" line="67"/>
        <source>%n findings</source>
        <translation>
            <numerusform>%n 个督查问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inspections/finding_import.py" line="82"/>
        <source>%n cell must be corrected in the file; nothing will be imported:</source>
        <translation>
            <numerusform>文件中有 %n 处须改正，改正前不导入任何内容：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inspections/finding_import.py" line="88"/>
        <source>%n cells must be corrected in the file; nothing will be imported:</source>
        <translation>
            <numerusform>文件中有 %n 处须改正，改正前不导入任何内容：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="70"/>
        <source>; new inspections: {0}</source>
        <translation>；新建督查：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_import.py" line="99"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>FindingProgressDialog</name>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="121"/>
        <location filename="../../ui/inspections/finding_dialogs.py" line="136"/>
        <source>Rectification progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="133"/>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="134"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="135"/>
        <source>Progress (%)</source>
        <translation>整改进度(%)</translation>
    </message>
</context>
<context>
    <name>FindingTableModel</name>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="52"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="53"/>
        <source>Inspection</source>
        <translation>督查</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="54"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="55"/>
        <source>Measure</source>
        <translation>措施编号</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="56"/>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="57"/>
        <source>Required rectification</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="58"/>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="60"/>
        <source>Progress (%)</source>
        <translation>整改进度(%)</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="61"/>
        <source>Rectification progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="62"/>
        <source>Unit&apos;s evidence</source>
        <translation>单位佐证材料</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="63"/>
        <source>Evidence</source>
        <translation>销号佐证</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_model.py" line="64"/>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
</context>
<context>
    <name>FindingsExport</name>
    <message>
        <location filename="../../ui/inspections/findings_export.py" line="43"/>
        <source>No finding is shown: nothing to export.</source>
        <translation>当前没有显示任何问题，无可导出的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_export.py" line="45"/>
        <source>Export the findings to Excel</source>
        <translation>将问题清单导出到 Excel</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../ui/inspections/findings_tab.py" line="31"/>
        <source>Findings</source>
        <translation>督查整改</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="72"/>
        <source>Open findings only</source>
        <translation>只看未销号</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="75"/>
        <source>New inspection…</source>
        <translation>新建督查…</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="76"/>
        <source>New finding…</source>
        <translation>新增问题…</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="77"/>
        <source>Progress…</source>
        <translation>整改进展…</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="78"/>
        <source>Close (整改销号)…</source>
        <translation>整改销号…</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="79"/>
        <source>Reopen</source>
        <translation>撤销销号</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="80"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="81"/>
        <source>Import problem list…</source>
        <translation>导入问题清单…</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="82"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="90"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="127"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inspections/findings_page.py" line="141"/>
        <source>%n finding shown; {0} of {1} open</source>
        <translation>
            <numerusform>显示 %n 个问题；共 {1} 个，未销号 {0} 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inspections/findings_page.py" line="143"/>
        <source>%n findings shown; {0} of {1} open</source>
        <translation>
            <numerusform>显示 %n 个问题；共 {1} 个，未销号 {0} 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="212"/>
        <source>Close the finding (整改销号)</source>
        <translation>整改销号</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/findings_page.py" line="213"/>
        <source>Evidence that it is rectified (documents, site check…):</source>
        <translation>已整改到位的佐证材料（文件、现场核查等）：</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../ui/window/first_run.py" line="72"/>
        <source>Welcome to the Measure Tracker</source>
        <translation>欢迎使用督办台账</translation>
    </message>
    <message>
        <location filename="../../ui/window/first_run.py" line="59"/>
        <source>The database is empty. Import a policy document (Word, WPS, PDF or text): its measures, responsible units and deadlines become the table you follow up. Or open a demo database to look around first.</source>
        <translation>数据库中还没有内容。请导入一份政策文件（Word、WPS、PDF 或文本文件），文件中的措施、责任单位和完成时限将生成督办表格；也可以先打开演示数据库看一看。</translation>
    </message>
    <message>
        <location filename="../../ui/window/first_run.py" line="65"/>
        <source>Import a policy document…</source>
        <translation>导入政策文件…</translation>
    </message>
    <message>
        <location filename="../../ui/window/first_run.py" line="66"/>
        <source>Open a demo database</source>
        <translation>打开演示数据库</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="53"/>
        <location filename="../../ui/units/group_dialog.py" line="192"/>
        <source>Members of {0}</source>
        <translation>{0}的成员</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="57"/>
        <source>Each member answers every task of {0} on its own: its own status, ledger and place in the bulletin. The group is done when every member is.</source>
        <translation>每个成员单独承担{0}的每项任务：各自的状态、台账和通报排名。所有成员都完成时，该集体才算完成。</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="67"/>
        <source>Members&apos; own members (e.g. counties) answer directly, not through them</source>
        <translation>成员的下属单位（如各县区）直接填报，不经由成员汇总</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="72"/>
        <source>Ready-made list…</source>
        <translation>预置名单…</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="77"/>
        <source>{0} and {1}</source>
        <translation>{0}及{1}</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="82"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="83"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="84"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="85"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="86"/>
        <source>Paste list…</source>
        <translation>粘贴名单…</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="87"/>
        <source>From file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="119"/>
        <source>Add a member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="119"/>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="139"/>
        <source>Paste a list</source>
        <translation>粘贴名单</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="139"/>
        <source>One unit per line (or separated by 、):</source>
        <translation>每行一个单位（或用“、”分隔）：</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="148"/>
        <source>Members from a file</source>
        <translation>从文件导入成员</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="149"/>
        <source>Spreadsheets and CSV (*.xlsx *.xls *.ods *.csv)</source>
        <translation>电子表格和 CSV (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="176"/>
        <source>New units</source>
        <translation>新单位</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="177"/>
        <source>These units are not in the directory yet and will be added:
{0}</source>
        <translation>以下单位尚未收录，将新增到单位名录：
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/units/group_dialog.py" line="194"/>
        <source>The ledgers of {0} went out before these members had tasks: {1}. Export their ledgers (File → Export work ledgers) so they can report.</source>
        <translation>{0}的工作台账发出时，以下成员尚未承担任务：{1}。请为其导出工作台账（文件 → 导出工作台账…），以便报送。</translation>
    </message>
</context>
<context>
    <name>GroupLabels</name>
    <message>
        <location filename="../../ui/group_labels.py" line="21"/>
        <source>{0}/{1} done</source>
        <translation>{0}/{1} 完成</translation>
    </message>
    <message>
        <location filename="../../ui/group_labels.py" line="23"/>
        <source>{0} overdue</source>
        <translation>{0} 逾期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/group_labels.py" line="31"/>
        <source>{0} (%n member)</source>
        <translation>
            <numerusform>{0}（%n个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/group_labels.py" line="33"/>
        <source>{0} (%n members)</source>
        <translation>
            <numerusform>{0}（%n个）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/settings/guide_dialog.py" line="25"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../ui/settings/guide_dialog.py" line="35"/>
        <source>The user guide is missing from this installation: {0}</source>
        <translation>本次安装缺少使用说明文件：{0}</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="46"/>
        <source>Import policy document</source>
        <translation>导入政策文件</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="47"/>
        <source>Policy documents (*.docx *.doc *.wps *.rtf *.odt *.pdf *.txt)</source>
        <translation>政策文件 (*.docx *.doc *.wps *.rtf *.odt *.pdf *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="49"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="57"/>
        <source>{0} was imported before; nothing changed.</source>
        <translation>{0} 此前已导入过，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="61"/>
        <source>{0} is a revised version of a document already stored.</source>
        <translation>{0} 是一份已存文件的修订版本。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="64"/>
        <source>Nothing has been changed yet. These are the differences:</source>
        <translation>目前尚未作任何更改。差异如下：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="68"/>
        <source>The revision was applied. Progress already recorded is kept.</source>
        <translation>已应用修订，已登记的进展全部保留。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="71"/>
        <source>{0} was imported.</source>
        <translation>已导入 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="75"/>
        <source>{0}, {1}.</source>
        <comment>measures, unit assignments</comment>
        <translation>共 {0}，{1}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_flow.py" line="76"/>
        <source>%n measure</source>
        <translation>
            <numerusform>%n 项措施</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_flow.py" line="78"/>
        <source>%n measures</source>
        <translation>
            <numerusform>%n 项措施</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_flow.py" line="79"/>
        <source>%n unit assignment</source>
        <translation>
            <numerusform>%n 项单位分工</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_flow.py" line="81"/>
        <source>%n unit assignments</source>
        <translation>
            <numerusform>%n 项单位分工</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="184"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="253"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="254"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="255"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="88"/>
        <source>Measures without a responsible unit: {0}</source>
        <translation>未明确责任单位的措施：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="92"/>
        <source>New units — please check them in the units directory:</source>
        <translation>新出现的单位（请在单位名录中核对）：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="96"/>
        <source> (similar to {0})</source>
        <translation>（相近：{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="256"/>
        <source>renumbered</source>
        <translation>重新编号</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_preview_models.py" line="267"/>
        <source>measure {0} → {1}: %n unit&apos;s progress moves</source>
        <translation>
            <numerusform>第{0}条 → 第{1}条：%n个单位的进展随之移动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_preview_models.py" line="269"/>
        <source>measure {0} → {1}: %n units&apos; progress moves</source>
        <translation>
            <numerusform>第{0}条 → 第{1}条：%n个单位的进展随之移动</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="279"/>
        <source>title: {0} → {1}</source>
        <translation>标题：{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="281"/>
        <source>text changed</source>
        <translation>内容有改动</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="284"/>
        <source>deadline: {0} → {1}</source>
        <translation>完成时限：{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="300"/>
        <source>units: +[{0}]</source>
        <translation>责任单位：增加[{0}]</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="302"/>
        <source>units: -[{0}]</source>
        <translation>责任单位：去掉[{0}]</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="303"/>
        <source>units: +[{0}] -[{1}]</source>
        <translation>责任单位：增加[{0}]，去掉[{1}]</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="291"/>
        <source>sub-tasks: {0} → {1}</source>
        <translation>分工：{0}项 → {1}项</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="156"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
</context>
<context>
    <name>ImportOutcomeDialog</name>
    <message>
        <location filename="../../ui/documents/import_flow.py" line="106"/>
        <source>Import policy document</source>
        <translation>导入政策文件</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="54"/>
        <source>{0}  lead: {1}  with: {2}  {3}  {4}</source>
        <translation>{0}  牵头：{1}  配合：{2}  {3}  {4}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="97"/>
        <source>Code</source>
        <translation>措施编号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="98"/>
        <source>Measure</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="99"/>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="100"/>
        <location filename="../../ui/documents/task_review_model.py" line="107"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="115"/>
        <location filename="../../ui/documents/task_review_model.py" line="130"/>
        <source>(no unit named)</source>
        <translation>（未明确责任单位）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="117"/>
        <source>{0} ({1} sub-tasks)</source>
        <translation>{0}（{1} 项分工）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="186"/>
        <source>Unit named in the document</source>
        <translation>文件中的单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="187"/>
        <source>In the units directory</source>
        <translation>单位名录中</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="188"/>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="223"/>
        <source>Known unit</source>
        <translation>已有单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="225"/>
        <source>New — similar to {0}</source>
        <translation>新单位，与“{0}”相近</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="229"/>
        <source>New collective (集体): give it members later</source>
        <translation>新的集体单位：之后可设置其成员单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="230"/>
        <source>New</source>
        <translation>新单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview_models.py" line="234"/>
        <source>Create as a new unit</source>
        <translation>新建为单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review_model.py" line="37"/>
        <source>{0} (collective)</source>
        <translation>{0}（集体）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review_model.py" line="45"/>
        <source>standing</source>
        <translation>长期坚持</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review_model.py" line="104"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review_model.py" line="105"/>
        <source>Lead</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review_model.py" line="106"/>
        <source>Supporting</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review_model.py" line="108"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review_model.py" line="109"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="114"/>
        <source>Import policy document — preview</source>
        <translation>导入政策文件 — 预览</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="133"/>
        <source>Line {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="203"/>
        <source>This is a revised version of the stored document {0}. Accepting the revision applies the changes listed below; progress already recorded is kept.</source>
        <translation>这是已存文件{0}的修订版本。接受修订将应用下列改动，已登记的进展全部保留。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_preview.py" line="214"/>
        <source>%n part</source>
        <translation>
            <numerusform>%n 个部分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_preview.py" line="216"/>
        <source>%n parts</source>
        <translation>
            <numerusform>%n 个部分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_preview.py" line="219"/>
        <source>%n section</source>
        <translation>
            <numerusform>%n 个小节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_preview.py" line="221"/>
        <source>%n sections</source>
        <translation>
            <numerusform>%n 个小节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_preview.py" line="224"/>
        <source>%n measure</source>
        <translation>
            <numerusform>%n 项措施</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_preview.py" line="226"/>
        <source>%n measures</source>
        <translation>
            <numerusform>%n 项措施</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_preview.py" line="229"/>
        <source>%n unit named</source>
        <translation>
            <numerusform>%n 个单位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/documents/import_preview.py" line="231"/>
        <source>%n units named</source>
        <translation>
            <numerusform>%n 个单位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="233"/>
        <source>{0}, {1}, {2}, {3} ({4} new).</source>
        <translation>共 {0}、{1}、{2}，涉及 {3}（新 {4} 个）。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="263"/>
        <source>Tasks ({0})</source>
        <translation>分工任务（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="270"/>
        <source>Measures without a responsible unit: {0}</source>
        <translation>未明确责任单位的措施：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="145"/>
        <source>Measures ({0})</source>
        <translation>措施（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="267"/>
        <source>Units ({0}, {1} new)</source>
        <translation>单位（{0} 个，新 {1} 个）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="151"/>
        <source>Changes ({0})</source>
        <translation>修订内容（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="136"/>
        <source>Double-click to show the task of this line</source>
        <translation>双击以显示此行对应的任务</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="157"/>
        <source>Parser warnings ({0})</source>
        <translation>解析提示（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="164"/>
        <source>Accept revision</source>
        <translation>接受修订</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="164"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="180"/>
        <source>Document number:</source>
        <translation>文号：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="181"/>
        <source>Issued by:</source>
        <translation>发文机关：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="185"/>
        <source>Issued on:</source>
        <translation>成文日期：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="186"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="199"/>
        <source>{0} was imported before; importing it again would change nothing.</source>
        <translation>{0} 此前已导入过，再次导入不会有任何变化。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="208"/>
        <source>Check the new units: create each one, or pick the known unit it means.</source>
        <translation>请核对新出现的单位：逐个新建，或选择它所指的已有单位。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="209"/>
        <source>Every unit the document names is already known.</source>
        <translation>文件中的单位均已在单位名录中。</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="64"/>
        <source>New inspection</source>
        <translation>新建督查</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="69"/>
        <source>Name</source>
        <translation>督查名称</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="70"/>
        <source>Held on</source>
        <translation>督查日期</translation>
    </message>
    <message>
        <location filename="../../ui/inspections/finding_dialogs.py" line="71"/>
        <source>Inspection team</source>
        <translation>督查组</translation>
    </message>
</context>
<context>
    <name>LedgerActions</name>
    <message>
        <location filename="../../ui/ledgers/ledger_actions.py" line="77"/>
        <source>Ledgers are sent out for a reporting round, and there is none yet. Create one now?</source>
        <translation>台账要按调度轮次下发，目前还没有轮次。现在新建一个吗？</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_actions.py" line="98"/>
        <source>Import returned work ledgers</source>
        <translation>导入回收的工作台账</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_actions.py" line="99"/>
        <source>Work ledgers (*.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>工作台账 (*.xlsx *.xlsm *.xls *.ods);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_actions.py" line="105"/>
        <source>Import every ledger in a folder</source>
        <translation>导入文件夹中的全部台账</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_actions.py" line="122"/>
        <source>No work ledger was found there.</source>
        <translation>那里没有找到工作台账。</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_actions.py" line="132"/>
        <source>Undo the last ledger import? Every change it made is taken back (the history keeps both steps).</source>
        <translation>撤销最近一次台账导入？它所做的全部修改都将撤回（历史记录会保留这两步）。</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_actions.py" line="155"/>
        <source>Undoing the last ledger import…</source>
        <translation>正在撤销最近一次台账导入…</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_actions.py" line="146"/>
        <source>Undone: {0}</source>
        <translation>已撤销：{0}</translation>
    </message>
</context>
<context>
    <name>LedgerExportDialog</name>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="110"/>
        <source>Export work ledgers</source>
        <translation>导出工作台账</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="116"/>
        <source>Every unit with assignments ({0})</source>
        <translation>所有有分工的单位（{0} 个）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="118"/>
        <source>Only the units ticked below</source>
        <translation>仅下面勾选的单位</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="127"/>
        <source>Also the master ledger (总台账, every unit in one workbook)</source>
        <translation>同时导出总台账（所有单位在一个工作簿中）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="135"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="142"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="147"/>
        <source>Round</source>
        <translation>调度轮次</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="148"/>
        <source>Save in folder</source>
        <translation>保存到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="171"/>
        <source>Save the ledgers in</source>
        <translation>台账保存到</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="189"/>
        <source>Choose a folder to save the ledgers in.</source>
        <translation>请选择保存台账的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="192"/>
        <source>Tick at least one unit, or the master ledger.</source>
        <translation>请至少勾选一个单位，或勾选总台账。</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="202"/>
        <source>Writing work ledgers…</source>
        <translation>正在生成工作台账…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="214"/>
        <source>Stopped: %n ledger was written to {0} before you cancelled.</source>
        <translation>
            <numerusform>已停止：取消前已有 %n 份台账保存到 {0}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="216"/>
        <source>Stopped: %n ledgers were written to {0} before you cancelled.</source>
        <translation>
            <numerusform>已停止：取消前已有 %n 份台账保存到 {0}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="218"/>
        <source>%n ledger was written to {0}.</source>
        <translation>
            <numerusform>已将 %n 份台账保存到 {0}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="220"/>
        <source>%n ledgers were written to {0}.</source>
        <translation>
            <numerusform>已将 %n 份台账保存到 {0}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="223"/>
        <source>%n ledger could not be written:</source>
        <translation>
            <numerusform>%n 个台账未能写出：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="225"/>
        <source>%n ledgers could not be written:</source>
        <translation>
            <numerusform>%n 个台账未能写出：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="230"/>
        <source>No ledger for the collectives with no members yet (add their members in the units directory): {0}</source>
        <translation>以下集体尚无成员单位，未生成工作台账（请在单位管理中添加成员）：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_export_dialog.py" line="233"/>
        <source>Open the folder?</source>
        <translation>打开该文件夹吗？</translation>
    </message>
</context>
<context>
    <name>LedgerField</name>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="52"/>
        <source>Status</source>
        <translation>完成状态</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="53"/>
        <source>Progress</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="54"/>
        <source>Progress report</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="55"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="56"/>
        <source>Next steps</source>
        <translation>下一步计划</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="57"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="58"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="59"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="60"/>
        <source>Reason not done on time</source>
        <translation>未按期完成原因</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="61"/>
        <source>Extension requested to</source>
        <translation>申请延期至</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="62"/>
        <source>Reason for the extension</source>
        <translation>延期理由</translation>
    </message>
</context>
<context>
    <name>LedgerImportCommand</name>
    <message numerus="yes">
        <location filename="../../ui/ledgers/ledger_history.py" line="60"/>
        <source>Import ledgers (%n file)</source>
        <translation>
            <numerusform>导入台账（%n个文件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/ledger_history.py" line="61"/>
        <source>Import ledgers (%n files)</source>
        <translation>
            <numerusform>导入台账（%n个文件）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_history.py" line="103"/>
        <source>No file could be imported again.</source>
        <translation>没有文件能再次导入。</translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="82"/>
        <source>Import returned work ledgers</source>
        <translation>导入回收的工作台账</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="132"/>
        <source>Apply the valid rows of files with rejected cells (the rejected rows stay)</source>
        <translation>导入有退回单元格的文件中的有效行（被退回的行保持不变）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="137"/>
        <source>Apply</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="141"/>
        <source>Write return notice…</source>
        <translation>生成退回单…</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="144"/>
        <source>The file back to its unit with the rejected cells marked, and their list</source>
        <translation>把文件退回给填报单位：标注被退回的单元格，并附清单</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="186"/>
        <source>Take the unit&apos;s values for all</source>
        <translation>全部采用单位填报</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="187"/>
        <source>Keep the office&apos;s values for all</source>
        <translation>全部保留办公室数据</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="191"/>
        <source>The unit and the office both changed these fields:</source>
        <translation>以下内容单位和办公室都修改过：</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="206"/>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="385"/>
        <source>Reading returned ledgers…</source>
        <translation>正在读取回收的台账…</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="245"/>
        <source>Changes ({0})</source>
        <translation>修改（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="246"/>
        <source>Rejected ({0})</source>
        <translation>退回（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="247"/>
        <source>Conflicts ({0})</source>
        <translation>冲突（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="248"/>
        <source>Ignored ({0})</source>
        <translation>已忽略（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="249"/>
        <source>Emptied, kept ({0})</source>
        <translation>被清空已保留（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="250"/>
        <source>Warnings ({0})</source>
        <translation>提示（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="252"/>
        <source>Contacts updated ({0})</source>
        <translation>联系方式更新（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="254"/>
        <source>Findings sheet ({0})</source>
        <translation>整改台账（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="256"/>
        <source>Extension requests ({0})</source>
        <translation>延期申请（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="279"/>
        <source>Folder for the return notice</source>
        <translation>退回单保存位置</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="285"/>
        <source>Writing the return notice…</source>
        <translation>正在生成退回单…</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="291"/>
        <source>Return notice written: {0}</source>
        <translation>退回单已生成：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="313"/>
        <source>%n file read</source>
        <translation>
            <numerusform>已读取 %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="315"/>
        <source>%n files read</source>
        <translation>
            <numerusform>已读取 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="320"/>
        <source>{0}; {1} imported {2}.</source>
        <translation>{0}；已导入 {1} 个，{2}。</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="322"/>
        <source>{0}; {1} imported {2}; {3} more can be applied now {4}.</source>
        <translation>{0}；已导入 {1} 个，{2}；另有 {3} 个可以导入，{4}。</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="326"/>
        <source>{0}; {1} can be applied now {2}.</source>
        <translation>{0}；其中 {1} 个可以导入，{2}。</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="356"/>
        <source>Applying the returned ledgers…</source>
        <translation>正在导入回收的台账…</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_import_dialog.py" line="367"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/preview_views.py" line="59"/>
        <source>with %n change</source>
        <translation>
            <numerusform>共 %n 处修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/preview_views.py" line="60"/>
        <source>with %n changes</source>
        <translation>
            <numerusform>共 %n 处修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/preview_views.py" line="68"/>
        <source>%n file imported</source>
        <translation>
            <numerusform>已导入 %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/preview_views.py" line="70"/>
        <source>%n files imported</source>
        <translation>
            <numerusform>已导入 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/preview_views.py" line="73"/>
        <source>{0} {1}.</source>
        <comment>files imported, with changes</comment>
        <translation>{0}，{1}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/preview_views.py" line="79"/>
        <source>%n contact in the unit directory updated.</source>
        <translation>
            <numerusform>通讯录中%n项联系方式已更新。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/preview_views.py" line="83"/>
        <source>%n contacts in the unit directory updated.</source>
        <translation>
            <numerusform>通讯录中%n项联系方式已更新。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/preview_views.py" line="92"/>
        <source>%n extension request awaits a decision (Edit → Extension requests…).</source>
        <translation>
            <numerusform>%n项延期申请待审批（编辑 → 延期申请…）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/preview_views.py" line="101"/>
        <source>%n extension requests await a decision (Edit → Extension requests…).</source>
        <translation>
            <numerusform>%n项延期申请待审批（编辑 → 延期申请…）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/preview_views.py" line="109"/>
        <source>Not imported:</source>
        <translation>未导入：</translation>
    </message>
</context>
<context>
    <name>LedgerPreview</name>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="36"/>
        <source>Master ledger</source>
        <translation>总台账</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="44"/>
        <source>Not counted in reporting</source>
        <translation>不计入报送情况</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="49"/>
        <source>Reported on time</source>
        <translation>按时报送</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/file_list_model.py" line="51"/>
        <source>Reported %n day late</source>
        <translation>
            <numerusform>逾期%n天报送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/file_list_model.py" line="53"/>
        <source>Reported %n days late</source>
        <translation>
            <numerusform>逾期%n天报送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="55"/>
        <source>Corrected version · {0}</source>
        <translation>更正版 · {0}</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="63"/>
        <source>Supersedes the unit&apos;s earlier return in this round; its first return decides on time or late</source>
        <translation>替代该单位本轮此前报送的台账；是否按时以其首次报送为准</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="69"/>
        <source>The round has no reporting deadline</source>
        <translation>本轮未设报送截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="70"/>
        <source>Due back by {0}</source>
        <translation>报送截止日期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="84"/>
        <source>Cannot import: {0}</source>
        <translation>无法导入：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="86"/>
        <source>Choose the unit: the hidden sheet is gone</source>
        <translation>请选择单位：隐藏的元数据表已丢失</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="88"/>
        <source>Fix the rejected cells first</source>
        <translation>请先改正被退回的单元格</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="96"/>
        <source>Master ledger: nothing new, not counted in reporting</source>
        <translation>总台账：无新内容，不计入报送情况</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="106"/>
        <source>Ready to apply</source>
        <translation>可以导入</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="127"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="128"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="83"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="127"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="140"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="155"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="253"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="275"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="129"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="130"/>
        <source>Changes</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="131"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="133"/>
        <source>Rejected</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="136"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="138"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="140"/>
        <source>Reporting</source>
        <translation>报送</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="82"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="126"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="139"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="252"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="274"/>
        <source>No.</source>
        <translation>措施编号</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rejected_edits.py" line="48"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="84"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="100"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="156"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="254"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="277"/>
        <source>Field</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="86"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="102"/>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rejected_edits.py" line="46"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="98"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="114"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="125"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="138"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="161"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="255"/>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rejected_edits.py" line="51"/>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="145"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rejected_edits.py" line="52"/>
        <source>Corrected value</source>
        <translation>改正值</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rejected_edits.py" line="61"/>
        <source>(the unit must correct it)</source>
        <translation>（须由单位改正）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rejected_edits.py" line="76"/>
        <source>Type the value the unit meant; it is checked like the cell</source>
        <translation>填写单位本意的值；按单元格的规则重新检查</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="115"/>
        <source>Ignored because</source>
        <translation>忽略原因</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="128"/>
        <source>Warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="142"/>
        <source>Deadline → requested</source>
        <translation>现完成时限 → 申请延至</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="158"/>
        <source>Directory → returned</source>
        <translation>通讯录 → 台账填报</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="256"/>
        <source>Office&apos;s text</source>
        <translation>办公室现有内容</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="263"/>
        <source>Emptied, kept</source>
        <translation>被清空，已保留</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="264"/>
        <source>Clear it</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="280"/>
        <source>Sent out</source>
        <translation>下发时</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="281"/>
        <source>Office now</source>
        <translation>办公室现值</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="282"/>
        <source>Unit returned</source>
        <translation>单位填报</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="198"/>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/file_list_model.py" line="92"/>
        <source>Decide %n conflict</source>
        <translation>
            <numerusform>有 %n 处冲突待定</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/file_list_model.py" line="93"/>
        <source>Decide %n conflicts</source>
        <translation>
            <numerusform>有 %n 处冲突待定</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/file_list_model.py" line="98"/>
        <source>Nothing new: recorded as reported</source>
        <translation>无新内容：记为已报送</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/file_list_model.py" line="101"/>
        <source>Ready: the valid rows; %n rejected row stays</source>
        <translation>
            <numerusform>可导入有效行；%n处退回保持不变</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledgers/file_list_model.py" line="103"/>
        <source>Ready: the valid rows; %n rejected rows stay</source>
        <translation>
            <numerusform>可导入有效行；%n处退回保持不变</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="99"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="289"/>
        <source>Undecided</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="290"/>
        <source>Take the unit&apos;s value</source>
        <translation>采用单位填报</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/ledger_preview_models.py" line="291"/>
        <source>Keep the office&apos;s value</source>
        <translation>保留办公室数据</translation>
    </message>
</context>
<context>
    <name>ListOutput</name>
    <message>
        <location filename="../../ui/assignments/list_output.py" line="64"/>
        <source>The list is empty: nothing to export or print.</source>
        <translation>列表为空，没有可导出或打印的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/list_output.py" line="77"/>
        <source>Export the list to Excel</source>
        <translation>导出列表到 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/list_output.py" line="54"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/list_output.py" line="93"/>
        <source>Writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/list_output.py" line="127"/>
        <source>As of {0}, %n assignment</source>
        <translation>
            <numerusform>截至 {0}，共 %n 项分工</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/list_output.py" line="129"/>
        <source>As of {0}, %n assignments</source>
        <translation>
            <numerusform>截至 {0}，共 %n 项分工</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/assignments/list_output.py" line="171"/>
        <source>Laying out the pages…</source>
        <translation>正在排版…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window/main_window.py" line="127"/>
        <location filename="../../ui/window/main_window.py" line="217"/>
        <location filename="../../ui/window/opening_state.py" line="44"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="230"/>
        <source>Assignments</source>
        <translation>分工列表</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="231"/>
        <source>Progress board</source>
        <translation>进度看板</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.py" line="232"/>
        <source>Dashboard</source>
        <translation>统计概览</translation>
    </message>
</context>
<context>
    <name>MergePreviewDialog</name>
    <message>
        <location filename="../../ui/units/merge_preview.py" line="43"/>
        <source>Merge units</source>
        <translation>合并单位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/units/merge_preview.py" line="47"/>
        <source>Merge {0} into {1}? {0} becomes another name of {1}; its %n assignment moves to {1} with its history. A backup is made first.</source>
        <translation>
            <numerusform>将 {0} 合并到 {1}？{0} 将成为 {1} 的别名；其 %n 项任务连同历史记录移至 {1}。合并前会先备份数据库。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/units/merge_preview.py" line="54"/>
        <source>Merge {0} into {1}? {0} becomes another name of {1}; its %n assignments move to {1} with their history. A backup is made first.</source>
        <translation>
            <numerusform>将 {0} 合并到 {1}？{0} 将成为 {1} 的别名；其 %n 项任务连同历史记录移至 {1}。合并前会先备份数据库。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/units/merge_preview.py" line="62"/>
        <source>Both units have %n measure: choose what each one keeps.</source>
        <translation>
            <numerusform>两个单位都承担的措施有 %n 项：请为每一项选择保留的内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/units/merge_preview.py" line="65"/>
        <source>Both units have %n measures: choose what each one keeps.</source>
        <translation>
            <numerusform>两个单位都承担的措施有 %n 项：请为每一项选择保留的内容。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/units/merge_preview.py" line="74"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/units/merge_preview.py" line="74"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../ui/units/merge_preview.py" line="74"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/units/merge_preview.py" line="80"/>
        <source>The more advanced progress and both texts</source>
        <translation>进度较快的一方，并保留双方的文字</translation>
    </message>
    <message>
        <location filename="../../ui/units/merge_preview.py" line="81"/>
        <location filename="../../ui/units/merge_preview.py" line="82"/>
        <source>The values of {0}</source>
        <translation>{0} 的内容</translation>
    </message>
    <message>
        <location filename="../../ui/units/merge_preview.py" line="97"/>
        <source>Kept:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <location filename="../../ui/units/merge_preview.py" line="111"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>MissingDatabasePage</name>
    <message>
        <location filename="../../ui/app.py" line="259"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="261"/>
        <source>Databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/window/first_run.py" line="106"/>
        <source>No database found</source>
        <translation>未找到数据库</translation>
    </message>
    <message>
        <location filename="../../ui/window/first_run.py" line="93"/>
        <source>There is no database at
{0}

If this is the first start, create a new, empty database there. If the file was moved or renamed, open it where it is now: nothing is created until you choose.</source>
        <translation>以下位置没有数据库：
{0}

如果这是第一次使用，请在该位置新建一个空数据库；如果数据库文件被移动或改名，请到它现在的位置打开它。在您选择之前，不会创建任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/window/first_run.py" line="100"/>
        <source>Create a new database here</source>
        <translation>在此新建数据库</translation>
    </message>
    <message>
        <location filename="../../ui/window/first_run.py" line="101"/>
        <source>Open another database file…</source>
        <translation>打开其他数据库文件…</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../ui/window/navigator.py" line="214"/>
        <source>Delete document…</source>
        <translation>删除文件…</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../../ui/window/navigator.py" line="73"/>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../../ui/window/navigator.py" line="73"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/window/navigator.py" line="73"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/window/navigator.py" line="74"/>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/window/navigator.py" line="75"/>
        <source>Units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/window/navigator.py" line="76"/>
        <source>Reporting status</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../ui/window/navigator.py" line="77"/>
        <source>Open a round to see which units have reported</source>
        <translation>打开一个轮次，查看各单位报送情况</translation>
    </message>
    <message>
        <location filename="../../ui/window/navigator.py" line="80"/>
        <source>Extension requests</source>
        <translation>延期申请</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/navigator.py" line="91"/>
        <source>%n extension request waits for a decision: open to decide</source>
        <translation>
            <numerusform>%n项延期申请待审批：打开以审批</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/navigator.py" line="93"/>
        <source>%n extension requests wait for a decision: open to decide</source>
        <translation>
            <numerusform>%n项延期申请待审批：打开以审批</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/window/navigator.py" line="135"/>
        <source>New unit from an import: check its name in the units directory</source>
        <translation>导入时新出现的单位：请在单位名录中核对名称</translation>
    </message>
    <message>
        <location filename="../../ui/window/navigator.py" line="139"/>
        <source>{0}: its members answer its tasks one by one</source>
        <translation>{0}：其成员分别承担各项任务</translation>
    </message>
</context>
<context>
    <name>PastePlan</name>
    <message>
        <location filename="../../ui/assignments/paste_plan.py" line="78"/>
        <source>The clipboard holds no cells to paste.</source>
        <translation>剪贴板里没有可粘贴的单元格。</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_plan.py" line="85"/>
        <location filename="../../ui/assignments/paste_plan.py" line="116"/>
        <source>Choose the cell to paste into first.</source>
        <translation>请先选择要粘贴到的单元格。</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_plan.py" line="93"/>
        <source>Only the status, progress and progress report columns can be pasted into: choose a cell in one of them.</source>
        <translation>只能粘贴到状态、进度和进展情况列：请在其中一列选择单元格。</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_plan.py" line="107"/>
        <source>{0} rows were copied but {1} are selected: select one row, or as many as were copied.</source>
        <translation>复制了 {0} 行，但选中了 {1} 行：请只选一行，或选中与复制行数相同的行。</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_plan.py" line="128"/>
        <source>no status given</source>
        <translation>未填写状态</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_plan.py" line="131"/>
        <source>ticking off is done with 销号, which asks for confirmation</source>
        <translation>销号请使用“销号”操作（需确认）</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_plan.py" line="135"/>
        <source>长期坚持 is only for a measure without a fixed deadline</source>
        <translation>长期坚持仅适用于没有固定完成时限的措施</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_plan.py" line="152"/>
        <source>pasted onto a column that takes no values: only the status, progress and progress report columns can be pasted into</source>
        <translation>粘贴到了不能填写的列：只能粘贴到完成状态、完成进度和进展情况列</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_plan.py" line="169"/>
        <source>ticked off (已销号): undo the tick-off first</source>
        <translation>已销号：请先撤销销号</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_dialog.py" line="125"/>
        <source>Only headers were copied: there are no values to paste.</source>
        <translation>只复制了表头，没有可粘贴的值。</translation>
    </message>
</context>
<context>
    <name>PastePreview</name>
    <message>
        <location filename="../../ui/assignments/paste_dialog.py" line="39"/>
        <source>{0}; {1}.</source>
        <comment>assignments change; cells not taken</comment>
        <translation>{0}；{1}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/paste_dialog.py" line="40"/>
        <source>%n assignment changes</source>
        <translation>
            <numerusform>%n 项分工将被修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/paste_dialog.py" line="42"/>
        <source>%n assignments change</source>
        <translation>
            <numerusform>%n 项分工将被修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/paste_dialog.py" line="43"/>
        <source>%n pasted cell is not taken</source>
        <translation>
            <numerusform>%n 个粘贴的单元格未被采用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/paste_dialog.py" line="45"/>
        <source>%n pasted cells are not taken</source>
        <translation>
            <numerusform>%n 个粘贴的单元格未被采用</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_dialog.py" line="62"/>
        <location filename="../../ui/assignments/paste_dialog.py" line="84"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_dialog.py" line="66"/>
        <location filename="../../ui/assignments/paste_dialog.py" line="77"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_dialog.py" line="66"/>
        <location filename="../../ui/assignments/paste_dialog.py" line="77"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_dialog.py" line="77"/>
        <source>Pasted</source>
        <translation>粘贴的内容</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_dialog.py" line="77"/>
        <source>Why not</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/paste_dialog.py" line="92"/>
        <source>Not taken:</source>
        <translation>未采用：</translation>
    </message>
</context>
<context>
    <name>ProgressActions</name>
    <message>
        <location filename="../../ui/assignments/progress_actions.py" line="80"/>
        <source>Set status of {0} / {1}</source>
        <translation>设置状态：{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_actions.py" line="84"/>
        <source>Set progress of {0} / {1}</source>
        <translation>设置进度：{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_actions.py" line="87"/>
        <source>Edit progress report of {0} / {1}</source>
        <translation>编辑进展情况：{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_actions.py" line="141"/>
        <source>Edit progress of {0} / {1}</source>
        <translation>编辑 {0} / {1} 的进展</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/progress_actions.py" line="150"/>
        <source>Set %n assignment to {0}</source>
        <translation>
            <numerusform>将 %n 项分工设为“{0}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/progress_actions.py" line="151"/>
        <source>Set %n assignments to {0}</source>
        <translation>
            <numerusform>将 %n 项分工设为“{0}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/progress_actions.py" line="179"/>
        <source>Tick off %n assignment</source>
        <translation>
            <numerusform>销号 %n 项分工</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/progress_actions.py" line="181"/>
        <source>Tick off %n assignments</source>
        <translation>
            <numerusform>销号 %n 项分工</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/progress_actions.py" line="201"/>
        <source>Undo tick-off of %n assignment</source>
        <translation>
            <numerusform>撤销 %n 项分工的销号</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/progress_actions.py" line="203"/>
        <source>Undo tick-off of %n assignments</source>
        <translation>
            <numerusform>撤销 %n 项分工的销号</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/progress_actions.py" line="212"/>
        <source>Paste into %n assignment</source>
        <translation>
            <numerusform>粘贴到 %n 项分工</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/progress_actions.py" line="214"/>
        <source>Paste into %n assignments</source>
        <translation>
            <numerusform>粘贴到 %n 项分工</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_actions.py" line="168"/>
        <source>The selected assignments are ticked off already.</source>
        <translation>所选任务均已销号。</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_actions.py" line="197"/>
        <source>None of the selected assignments is ticked off.</source>
        <translation>所选分工均未销号。</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_actions.py" line="246"/>
        <source>… and {0} more</source>
        <translation>……另有 {0} 条</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_actions.py" line="249"/>
        <source>Some changes could not be saved; the table now shows the current values.</source>
        <translation>部分修改未能保存，表格已显示当前的最新内容。</translation>
    </message>
</context>
<context>
    <name>RemarkDialog</name>
    <message>
        <location filename="../../ui/assessment/remark_dialog.py" line="43"/>
        <source>Commend or criticise a unit</source>
        <translation>通报表扬或批评单位</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/remark_dialog.py" line="51"/>
        <source>What it is for (printed with the score)</source>
        <translation>事由（随得分明细列出）</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/remark_dialog.py" line="53"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/remark_dialog.py" line="54"/>
        <location filename="../../ui/assessment/remark_dialog.py" line="65"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/remark_dialog.py" line="57"/>
        <location filename="../../ui/assessment/remark_dialog.py" line="67"/>
        <source>Note</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/remark_dialog.py" line="66"/>
        <source>Remark</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/remark_dialog.py" line="68"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/remark_dialog.py" line="77"/>
        <source>Delete the selected remark</source>
        <translation>删除选中的记录</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/remark_dialog.py" line="81"/>
        <source>Remarks recorded in this round</source>
        <translation>本轮已记录的表扬和批评</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/reports/pdf_preview.py" line="154"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf_preview.py" line="199"/>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="115"/>
        <source>Print a report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="136"/>
        <source>Further achievements of your own, one paragraph per line (with nothing picked or written: the round&apos;s facts and notes)</source>
        <translation>自行补充的主要成效，每行一段（未勾选也未填写时：采用本轮的事实和进展情况）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="143"/>
        <source>Offer the round&apos;s facts and notes</source>
        <translation>列出本轮事实和进展情况供勾选</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="153"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="154"/>
        <source>Round</source>
        <translation>调度轮次</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="155"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="156"/>
        <source>Reply by</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="130"/>
        <source>Next steps, one paragraph per line (empty: the standard text)</source>
        <translation>下步工作，每行一段（留空：使用默认文字）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="76"/>
        <source>Progress bulletin</source>
        <translation>工作进展情况通报</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="77"/>
        <source>Unit task list</source>
        <translation>单位任务清单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="78"/>
        <source>Chaser notice</source>
        <translation>催办单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="79"/>
        <source>Work ledger</source>
        <translation>工作台账</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="146"/>
        <source>Today&apos;s values instead of the round&apos;s</source>
        <translation>显示当前数据（而非本轮报送时的数据）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="147"/>
        <source>With the round&apos;s published assessment scores and ranking</source>
        <translation>附本轮已发布的考核得分及排名</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="157"/>
        <source>To (主送)</source>
        <translation>主送</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="158"/>
        <source>Main achievements</source>
        <translation>主要成效</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="160"/>
        <source>Further achievements</source>
        <translation>补充成效</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="161"/>
        <source>Next steps</source>
        <translation>下步工作</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="165"/>
        <location filename="../../ui/reports/pdf_preview.py" line="166"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="166"/>
        <source>Save as Word…</source>
        <translation>保存为 Word…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="167"/>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="263"/>
        <location filename="../../ui/reports/pdf_preview.py" line="188"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="263"/>
        <source>Word (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="265"/>
        <location filename="../../ui/reports/pdf_preview.py" line="186"/>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_preview.py" line="274"/>
        <source>This report is for one unit: choose the unit first.</source>
        <translation>该报表针对单个单位，请先选择单位。</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="79"/>
        <source>New extension request</source>
        <translation>新建延期申请</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="88"/>
        <source>Why the unit asks for more time</source>
        <translation>单位申请延期的理由</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="90"/>
        <source>(none)</source>
        <translation>（不属于任何轮次）</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="101"/>
        <source>Record request</source>
        <translation>登记申请</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="105"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="106"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="107"/>
        <source>Deadline now</source>
        <translation>现完成时限</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="108"/>
        <source>New deadline</source>
        <translation>申请延期至</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="109"/>
        <source>Reason</source>
        <translation>延期理由</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="110"/>
        <source>Came in the round</source>
        <translation>所属轮次</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="149"/>
        <source>none (no fixed deadline)</source>
        <translation>无（没有固定完成时限）</translation>
    </message>
    <message>
        <location filename="../../ui/extensions/request_dialog.py" line="158"/>
        <source>Choose the unit and one of its tasks.</source>
        <translation>请选择责任单位及其任务。</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>Responsible</source>
        <translation>责任</translation>
    </message>
</context>
<context>
    <name>RoundStatusDialog</name>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="46"/>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="47"/>
        <source>Reported late</source>
        <translation>逾期报送</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="48"/>
        <source>Reported on time</source>
        <translation>按时报送</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="57"/>
        <source>{0} (+{1} more)</source>
        <translation>{0}（另有{1}份）</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="65"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="66"/>
        <source>Reporting</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="67"/>
        <source>Sent</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="68"/>
        <source>Returned</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="69"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="70"/>
        <source>Imported by</source>
        <translation>导入人</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="72"/>
        <source>Changes</source>
        <translation>变更数</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="145"/>
        <source>Reporting status</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="153"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="168"/>
        <source>Chase the units not reported…</source>
        <translation>催办未报送单位…</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="171"/>
        <source>Round</source>
        <translation>调度轮次</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="173"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>RoundsDialog</name>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="44"/>
        <source>Round</source>
        <translation>调度轮次</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="45"/>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="47"/>
        <source>Reporting deadline</source>
        <translation>报送截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="50"/>
        <source>Units sent</source>
        <translation>已下发单位</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="51"/>
        <source>Reported</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="53"/>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="82"/>
        <source>Reporting rounds</source>
        <translation>调度轮次</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="97"/>
        <source>Ledgers due back by</source>
        <translation>报送截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="106"/>
        <source>Create round</source>
        <translation>新建轮次</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="112"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="113"/>
        <source>Progress as of</source>
        <translation>进展截至</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="116"/>
        <source>New round</source>
        <translation>新轮次</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="121"/>
        <source>Reporting status…</source>
        <translation>报送情况…</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="126"/>
        <source>Set deadline…</source>
        <translation>设置截止日期…</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/rounds_dialog.py" line="168"/>
        <source>Reporting deadline of {0}</source>
        <translation>{0}的报送截止日期</translation>
    </message>
</context>
<context>
    <name>RowLoader</name>
    <message>
        <location filename="../../ui/window/row_loader.py" line="127"/>
        <source>Opening the database… A filter chosen now applies then.</source>
        <translation>正在打开数据库…现在选择的筛选条件将在打开后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/window/row_loader.py" line="144"/>
        <location filename="../../ui/window/row_loader.py" line="172"/>
        <source>Reading every assignment…</source>
        <translation>正在读取全部分工…</translation>
    </message>
    <message>
        <location filename="../../ui/window/row_loader.py" line="204"/>
        <source>The database is empty.</source>
        <translation>数据库为空。</translation>
    </message>
    <message>
        <location filename="../../ui/window/row_loader.py" line="291"/>
        <source>Reading the round {0}…</source>
        <translation>正在读取轮次“{0}”…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/row_loader.py" line="345"/>
        <source>%n assignment shown · {0} overdue · {1} due soon</source>
        <translation>
            <numerusform>显示 %n 项分工 · 逾期 {0} 项 · 临期 {1} 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/row_loader.py" line="347"/>
        <source>%n assignments shown · {0} overdue · {1} due soon</source>
        <translation>
            <numerusform>显示 %n 项分工 · 逾期 {0} 项 · 临期 {1} 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="52"/>
        <source>Scoring rules</source>
        <translation>考核规则</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="59"/>
        <source>Event</source>
        <translation>考核事项</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="60"/>
        <source>Points each</source>
        <translation>每项分值</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="61"/>
        <source>Cap per round (0: none)</source>
        <translation>每轮上限（0 为不设上限）</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="69"/>
        <source>none</source>
        <translation>不设</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="73"/>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="79"/>
        <source>e.g. the county&apos;s scheme for 2022</source>
        <translation>例如：县考核办2022年度考核方案</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="81"/>
        <source>In force from</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="82"/>
        <source>Reason</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="100"/>
        <source>The default rules are in force. Saving makes a new version; rounds are scored by the version in force on their as-of date.</source>
        <translation>当前施行默认规则。保存即生成新版本；各轮次按其截止日期时施行的版本计分。</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="104"/>
        <source>Version {version} is in force (from {day}). Saving makes a new version; rounds are scored by the version in force on their as-of date.</source>
        <translation>当前施行第{version}版（自{day}起）。保存即生成新版本；各轮次按其截止日期时施行的版本计分。</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="113"/>
        <source>Version {version} from {day}: {reason}</source>
        <translation>第{version}版，自{day}起施行：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/rules_dialog.py" line="120"/>
        <source>Saved versions:</source>
        <translation>已保存的版本：</translation>
    </message>
</context>
<context>
    <name>ScoresPage</name>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="50"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="55"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="56"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="57"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="66"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="67"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="69"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="73"/>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="78"/>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="122"/>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="123"/>
        <source>Recalculate…</source>
        <translation>重新计分…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="124"/>
        <source>Commend or criticise…</source>
        <translation>通报表扬/批评…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="125"/>
        <source>Scoring rules…</source>
        <translation>考核规则…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="126"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="133"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="187"/>
        <source>No reporting round yet: create one first.</source>
        <translation>尚无调度轮次：请先新建轮次。</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="188"/>
        <source>scored by rules version {version}</source>
        <translation>按第{version}版规则计分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="190"/>
        <source>Not published: computed now, may still change ({rules}).</source>
        <translation>未发布：当前计算结果，仍可能变化（{rules}）。</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="193"/>
        <source>Published version {version} on {day} by {user} ({rules}).</source>
        <translation>已发布第{version}版，{day}由{user}发布（{rules}）。</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="200"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="211"/>
        <source>Publish the scores</source>
        <translation>发布考核得分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="213"/>
        <source>Publish the scores of {round}? Once published they never change; a later change is a recalculation with its reason.</source>
        <translation>发布{round}的考核得分？发布后得分不再改变；此后如需调整，须说明原因重新计分。</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="226"/>
        <source>Recalculate the scores</source>
        <translation>重新计分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="227"/>
        <source>Why are the published scores recalculated?</source>
        <translation>已发布的得分为何重新计分？</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="257"/>
        <source>Export the scores</source>
        <translation>导出考核得分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_page.py" line="257"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_tab.py" line="35"/>
        <source>Scores</source>
        <translation>考核得分</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_tab.py" line="92"/>
        <source>Export the scores shown: the totals and every line</source>
        <translation>导出当前显示的考核得分：得分汇总及每一条得分明细</translation>
    </message>
    <message>
        <location filename="../../ui/assessment/scores_tab.py" line="98"/>
        <source>The scores are printed in a bulletin (its 考核得分 section); export them to Excel from here</source>
        <translation>考核得分在通报中打印（考核得分部分）；在此可导出到 Excel</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="63"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="67"/>
        <location filename="../../ui/settings/settings_dialog.py" line="86"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="67"/>
        <location filename="../../ui/settings/settings_dialog.py" line="86"/>
        <source> day</source>
        <translation> 天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/settings_dialog.py" line="70"/>
        <source>Shared by everyone using this database. Default: %n day.</source>
        <translation>
            <numerusform>使用本数据库的所有人共用此设置。默认 %n 天。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/settings_dialog.py" line="73"/>
        <source>Shared by everyone using this database. Default: %n days.</source>
        <translation>
            <numerusform>使用本数据库的所有人共用此设置。默认 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="82"/>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="82"/>
        <source> copy</source>
        <translation> 份</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="90"/>
        <source>The newest automatic backups are kept, and the last one of each recent day; backups made by hand are kept until you delete them. Folder: {0}</source>
        <translation>保留最新的若干份自动备份，以及最近每天的最后一份；手动备份一直保留，直到您将其删除。文件夹：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="100"/>
        <source>Printed on ledgers, bulletins and chasers.</source>
        <translation>打印在工作台账、通报和催办单上。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="105"/>
        <source>Shared by everyone using this database; kept in each assignment&apos;s history.</source>
        <translation>使用此数据库的所有人共用；理由记入该任务的变更记录。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="108"/>
        <source>Default: {0}</source>
        <translation>默认：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="111"/>
        <source>A database file, or a server address such as postgresql+psycopg://user:password@server/tracker to share one database.</source>
        <translation>数据库文件，或服务器地址（如 postgresql+psycopg://用户名:密码@服务器/tracker），供多人共用一个数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="116"/>
        <source>Another database is opened from the next start.</source>
        <translation>下次启动时打开新的数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="119"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="124"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="126"/>
        <source>Try the database or server typed here before it is used from the next start.</source>
        <translation>在下次启动使用之前，先试连这里填写的数据库或服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="134"/>
        <source>A new language is used from the next start.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="148"/>
        <location filename="../../ui/settings/settings_dialog.py" line="151"/>
        <location filename="../../ui/settings/settings_dialog.py" line="158"/>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="150"/>
        <source>Database in use:</source>
        <translation>当前数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="178"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="180"/>
        <source>Database (*.sqlite3 *.db)</source>
        <translation>数据库 (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="196"/>
        <source>Connecting to the database…</source>
        <translation>正在连接数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/settings_dialog.py" line="153"/>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
</context>
<context>
    <name>SplitTaskDialog</name>
    <message>
        <location filename="../../ui/documents/task_review.py" line="66"/>
        <source>Split task {0}</source>
        <translation>拆分任务 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="80"/>
        <source>after “{0}”</source>
        <translation>在“{0}”之后</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="85"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="85"/>
        <source>First part</source>
        <translation>前一部分</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="85"/>
        <source>Second part</source>
        <translation>后一部分</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="105"/>
        <source>The task is split where the cursor stands in its text:</source>
        <translation>任务从光标所在处拆分：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="107"/>
        <source>Or split at the end of a sentence:</source>
        <translation>或在某句末尾拆分：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="109"/>
        <source>The units of each part (each keeps its role):</source>
        <translation>各部分的单位（牵头、配合角色不变）：</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Ticked off</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>Standing task</source>
        <translation>长期坚持</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Due soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="75"/>
        <source>Set status</source>
        <translation>编辑进展</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="88"/>
        <source>Set the progress of every one</source>
        <translation>统一设置完成进度</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="89"/>
        <source>Set the progress report of every one</source>
        <translation>统一设置进展情况</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="100"/>
        <source>{0} / measure {1}</source>
        <translation>{0} / 第{1}条</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="102"/>
        <source>{0} selected assignments</source>
        <translation>已选 {0} 项任务</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="105"/>
        <source>Status</source>
        <translation>完成状态</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="106"/>
        <source>Progress</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="108"/>
        <source>Progress report</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="113"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="114"/>
        <source>Reason for the delay</source>
        <translation>未按期完成原因</translation>
    </message>
</context>
<context>
    <name>TaskReview</name>
    <message>
        <location filename="../../ui/documents/task_review.py" line="166"/>
        <source>Split task…</source>
        <translation>拆分任务…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="167"/>
        <source>Merge with next task</source>
        <translation>与下一任务合并</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="168"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="179"/>
        <location filename="../../ui/documents/task_review.py" line="355"/>
        <source>Make lead</source>
        <translation>设为牵头</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="180"/>
        <source>Remove unit</source>
        <translation>移除单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="184"/>
        <source>Add a unit from the directory…</source>
        <translation>从单位名录添加单位…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="191"/>
        <source>as lead</source>
        <translation>作为牵头</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="192"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="217"/>
        <source>Its units:</source>
        <translation>承担单位：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="260"/>
        <source>Correct the tasks</source>
        <translation>修改分工任务</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="324"/>
        <source>Select a task to correct its units.</source>
        <translation>选择一项任务以修改其单位。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="329"/>
        <source>Task {0}:</source>
        <translation>任务 {0}：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="332"/>
        <source>lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="332"/>
        <source>supporting</source>
        <translation>配合</translation>
    </message>
    <message>
        <location filename="../../ui/documents/task_review.py" line="353"/>
        <source>Make supporting</source>
        <translation>设为配合</translation>
    </message>
</context>
<context>
    <name>TickOffDialog</name>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="165"/>
        <location filename="../../ui/assignments/progress_dialogs.py" line="192"/>
        <source>Tick off</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="168"/>
        <source>… and {0} more</source>
        <translation>……另有 {0} 项</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="172"/>
        <source>Tick off (销号) this assignment? The office confirms its task is done.</source>
        <translation>确认对以下这项任务销号？销号即确认其任务已办结。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/assignments/progress_dialogs.py" line="176"/>
        <source>Tick off (销号) these %n assignments? The office confirms their tasks are done.</source>
        <translation>
            <numerusform>确认对以下 %n 项任务销号？销号即确认其任务已办结。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="188"/>
        <source>Reason (required)</source>
        <translation>销号理由（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="188"/>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="199"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/assignments/progress_dialogs.py" line="199"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>UnitChoiceDelegate</name>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="62"/>
        <source>Create as a new unit</source>
        <translation>新建为单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/import_preview.py" line="66"/>
        <source>{0} (suggested)</source>
        <translation>{0}（推荐）</translation>
    </message>
</context>
<context>
    <name>UnitChooser</name>
    <message>
        <location filename="../../ui/ledgers/unit_chooser.py" line="31"/>
        <source>Use this unit</source>
        <translation>使用此单位</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/unit_chooser.py" line="54"/>
        <source>The hidden sheet of this file is gone: choose the unit it comes from (suggested from the file name and its rows).</source>
        <translation>此文件的隐藏元数据表已丢失：请选择它所属的单位（根据文件名和各行内容给出建议）。</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/unit_chooser.py" line="60"/>
        <source>The hidden sheet of this file is gone; its unit was chosen: {0}.</source>
        <translation>此文件的隐藏元数据表已丢失；已选定单位：{0}。</translation>
    </message>
</context>
<context>
    <name>UnitKind</name>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89"/>
        <source>Local government</source>
        <translation>地方</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>Collective</source>
        <translation>集体</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>UnitReturnsDialog</name>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="85"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="86"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="87"/>
        <source>Imported by</source>
        <translation>导入人</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="88"/>
        <source>Changes</source>
        <translation>变更数</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="89"/>
        <source>Undone</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="112"/>
        <source>Returned ledgers of {0}</source>
        <translation>{0}报送的台账</translation>
    </message>
    <message>
        <location filename="../../ui/ledgers/round_status_dialog.py" line="120"/>
        <source>{0} has not returned a ledger in this round.</source>
        <translation>{0}本轮尚未报送台账。</translation>
    </message>
</context>
<context>
    <name>UnitTableModel</name>
    <message>
        <location filename="../../ui/units/unit_model.py" line="32"/>
        <source>Unit</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../ui/units/unit_model.py" line="33"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/units/unit_model.py" line="34"/>
        <source>Also called</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../ui/units/unit_model.py" line="35"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/units/unit_model.py" line="36"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/units/unit_model.py" line="37"/>
        <source>Assigned</source>
        <translation>分工</translation>
    </message>
    <message>
        <location filename="../../ui/units/unit_model.py" line="38"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/units/unit_model.py" line="39"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/units/unit_model.py" line="40"/>
        <source>To check</source>
        <translation>待核</translation>
    </message>
    <message>
        <location filename="../../ui/units/unit_model.py" line="87"/>
        <source>Added by an import under a name never seen before</source>
        <translation>导入时首次出现的单位名称</translation>
    </message>
    <message>
        <location filename="../../ui/units/unit_model.py" line="104"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="72"/>
        <source>Units directory</source>
        <translation>单位名录</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="80"/>
        <source>Find a unit…</source>
        <translation>查找单位…</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="85"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="86"/>
        <source>Add alias…</source>
        <translation>添加别名…</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="87"/>
        <source>Contact…</source>
        <translation>联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="88"/>
        <source>Contact history…</source>
        <translation>联系人记录…</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="90"/>
        <source>Who changed the contact person and phone, when, and from which ledger</source>
        <translation>谁在何时修改了联系人和联系电话，来自哪份台账</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="93"/>
        <source>Mark as checked</source>
        <translation>标记为已核对</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="94"/>
        <source>Members…</source>
        <translation>成员…</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="96"/>
        <source>A group&apos;s members answer each of its tasks on their own</source>
        <translation>集体的各成员单独承担其每项任务</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="176"/>
        <source>Merge units</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="177"/>
        <source>Merge {0} into:</source>
        <translation>将 {0} 合并到：</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="197"/>
        <source>Add alias</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <location filename="../../ui/units/units_dialog.py" line="197"/>
        <source>Another name of {0}:</source>
        <translation>{0} 的另一名称：</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../ui/window/window_actions.py" line="125"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="127"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="131"/>
        <source>Import policy document…</source>
        <translation>导入政策文件…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="134"/>
        <source>Import returned ledgers…</source>
        <translation>导入回收台账…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="137"/>
        <source>Import a folder of returned ledgers…</source>
        <translation>导入台账文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="140"/>
        <source>Export work ledgers…</source>
        <translation>导出工作台账…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="143"/>
        <source>Print a report…</source>
        <translation>打印报表…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="146"/>
        <source>Export the current list to Excel…</source>
        <translation>导出当前列表到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="149"/>
        <source>Print the current list…</source>
        <translation>打印当前列表…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="151"/>
        <source>Open a demo database</source>
        <translation>打开演示数据库</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="153"/>
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="155"/>
        <source>Back up the database…</source>
        <translation>备份数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="156"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="157"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="160"/>
        <source>Edit progress…</source>
        <translation>编辑进展…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="161"/>
        <source>Tick off</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="162"/>
        <source>Undo tick off</source>
        <translation>撤销销号</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="163"/>
        <source>Measure text and history…</source>
        <translation>措施原文和变更记录…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="164"/>
        <source>Chaser for this unit…</source>
        <translation>给该单位发催办单…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="165"/>
        <source>Request an extension…</source>
        <translation>申请延期…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="167"/>
        <source>Copy rows</source>
        <translation>复制行</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="170"/>
        <source>Paste…</source>
        <translation>粘贴…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="172"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="173"/>
        <source>Undo last ledger import</source>
        <translation>撤销最近一次台账导入</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="174"/>
        <source>Reporting rounds…</source>
        <translation>调度轮次…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="175"/>
        <source>Assessment scores…</source>
        <translation>考核得分…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="176"/>
        <source>Scoring rules…</source>
        <translation>考核规则…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="177"/>
        <source>Reporting status of a round…</source>
        <translation>轮次报送情况…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="178"/>
        <source>Extension requests…</source>
        <translation>延期申请…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="179"/>
        <source>Chasers for several units…</source>
        <translation>批量催办…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="181"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="183"/>
        <source>Show all assignments</source>
        <translation>显示全部分工</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="184"/>
        <source>Reset column widths</source>
        <translation>恢复默认列宽</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="185"/>
        <source>Navigator</source>
        <translation>导航栏</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="186"/>
        <source>Detail pane</source>
        <translation>详情栏</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="188"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="190"/>
        <source>About Measure Tracker</source>
        <translation>关于督办台账</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="191"/>
        <source>Units directory…</source>
        <translation>单位名录…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="193"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="200"/>
        <source>Tick off (销号) the selected assignments — Ctrl+T</source>
        <translation>将所选分工销号（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="213"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="230"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="253"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="258"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_actions.py" line="261"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <location filename="../../ui/window/window_commands.py" line="114"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_commands.py" line="115"/>
        <source>Databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_commands.py" line="341"/>
        <source>About Measure Tracker</source>
        <translation>关于督办台账</translation>
    </message>
    <message>
        <location filename="../../ui/window/window_commands.py" line="343"/>
        <source>督办台账 · Measure Tracker {0}

Follows every responsible unit&apos;s progress on every measure of a policy document.

Database: {1}
Log folder: {2}</source>
        <translation>督办台账 {0}

跟踪每个责任单位在政策文件每项措施上的进展。

数据库：{1}
日志文件夹：{2}</translation>
    </message>
</context>
<context>
    <name>WindowSettings</name>
    <message>
        <location filename="../../ui/settings/window_settings.py" line="62"/>
        <source>Open at start</source>
        <translation>启动时打开</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window_settings.py" line="69"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window_settings.py" line="76"/>
        <source>Window size and place</source>
        <translation>窗口大小和位置</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window_settings.py" line="82"/>
        <source>Toolbars and docks</source>
        <translation>工具栏和停靠窗口</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window_settings.py" line="88"/>
        <source>Table and detail pane sizes</source>
        <translation>表格和详情栏的大小</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window_settings.py" line="94"/>
        <source>Columns of the table</source>
        <translation>表格的列</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window_settings.py" line="100"/>
        <source>Columns shown or hidden by hand</source>
        <translation>手动显示或隐藏的列</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window_settings.py" line="108"/>
        <source>Folder last used for a kind of file</source>
        <translation>每类文件上次使用的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window_settings.py" line="115"/>
        <source>Detail pane shown on each tab</source>
        <translation>各标签页是否显示详情窗格</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../ui/workers.py" line="166"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/workers.py" line="178"/>
        <source>{0} ({1} of {2})</source>
        <translation>{0}（{1}/{2}）</translation>
    </message>
    <message>
        <location filename="../../ui/workers.py" line="185"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../importers/ledger/cells.py" line="29"/>
        <source>percent &quot;{value}&quot; is not a number</source>
        <translation>完成进度“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/cells.py" line="145"/>
        <source>percent {value} is ambiguous (the cell is not formatted as a percent, so it may mean {value}% or {hundredfold}%); write a whole number 0–100, e.g. 80 for 80%</source>
        <translation>完成进度 {value} 含义不明（单元格不是百分比格式，可能是 {value}% 也可能是 {hundredfold}%）；请填写 0–100 的整数，如 80% 填 80</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/cells.py" line="150"/>
        <source>percent {value} is ambiguous (this file does not say whether the cell is formatted as a percent, so it may mean {value}% or {hundredfold}%); write a whole number 0–100, e.g. 80 for 80%, or save the file as .xlsx</source>
        <translation>完成进度 {value} 含义不明（此文件看不出单元格是否为百分比格式，可能是 {value}% 也可能是 {hundredfold}%）；请填写 0–100 的整数，如 80% 填 80，或将文件另存为 .xlsx</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/progress_service.py" line="351"/>
        <location filename="../../tracker/inspections/finding_rules.py" line="41"/>
        <location filename="../../importers/ledger/cells.py" line="140"/>
        <source>percent {percent} is outside 0–100</source>
        <translation>完成进度 {percent} 超出 0–100 的范围</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/reader.py" line="127"/>
        <location filename="../../importers/ledger/extent.py" line="79"/>
        <source>sheet &quot;{sheet}&quot; reaches cell {cell}, far outside any ledger; delete the stray content there and send the file again</source>
        <translation>工作表“{sheet}”的内容一直延伸到单元格 {cell}，远超台账范围；请删除该处多余内容后重新报送</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/metadata.py" line="180"/>
        <source>the metadata sheet&apos;s row header (row {row}) has no column {column}</source>
        <translation>元数据工作表的行标题（第{row}行）缺少列 {column}</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/metadata.py" line="282"/>
        <source>the metadata sheet was not written by this program</source>
        <translation>元数据工作表不是本程序生成的</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/metadata.py" line="289"/>
        <source>the metadata sheet has no format version</source>
        <translation>元数据工作表缺少格式版本</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/metadata.py" line="293"/>
        <source>metadata format {version} is newer than this program&apos;s</source>
        <translation>元数据格式 {version} 比本程序支持的版本新</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/metadata.py" line="360"/>
        <source>damaged metadata line {line}: {reason}</source>
        <translation>元数据行 {line} 已损坏：{reason}</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/reader.py" line="59"/>
        <location filename="../../importers/findings/finding_list.py" line="89"/>
        <source>cannot open the file: {reason}</source>
        <translation>无法打开文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/reader.py" line="75"/>
        <location filename="../../importers/findings/finding_list.py" line="103"/>
        <source>the file is damaged or unreadable ({reason})</source>
        <translation>文件已损坏或无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/reader.py" line="206"/>
        <source>sheet &quot;{sheet}&quot; is damaged or unreadable ({reason})</source>
        <translation>工作表“{sheet}”已损坏或无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/reader.py" line="219"/>
        <source>metadata ignored: {problem}</source>
        <translation>已忽略元数据：{problem}</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/reader.py" line="265"/>
        <source>sheet &quot;{sheet}&quot; has no column {missing} (looked for it in the header row {row})</source>
        <translation>工作表“{sheet}”缺少“{missing}”列（已在第 {row} 行表头中查找）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/reader.py" line="288"/>
        <source>no sheet has a ledger header ({headers}); this is not a work ledger exported by this program</source>
        <translation>没有任何工作表带有台账表头（{headers}）；这不是本程序导出的工作台账</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="41"/>
        <source>the workbook is password-protected; ask the unit to remove the password</source>
        <translation>工作簿设有密码保护；请报送单位取消密码后重新报送</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="49"/>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="53"/>
        <source>the file is {size} MB; a ledger is never larger than {limit} MB</source>
        <translation>文件大小为 {size} MB；台账文件不会超过 {limit} MB</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="73"/>
        <source>not a spreadsheet but a web page or XML file saved with a spreadsheet name; open it in Excel or WPS and save it as .xlsx</source>
        <translation>这不是电子表格，而是以表格文件名保存的网页或 XML 文件；请用 Excel 或 WPS 打开后另存为 .xlsx</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="81"/>
        <source>not a spreadsheet (expected an .xlsx, .xls or .ods file)</source>
        <translation>不是电子表格（应为 .xlsx、.xls 或 .ods 文件）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="90"/>
        <location filename="../../importers/ledger/safety.py" line="105"/>
        <source>the .xls file is damaged ({reason})</source>
        <translation>.xls 文件已损坏（{reason}）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="99"/>
        <source>an Office document but not an Excel workbook</source>
        <translation>这是 Office 文档，但不是 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="117"/>
        <source>the file is damaged (broken zip archive: {reason})</source>
        <translation>文件已损坏（zip 压缩包损坏：{reason}）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="129"/>
        <source>refused: part {part} expands {size} MB from {packed} bytes (zip bomb?)</source>
        <translation>已拒绝：部件 {part} 由 {packed} 字节解压后达 {size} MB（疑似 zip 炸弹）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="140"/>
        <source>refused: the workbook expands to {size} MB (more than {limit} MB; zip bomb?)</source>
        <translation>已拒绝：工作簿解压后达 {size} MB（超过 {limit} MB，疑似 zip 炸弹）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="161"/>
        <location filename="../../importers/ledger/safety.py" line="188"/>
        <source>the file is damaged ({reason})</source>
        <translation>文件已损坏（{reason}）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="166"/>
        <source>the file is damaged (bad XML: {reason})</source>
        <translation>文件已损坏（XML 有误：{reason}）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="178"/>
        <source>an Excel binary workbook (.xlsb); open it in Excel or WPS and save it as .xlsx</source>
        <translation>这是 Excel 二进制工作簿（.xlsb）；请用 Excel 或 WPS 打开后另存为 .xlsx</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="194"/>
        <source>a Word document, not a spreadsheet</source>
        <translation>这是 Word 文档，不是电子表格</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="196"/>
        <source>a zip archive, not a spreadsheet</source>
        <translation>这是 zip 压缩包，不是电子表格</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="225"/>
        <source>the file is damaged (part {part}: {reason})</source>
        <translation>文件已损坏（部件 {part}：{reason}）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/safety.py" line="235"/>
        <source>refused: part {part} declares a DTD or entities (XML bomb?)</source>
        <translation>已拒绝：部件 {part} 声明了 DTD 或实体（疑似 XML 炸弹）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/sheetparse.py" line="297"/>
        <source>row {row} is filled in but has no {column} (measure code)</source>
        <translation>第 {row} 行填有内容，但没有填写{column}</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/corrections.py" line="91"/>
        <location filename="../../importers/ledger/sheetparse.py" line="312"/>
        <source>{column} &quot;{value}&quot; is not a date; write it as 2021-12-31 or 2021年12月31日</source>
        <translation>{column}“{value}”不是日期；请写成 2021-12-31 或 2021年12月31日</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/statuses.py" line="54"/>
        <source>unknown status &quot;{value}&quot;; allowed: {allowed}</source>
        <translation>无法识别的完成状态“{value}”；只能填写：{allowed}</translation>
    </message>
    <message>
        <location filename="../../importers/messages.py" line="86"/>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <location filename="../../importers/policy/measures.py" line="90"/>
        <source>measure {code} names no responsible unit</source>
        <translation>措施 {code} 没有写明责任单位</translation>
    </message>
    <message>
        <location filename="../../importers/policy/measures.py" line="174"/>
        <source>measure {code}: cannot read deadline {wording!r}</source>
        <translation>措施 {code}：无法识别完成时限“{wording}”</translation>
    </message>
    <message>
        <location filename="../../importers/policy/parser.py" line="65"/>
        <source>no numbered measures found</source>
        <translation>没有找到带编号的措施</translation>
    </message>
    <message>
        <location filename="../../importers/policy/parser.py" line="95"/>
        <source>holds no assigned tasks: {count} numbered paragraphs but no responsibility bracket such as （…负责） or （牵头单位：…） and no task table — a notice or bulletin? If the tasks are in an attachment, import that file</source>
        <translation>未包含分工任务：有 {count} 个编号段落，但没有（…负责）或（牵头单位：…）这样的责任括注，也没有任务分工表——这是通知或通报吗？如果任务在附件中，请导入附件文件</translation>
    </message>
    <message>
        <location filename="../../importers/policy/parser.py" line="101"/>
        <source>holds no assigned tasks: {count} numbered paragraph but no responsibility bracket such as （…负责） or （牵头单位：…） and no task table — a notice or bulletin? If the tasks are in an attachment, import that file</source>
        <translation>未包含分工任务：有 {count} 个编号段落，但没有（…负责）或（牵头单位：…）这样的责任括注，也没有任务分工表——这是通知或通报吗？如果任务在附件中，请导入附件文件</translation>
    </message>
    <message>
        <location filename="../../importers/policy/sources.py" line="70"/>
        <source>unsupported file type &apos;(none)&apos;</source>
        <translation>不支持的文件类型（没有扩展名）</translation>
    </message>
    <message>
        <location filename="../../importers/policy/sources.py" line="73"/>
        <source>unsupported file type {suffix!r}</source>
        <translation>不支持的文件类型“{suffix}”</translation>
    </message>
    <message>
        <location filename="../../importers/policy/sources.py" line="80"/>
        <source>cannot be read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../importers/policy/sources.py" line="84"/>
        <source>is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location filename="../../importers/policy/sources.py" line="97"/>
        <source>contains no text</source>
        <translation>文件中没有文字</translation>
    </message>
    <message>
        <location filename="../../importers/policy/sources.py" line="129"/>
        <source>is neither UTF-8 nor GB18030 text</source>
        <translation>既不是 UTF-8 也不是 GB18030 编码的文本</translation>
    </message>
    <message>
        <location filename="../../importers/policy/sources.py" line="132"/>
        <source>is binary data, not text</source>
        <translation>是二进制数据，不是文本</translation>
    </message>
    <message>
        <location filename="../../importers/policy/sources.py" line="161"/>
        <source>is not a readable Word (.docx) document</source>
        <translation>不是可以读取的 Word（.docx）文档</translation>
    </message>
    <message>
        <location filename="../../importers/policy/sources.py" line="197"/>
        <source>is not a readable PDF document</source>
        <translation>不是可以读取的 PDF 文档</translation>
    </message>
    <message>
        <location filename="../../importers/policy/sources.py" line="202"/>
        <source>has no text layer (a scanned PDF?)</source>
        <translation>没有文字层（可能是扫描件 PDF）</translation>
    </message>
    <message>
        <location filename="../../importers/policy/structure.py" line="245"/>
        <source>measure {code} repeats an earlier number</source>
        <translation>措施 {code} 与前面的编号重复</translation>
    </message>
    <message>
        <location filename="../../importers/policy/structure.py" line="248"/>
        <source>numbering gap before measure {code}</source>
        <translation>措施 {code} 之前的编号不连续</translation>
    </message>
    <message>
        <location filename="../../importers/reports/fonts.py" line="20"/>
        <source>no Chinese font installed that PDF reports can use; install e.g. {fonts} or, on Linux, the fonts-wqy-zenhei or fonts-arphic-uming package</source>
        <translation>没有可用于 PDF 报表的中文字体；请安装 {fonts} 等字体，Linux 下可安装 fonts-wqy-zenhei 或 fonts-arphic-uming 软件包</translation>
    </message>
    <message>
        <location filename="../../importers/reports/layout.py" line="87"/>
        <source>cannot use the font {path}: {reason}</source>
        <translation>无法使用字体 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/general_commands.py" line="36"/>
        <source>unknown status {status!r}; allowed: {allowed}</source>
        <translation>无法识别的状态“{status}”；可选：{allowed}</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/general_commands.py" line="229"/>
        <location filename="../../tracker/cli/inspection_commands.py" line="77"/>
        <source>nothing to record: give --status, --percent or --note</source>
        <translation>没有要记录的内容：请给出 --status、--percent 或 --note</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/document_service.py" line="132"/>
        <location filename="../../tracker/documents/document_service.py" line="288"/>
        <source>no document matches {text!r}</source>
        <translation>没有与“{text}”相符的文件</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/document_service.py" line="136"/>
        <source>{text!r} matches several documents: {names}</source>
        <translation>“{text}”与多份文件相符：{names}</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/document_delete.py" line="70"/>
        <location filename="../../tracker/documents/document_service.py" line="298"/>
        <source>document {id} no longer exists</source>
        <translation>文件 {id} 已不存在</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/document_service.py" line="147"/>
        <source>name the document</source>
        <translation>请指明文件</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/document_service.py" line="319"/>
        <source>The document {document} was revised by someone else meanwhile; nothing was changed. Import the file again to see its changes against the new version.</source>
        <translation>文件 {document} 刚刚已被他人修订，未做任何更改。请重新导入该文件，查看相对于新版本的变化。</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/document_service.py" line="353"/>
        <source>unknown unit {target!r} to map {name!r} to</source>
        <translation>要将“{name}”对应到的单位“{target}”不存在</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/document_service.py" line="361"/>
        <source>{name!r} is already a unit or an alias of another unit</source>
        <translation>“{name}”已是一个单位，或已是其他单位的别名</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/policy_files.py" line="20"/>
        <source>no such file: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/policy_files.py" line="35"/>
        <source>{file} holds no assigned tasks: no responsibility bracket such as （…负责） and no task table — if the tasks are in an attachment, import that file</source>
        <translation>{file} 未包含分工任务：没有（…负责）这样的责任括注，也没有任务分工表——如果任务在附件中，请导入附件文件</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/policy_files.py" line="44"/>
        <source>no measures found in {file} — is this a task document?</source>
        <translation>在 {file} 中没有找到任何措施——这是任务分工文件吗？</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/ledger_commands.py" line="74"/>
        <source>say which ledger: --unit U, --all or --master</source>
        <translation>请指明导出哪种台账：--unit 单位、--all 或 --master</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_export.py" line="70"/>
        <source>{count} ledgers could not be written; the first: {first}</source>
        <translation>{count} 个台账未能写出；第一个：{first}</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_export.py" line="178"/>
        <source>{unit} has no assignment to put in a ledger</source>
        <translation>{unit}没有可列入台账的分工</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_export.py" line="218"/>
        <source>there is nothing to export yet: import a policy document first</source>
        <translation>暂无可导出的内容：请先导入政策文件</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_export.py" line="251"/>
        <source>cannot create the folder {folder}: {reason}</source>
        <translation>无法创建文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_records.py" line="259"/>
        <source>the hidden sheet is gone: choose the unit this file is from (suggested: {units})</source>
        <translation>隐藏的元数据表已丢失：请选择此文件所属的单位（建议：{units}）</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_records.py" line="267"/>
        <source>{count} rejected rows</source>
        <translation>{count} 行被退回</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_records.py" line="269"/>
        <source>{count} rejected row</source>
        <translation>{count} 行被退回</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_records.py" line="272"/>
        <source>{count} conflicts</source>
        <translation>{count} 处冲突</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_records.py" line="274"/>
        <source>{count} conflict</source>
        <translation>{count} 处冲突</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_import.py" line="217"/>
        <source>this file was already imported on {when}</source>
        <translation>该文件已于 {when} 导入过</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_checks.py" line="189"/>
        <source>the row shows measure {shown_code} of {shown_unit}, but its hidden key is measure {code} of {unit}; a ledger from another database, or an edited row: not imported</source>
        <translation>此行显示为{shown_unit}的措施 {shown_code}，但其隐藏键对应{unit}的措施 {code}；可能是其他数据库导出的台账或被改动的行：未导入</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_checks.py" line="211"/>
        <source>measure {code} of {unit} exists in several documents and the ledger&apos;s hidden keys are gone</source>
        <translation>{unit}的措施 {code} 在多份文件中都有，而台账中隐藏的对应信息已丢失</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_checks.py" line="226"/>
        <source>row {number} is filled in but has no {column} (unit)</source>
        <translation>第 {number} 行填有内容，但没有填写{column}</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_checks.py" line="239"/>
        <source>no assignment of measure {code!r} to {unit!r}</source>
        <translation>措施“{code}”没有分工给“{unit}”</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_checks.py" line="273"/>
        <source>measure {code} has been split into sub-tasks since this ledger was made ({unit} now answers {tasks}): not imported; send {unit} a new ledger</source>
        <translation>本台账制作后，措施{code}已分为多项分工（{unit}现承担{tasks}）：未导入；请向{unit}重新下发台账</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_checks.py" line="334"/>
        <source>no measure is assigned to the unit {unit!r}</source>
        <translation>没有分配给单位 {unit!r} 的措施</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_compare.py" line="161"/>
        <source>this row belongs to {unit}; the ledger was exported for {owner}</source>
        <translation>此行属于{unit}；该台账是下发给{owner}的</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_compare.py" line="174"/>
        <source>measure {code} of {unit} was not in this ledger as it was sent out (措施编号 or 责任单位 edited, or the row copied in); not imported</source>
        <translation>{unit}的措施 {code} 不在下发的台账中（措施编号或责任单位被改动，或该行是复制进来的）：未导入</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_compare.py" line="205"/>
        <source>measure {code} of {unit} is also in {other} with other values; keep one of the two rows</source>
        <translation>{unit}的措施 {code} 也出现在 {other}，且填报内容不同；请只保留其中一行</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_compare.py" line="249"/>
        <source>a unit cannot tick off ({status}) its own measure; only the office can</source>
        <translation>单位不能自行销号（{status}），只能由办公室销号</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_compare.py" line="263"/>
        <source>{column} is set by the office: {old} → {new} ignored</source>
        <translation>{column}由办公室确定：{old} → {new} 的修改已忽略</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_compare.py" line="281"/>
        <source>{column} is set by the office: the unit&apos;s edit is ignored</source>
        <translation>{column}由办公室确定：单位的修改已忽略</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_compare.py" line="343"/>
        <source>{column}: the text fills a whole cell ({limit} characters) and may have been cut; ignored</source>
        <translation>{column}：文字占满整个单元格（{limit} 个字符），可能已被截断；已忽略</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_import.py" line="294"/>
        <source>the database or the files changed since the preview; preview again</source>
        <translation>预览之后数据库或文件已有变化；请重新预览</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_import.py" line="322"/>
        <source>changes the same fields as {file}; import it on its own</source>
        <translation>与 {file} 修改了相同的内容；请单独导入</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_import.py" line="373"/>
        <source>{file} has no rejected cell to send back</source>
        <translation>{file}没有需要退回的单元格</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_undo.py" line="90"/>
        <source>a later ledger import ({files}) is still in force; undo it first</source>
        <translation>之后的台账导入（{files}）仍然有效，请先撤销它</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_undo.py" line="98"/>
        <source>there is no ledger import to undo</source>
        <translation>没有可以撤销的台账导入</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_undo.py" line="181"/>
        <source>measure {code} of {unit} was changed after the import; undo that change first</source>
        <translation>{unit}的措施 {code} 在导入后又有修改；请先撤销那次修改</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_files.py" line="48"/>
        <source>{file}: no such file</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_files.py" line="55"/>
        <source>{file}: not enough memory to read this file; close other programs or ask the unit to send a smaller ledger</source>
        <translation>{file}：内存不足，无法读取此文件；请关闭其他程序，或请该单位发送较小的台账</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/assignment_filter.py" line="88"/>
        <source>the number of days cannot be negative</source>
        <translation>天数不能为负数</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/overview.py" line="257"/>
        <source>measure {id} no longer exists</source>
        <translation>措施（编号 {id}）已不存在</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/measure_lookup.py" line="31"/>
        <source>no measure {code!r} in {document}</source>
        <translation>{document}中没有措施“{code}”</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/measure_lookup.py" line="35"/>
        <source>no measure {code!r}</source>
        <translation>没有措施“{code}”</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/measure_lookup.py" line="39"/>
        <source>measure {code!r} exists in several documents ({documents}); name one with --doc</source>
        <translation>措施“{code}”在多份文件中都有（{documents}）；请用 --doc 指明其中一份</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/measure_lookup.py" line="74"/>
        <source>measure {code} has {count} sub-tasks: name one as {first} to {last}</source>
        <translation>措施{code}有{count}项分工：请写明其中一项，{first}至{last}</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/measure_lookup.py" line="87"/>
        <source>measure {code} has no sub-task {seq}</source>
        <translation>措施{code}没有第{seq}项分工</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/progress_service.py" line="89"/>
        <source>{unit} answers measure {code} through its members: {members}</source>
        <translation>{unit}的措施 {code} 由其成员分别承担：{members}</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/progress_service.py" line="97"/>
        <source>{unit} is not assigned measure {code}</source>
        <translation>措施 {code} 没有分工给{unit}</translation>
    </message>
    <message>
        <location filename="../../tracker/extensions/extension_service.py" line="123"/>
        <source>say why the request is refused</source>
        <translation>请填写驳回理由</translation>
    </message>
    <message>
        <location filename="../../tracker/extensions/extension_service.py" line="136"/>
        <source>request {id} has not been decided</source>
        <translation>申请 {id} 尚未审批</translation>
    </message>
    <message>
        <location filename="../../tracker/extensions/extension_service.py" line="143"/>
        <source>a later decision changed this deadline since; undo that first</source>
        <translation>此后的审批已再次更改该时限；请先撤销那一项</translation>
    </message>
    <message>
        <location filename="../../tracker/extensions/extension_service.py" line="185"/>
        <source>measure {code} has no fixed deadline: there is nothing to extend</source>
        <translation>措施 {code} 没有固定完成时限，无需延期</translation>
    </message>
    <message>
        <location filename="../../tracker/extensions/extension_service.py" line="192"/>
        <source>the requested deadline {requested} is not later than the current one {current}</source>
        <translation>申请的完成时限 {requested} 不晚于现时限 {current}</translation>
    </message>
    <message>
        <location filename="../../tracker/extensions/extension_service.py" line="226"/>
        <source>the extension of measure {code} for {unit} that came with this import was approved; undo the approval first</source>
        <translation>随此次导入提交的{unit}措施{code}延期申请已批准；请先撤销该审批</translation>
    </message>
    <message>
        <location filename="../../tracker/extensions/extension_service.py" line="242"/>
        <location filename="../../tracker/progress/progress_service.py" line="131"/>
        <location filename="../../tracker/progress/progress_service.py" line="299"/>
        <source>assignment {id} no longer exists</source>
        <translation>分工（编号 {id}）已不存在</translation>
    </message>
    <message>
        <location filename="../../tracker/extensions/extension_service.py" line="251"/>
        <source>no extension request {id}</source>
        <translation>没有编号为 {id} 的延期申请</translation>
    </message>
    <message>
        <location filename="../../tracker/extensions/extension_service.py" line="260"/>
        <source>request {id} was already decided: {state}</source>
        <translation>申请 {id} 已审批：{state}</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/progress_service.py" line="137"/>
        <source>{unit} answers measure {code} through its members; record their progress</source>
        <translation>{unit}的措施 {code} 由其成员分别承担，请录入成员的进展</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_write.py" line="108"/>
        <location filename="../../tracker/progress/progress_service.py" line="164"/>
        <source>another user saved this assignment first; reload</source>
        <translation>其他用户已先保存了这项分工；请重新加载</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/progress_service.py" line="197"/>
        <source>{unit} / measure {code} was changed meanwhile; reload and try again</source>
        <translation>{unit} / 措施 {code} 在此期间已被修改；请重新加载后再试</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/progress_service.py" line="206"/>
        <source>this assignment is not ticked off</source>
        <translation>这项分工尚未销号</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/progress_service.py" line="232"/>
        <source>{unit} is already assigned {code}</source>
        <translation>{unit}已承担措施 {code}</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/progress_service.py" line="323"/>
        <source>{unit} / measure {code} was changed by {user} at {when}; reload and try again</source>
        <translation>{unit} / 措施 {code} 已由{user}于 {when} 修改；请重新加载后再试</translation>
    </message>
    <message>
        <location filename="../../tracker/progress/progress_service.py" line="333"/>
        <source>{unit} / measure {code} was changed by someone at {when}; reload and try again</source>
        <translation>{unit} / 措施 {code} 已于 {when} 被他人修改；请重新加载后再试</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/report_service.py" line="115"/>
        <source>a unit report is for one unit: name it (--unit)</source>
        <translation>单位任务清单针对一个单位：请指明单位（--unit）</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/report_service.py" line="118"/>
        <source>a chaser report is for one unit: name it (--unit)</source>
        <translation>催办单针对一个单位：请指明单位（--unit）</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/report_service.py" line="127"/>
        <source>unknown report {kind!r}; one of {kinds}</source>
        <translation>未知的报表“{kind}”；可选：{kinds}</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/report_service.py" line="210"/>
        <source>{unit} has no assignment to report on</source>
        <translation>{unit}没有可列入报表的分工</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/report_service.py" line="231"/>
        <source>{unit} answers through its members; chase each of them: {members}</source>
        <translation>{unit}由其成员分别承担，请分别向成员催办：{members}</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/report_service.py" line="242"/>
        <source>{unit} has nothing overdue or due soon: no chaser needed</source>
        <translation>{unit}没有逾期或临期事项，无需催办</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/report_ledger.py" line="50"/>
        <source>nothing of this ledger had been recorded as of {round} ({day}): choose a later round or print today&apos;s values</source>
        <translation>截至{round}（{day}）本台账尚无任何记录：请选择更晚的轮次，或打印当前数据</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/report_ledger.py" line="60"/>
        <source>there is nothing to print in this ledger</source>
        <translation>此台账没有可打印的内容</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/report_files.py" line="22"/>
        <source>cannot write {file}: the file must end in .pdf or .docx</source>
        <translation>无法写入 {file}：文件扩展名须为 .pdf 或 .docx</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/report_files.py" line="49"/>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../tracker/rounds/round_service.py" line="90"/>
        <source>a round needs a name, e.g. {example}</source>
        <translation>调度轮次需要一个名称，例如 {example}</translation>
    </message>
    <message>
        <location filename="../../tracker/rounds/round_service.py" line="96"/>
        <source>a round named {name!r} already exists</source>
        <translation>已有名为“{name}”的调度轮次</translation>
    </message>
    <message>
        <location filename="../../tracker/rounds/round_service.py" line="139"/>
        <source>no round named {name!r} (rounds: none yet)</source>
        <translation>没有名为“{name}”的调度轮次（目前还没有任何轮次）</translation>
    </message>
    <message>
        <location filename="../../tracker/rounds/round_service.py" line="143"/>
        <source>no round named {name!r} (rounds: {rounds})</source>
        <translation>没有名为“{name}”的调度轮次（现有轮次：{rounds}）</translation>
    </message>
    <message>
        <location filename="../../tracker/rounds/round_service.py" line="153"/>
        <source>no reporting round yet: create one first (new-round)</source>
        <translation>还没有调度轮次：请先新建一个轮次</translation>
    </message>
    <message>
        <location filename="../../tracker/rounds/round_service.py" line="164"/>
        <source>the reporting deadline {deadline} is before the round&apos;s as-of date {as_of}</source>
        <translation>报送截止日期 {deadline} 早于本轮的截至日期 {as_of}</translation>
    </message>
    <message>
        <location filename="../../tracker/store.py" line="173"/>
        <source>The database {database} was made by a newer version of this application (schema {schema}); please update the application.</source>
        <translation>数据库 {database} 由更新版本的本程序创建（数据结构版本 {schema}）；请升级本程序。</translation>
    </message>
    <message>
        <location filename="../../tracker/units/unit_service.py" line="285"/>
        <source>unknown unit {unit!r}; did you mean {hint}?</source>
        <translation>未知单位“{unit}”；您要找的是不是{hint}？</translation>
    </message>
    <message>
        <location filename="../../tracker/units/unit_service.py" line="289"/>
        <source>unknown unit {unit!r}</source>
        <translation>未知单位“{unit}”</translation>
    </message>
    <message>
        <location filename="../../tracker/units/unit_service.py" line="294"/>
        <source>an alias cannot be empty</source>
        <translation>别名不能为空</translation>
    </message>
    <message>
        <location filename="../../tracker/units/unit_service.py" line="299"/>
        <source>{alias!r} is itself a unit; merge the two units instead</source>
        <translation>“{alias}”本身就是一个单位；请改为合并这两个单位</translation>
    </message>
    <message>
        <location filename="../../tracker/units/groups.py" line="144"/>
        <location filename="../../tracker/units/groups.py" line="176"/>
        <source>{units} not a member of {group}</source>
        <translation>{units}不是{group}的成员</translation>
    </message>
    <message>
        <location filename="../../tracker/units/groups.py" line="169"/>
        <source>{group} has no members&apos; shares of {code}</source>
        <translation>{group}的措施 {code} 没有分给成员</translation>
    </message>
    <message>
        <location filename="../../tracker/units/groups.py" line="232"/>
        <source>a group cannot contain itself</source>
        <translation>单位组不能包含自身</translation>
    </message>
    <message>
        <location filename="../../tracker/units/groups.py" line="240"/>
        <source>groups would nest {levels} levels deep under {top}; at most {limit}</source>
        <translation>{top}下的分组将嵌套{levels}层，最多允许{limit}层</translation>
    </message>
    <message>
        <location filename="../../tracker/units/unit_merge.py" line="149"/>
        <source>a unit cannot be merged into itself</source>
        <translation>单位不能合并到自身</translation>
    </message>
    <message>
        <location filename="../../tracker/units/unit_merge.py" line="155"/>
        <source>unknown merge choice {choice!r}; allowed: {allowed}</source>
        <translation>未知的合并选择 {choice!r}；可选：{allowed}</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="81"/>
        <source>The database file {database} does not exist (never created, moved or deleted). To start a new database there, run &quot;tracker-cli init&quot; or use the first page of the window; if the file was moved, open it where it is now.</source>
        <translation>数据库文件 {database} 不存在（从未创建，或已被移动、删除）。如需在该位置新建数据库，请运行“tracker-cli init”或使用窗口的首页；如果文件被移动了，请到它现在的位置打开它。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="87"/>
        <source>The database {database} is empty (it has no tables yet). To start a new database there, run &quot;tracker-cli init&quot; or use the first page of the window.</source>
        <translation>数据库 {database} 是空的（还没有任何数据表）。如需在该位置新建数据库，请运行“tracker-cli init”或使用窗口的首页。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="92"/>
        <source>The database {database} belongs to another program (it has tables, but not this application&apos;s); nothing was changed. Open this application&apos;s database, or choose another file for a new one.</source>
        <translation>数据库 {database} 属于其他程序（其中有数据表，但不是本程序的），未做任何更改。请打开本程序的数据库，或另选一个文件新建数据库。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="98"/>
        <source>The database file {database} does not exist (never created, moved or deleted). If the file was moved, open it where it is now (File → Open database…).</source>
        <translation>数据库文件 {database} 不存在（从未创建，或已被移动、删除）。如果文件被移动了，请到它现在的位置打开（文件 → 打开数据库…）。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="103"/>
        <source>The database {database} is empty (it has no tables yet); nothing was changed. Open another database file (File → Open database…).</source>
        <translation>数据库 {database} 是空的（还没有数据表），未做任何更改。请打开另一个数据库文件（文件 → 打开数据库…）。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="111"/>
        <source>The database file {database} is gone (deleted or moved while it was open); nothing was saved. Put the file back, or open it where it is now, and do the change again.</source>
        <translation>数据库文件 {database} 已不在原处（在打开期间被删除或移动），本次修改未保存。请把文件放回原处，或到它现在的位置打开它，然后重新修改。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="116"/>
        <source>The database {database} is locked by another program or window; nothing was saved. Close the other program (or wait until it has finished) and try again.</source>
        <translation>数据库 {database} 被其他程序或窗口锁定，本次修改未保存。请关闭其他程序（或等待其完成）后重试。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="121"/>
        <source>The database {database} cannot be written (the file or its folder is read-only, or you lack the permission); nothing was saved. Make it writable or copy it to a folder you can write to.</source>
        <translation>无法写入数据库 {database}（文件或其所在文件夹为只读，或没有权限），本次修改未保存。请将其设为可写，或复制到您有写入权限的文件夹。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="127"/>
        <source>The disk holding the database {database} is full; nothing was saved. Free some space and try again.</source>
        <translation>数据库 {database} 所在的磁盘已满，本次修改未保存。请清理出一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="132"/>
        <source>The file {database} is not a database of this application, or it is damaged; nothing was changed. Restore it from a backup, or open another file.</source>
        <translation>文件 {database} 不是本程序的数据库，或已损坏，未做任何更改。请从备份恢复，或打开其他文件。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="137"/>
        <source>The database {database} cannot be opened (no access to the file or its folder); nothing was saved. Check that the folder exists and that you may write to it.</source>
        <translation>无法打开数据库 {database}（无法访问该文件或其所在文件夹），未保存任何内容。请检查文件夹是否存在以及您是否有写入权限。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="142"/>
        <source>The database {database} could not be read or written (a disk or network drive error); nothing was saved. Check the drive and try again.</source>
        <translation>无法读写数据库 {database}（磁盘或网络驱动器出错），本次修改未保存。请检查驱动器后重试。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="147"/>
        <source>The database server {database} cannot be reached (connection refused or lost); nothing was saved. Check the network and that the server is running, then try again.</source>
        <translation>无法连接数据库服务器 {database}（连接被拒绝或已断开），本次修改未保存。请检查网络以及服务器是否在运行，然后重试。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="152"/>
        <source>Someone else saved the same record in the database {database} at the same time; nothing was saved. Reload and try again.</source>
        <translation>有其他人同时在数据库 {database} 中保存了同一条记录，本次修改未保存。请刷新后重试。</translation>
    </message>
    <message>
        <location filename="../../tracker/db_errors.py" line="157"/>
        <source>A value is too long for the database {database}; nothing was saved. Shorten the text and try again.</source>
        <translation>有内容超出数据库 {database} 允许的长度，本次修改未保存。请缩短文字后重试。</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_errors.py" line="19"/>
        <source>the daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_errors.py" line="20"/>
        <source>a backup by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_errors.py" line="21"/>
        <source>importing ledgers</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_errors.py" line="22"/>
        <source>accepting a document&apos;s revision</source>
        <translation>接受文件修订</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_errors.py" line="23"/>
        <source>deleting a document</source>
        <translation>删除文件</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_errors.py" line="24"/>
        <source>merging units</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_errors.py" line="25"/>
        <source>upgrading the database</source>
        <translation>升级数据库</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_errors.py" line="26"/>
        <source>restoring a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_service.py" line="127"/>
        <source>{file} is the database itself; choose another file for the backup.</source>
        <translation>{file} 就是数据库本身，请为备份另选一个文件。</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_errors.py" line="43"/>
        <source>Could not write the backup {file}: {reason}</source>
        <translation>无法写入备份 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_errors.py" line="52"/>
        <source>Could not back up the database before {operation}, so nothing was changed: {problem}. Free some disk space or check the folder {folder}.</source>
        <translation>在{operation}之前无法备份数据库，因此未做任何更改：{problem}。请释放磁盘空间，或检查文件夹 {folder}。</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_service.py" line="134"/>
        <source>{file} already exists; choose a new file name for the backup (nothing was overwritten).</source>
        <translation>{file} 已存在，请为备份另取一个文件名（未覆盖任何文件）。</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_service.py" line="203"/>
        <source>Could not delete the backup {file}: {reason}</source>
        <translation>无法删除备份 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_service.py" line="254"/>
        <source>Could not restore {file}: {reason}. The database was not changed.</source>
        <translation>无法恢复 {file}：{reason}。数据库未被更改。</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_check.py" line="37"/>
        <source>{file} does not exist or is not a file.</source>
        <translation>{file} 不存在或不是文件。</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_check.py" line="46"/>
        <source>{file} is not a readable backup of this database: {reason}</source>
        <translation>{file} 不是可读取的本数据库备份：{reason}</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_check.py" line="77"/>
        <source>{file} is damaged (integrity check: {detail}).</source>
        <translation>{file} 已损坏（完整性检查：{detail}）。</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_check.py" line="87"/>
        <location filename="../../tracker/backups/backup_check.py" line="110"/>
        <source>{file} is not a backup of this application&apos;s database (no table {tables}).</source>
        <translation>{file} 不是本程序数据库的备份（缺少数据表 {tables}）。</translation>
    </message>
    <message>
        <location filename="../../tracker/backups/backup_check.py" line="98"/>
        <source>{file} was made by a newer or unknown version of this application (schema {schema}); it cannot be restored by this version.</source>
        <translation>{file} 由本程序的较新版本或未知版本生成（数据库版本 {schema}），本版本无法恢复。</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/export_errors.py" line="31"/>
        <source>cannot write {path}: the disk is full; free some space and export again</source>
        <translation>无法写入 {path}：磁盘已满；请腾出空间后重新导出</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/export_errors.py" line="43"/>
        <source>cannot write {path}: the name is too long for this folder; choose a folder with a shorter path</source>
        <translation>无法写入 {path}：文件名对此文件夹而言过长；请选择路径较短的文件夹</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/export_errors.py" line="54"/>
        <source>cannot write {path}: the file is open in Excel or WPS; close it and export again</source>
        <translation>无法写入 {path}：该文件正在 Excel 或 WPS 中打开；请关闭后重新导出</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/export_errors.py" line="62"/>
        <source>cannot write {path}: no permission to write there; choose another folder or ask for access</source>
        <translation>无法写入 {path}：没有写入该位置的权限；请选择其他文件夹或申请权限</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/export_errors.py" line="71"/>
        <source>cannot write {path}: the folder is read-only; choose another folder</source>
        <translation>无法写入 {path}：该文件夹只读；请选择其他文件夹</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/export_errors.py" line="77"/>
        <source>cannot write {path} ({reason})</source>
        <translation>无法写入 {path}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/facts.py" line="17"/>
        <source>formula {formula} has no calculated value (the program that saved the file did not calculate it); open the file in Excel or WPS, save it and send it again</source>
        <translation>公式 {formula} 没有计算结果（保存文件的程序没有计算公式）；请用 Excel 或 WPS 打开文件，保存后重新报送</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/facts.py" line="22"/>
        <source>the cell shows the error {error}; correct it and send the file again</source>
        <translation>单元格显示错误值 {error}；请改正后重新报送</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/extent.py" line="95"/>
        <source>the sheets together span {cells} cells, far more than any ledger (at most {limit}); delete the stray content and send the file again</source>
        <translation>各工作表合计 {cells} 个单元格，远超任何台账（最多 {limit} 个）；请删除多余内容后重新发送</translation>
    </message>
    <message>
        <location filename="../../importers/ledger/extent.py" line="303"/>
        <source>refused: part {part} declares {count} different texts (more than {limit}); the file is damaged or forged</source>
        <translation>已拒绝：部件 {part} 声明了 {count} 个不同文本（超过 {limit} 个）；文件已损坏或被伪造</translation>
    </message>
    <message>
        <location filename="../../tracker/sharing.py" line="13"/>
        <source>The database {database} is on a network drive. SQLite files are not safe to share this way: two people writing at once can damage it. To share one database, ask IT for a PostgreSQL server and enter its address under Settings; until then let only one person open this file at a time.</source>
        <translation>数据库 {database} 位于网络驱动器上。SQLite 数据库文件不适合这样共用：两人同时写入可能损坏数据。如需多人共用一个数据库，请信息科安装 PostgreSQL 服务器，并在“设置”中填写其地址；在此之前，请同一时间只让一人打开此文件。</translation>
    </message>
    <message>
        <location filename="../../tracker/sharing.py" line="53"/>
        <source>{database} does not exist yet: a new, empty database will be created there.</source>
        <translation>{database} 还不存在：将在该处新建一个空数据库。</translation>
    </message>
    <message>
        <location filename="../../tracker/sharing.py" line="68"/>
        <source>Connected to {database}, but it holds other tables ({count}) and none of this application&apos;s: choose another database.</source>
        <translation>已连接到 {database}，但其中是其他程序的数据表（{count} 个），不是本程序的数据库：请另选一个数据库。</translation>
    </message>
    <message>
        <location filename="../../tracker/sharing.py" line="76"/>
        <source>Connected to {database}: it is empty and will be set up when opened.</source>
        <translation>已连接到 {database}：这是一个空数据库，打开时将自动建立所需的表。</translation>
    </message>
    <message>
        <location filename="../../tracker/sharing.py" line="86"/>
        <source>Connected to {database}: a database of this application (schema {schema}).</source>
        <translation>已连接到 {database}：这是本程序的数据库（结构版本 {schema}）。</translation>
    </message>
    <message>
        <location filename="../../importers/policy/conversion.py" line="145"/>
        <source>is a {suffix} file, which needs Word, WPS or LibreOffice to be read, and none was found on this computer. Open it and save it as a Word document (.docx), then import that file.</source>
        <translation>是 {suffix} 文件，需要 Word、WPS 或 LibreOffice 才能读取，但本机没有找到其中任何一个。请打开该文件，另存为 Word 文档（.docx），再导入另存的文件。</translation>
    </message>
    <message>
        <location filename="../../importers/policy/conversion.py" line="168"/>
        <source>could not be converted to .docx ({reason}). Open it and save it as a Word document (.docx), then import that file.</source>
        <translation>无法转换为 .docx（{reason}）。请打开该文件，另存为 Word 文档（.docx），再导入另存的文件。</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/bulletins.py" line="95"/>
        <source>no bulletin No. {number} of {year} was issued</source>
        <translation>{year}年未印发第{number}期通报</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/report_commands.py" line="52"/>
        <source>cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/report_commands.py" line="76"/>
        <source>only a chaser is for several units: name one unit</source>
        <translation>只有催办单可以同时发给多个单位：请只指定一个单位</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/report_commands.py" line="80"/>
        <source>--not-reported and --overdue choose units to chase</source>
        <translation>--not-reported 和 --overdue 用于选择催办的单位</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/report_commands.py" line="128"/>
        <source>only a bulletin has achievements to pick (--kind bulletin)</source>
        <translation>只有通报有可勾选的主要成效（--kind bulletin）</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/report_commands.py" line="149"/>
        <source>--pick {value}: choose numbers from 1 to {count} (as --list-achievements lists them)</source>
        <translation>--pick {value}：请选择 1 至 {count} 之间的序号（见 --list-achievements 列出的清单）</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/report_commands.py" line="169"/>
        <source>chasers for several units go into a folder: give --out FOLDER (--format pdf or docx)</source>
        <translation>多个单位的催办单保存到一个文件夹：请用 --out 指定文件夹（--format pdf 或 docx）</translation>
    </message>
    <message>
        <location filename="../../tracker/database_settings.py" line="59"/>
        <source>Office name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../tracker/database_settings.py" line="65"/>
        <source>Due soon (临期) means within</source>
        <translation>临期是指距完成时限不超过</translation>
    </message>
    <message>
        <location filename="../../tracker/database_settings.py" line="71"/>
        <source>Keep automatic backups</source>
        <translation>自动备份保留</translation>
    </message>
    <message>
        <location filename="../../tracker/database_settings.py" line="78"/>
        <source>and the last of each day for</source>
        <translation>，以及每天最后一份，共保留</translation>
    </message>
    <message>
        <location filename="../../tracker/database_settings.py" line="85"/>
        <source>the bulletin&apos;s name in its masthead</source>
        <translation>通报版头上的名称</translation>
    </message>
    <message>
        <location filename="../../tracker/database_settings.py" line="91"/>
        <source>主送: to whom bulletins go</source>
        <translation>主送：通报发给谁</translation>
    </message>
    <message>
        <location filename="../../tracker/database_settings.py" line="97"/>
        <source>the office&apos;s contact person printed on chasers</source>
        <translation>印在催办单上的办公室联系人</translation>
    </message>
    <message>
        <location filename="../../tracker/database_settings.py" line="103"/>
        <source>the contact&apos;s phone number printed on chasers</source>
        <translation>印在催办单上的联系电话</translation>
    </message>
    <message>
        <location filename="../../tracker/database_settings.py" line="109"/>
        <source>the number of the last chaser sent in a year</source>
        <translation>当年最后一份催办单的编号</translation>
    </message>
    <message>
        <location filename="../../tracker/database_settings.py" line="117"/>
        <source>A reason must be given to tick off (销号) an assignment</source>
        <translation>销号时必须填写理由</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27"/>
        <location filename="../../ui/window/main_window.py" line="76"/>
        <source>Measure Tracker</source>
        <translation>督办台账</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_rules.py" line="59"/>
        <source>{status} is only for a measure without a fixed deadline; this one is due {deadline}</source>
        <translation>{status}仅适用于没有固定完成时限的措施；本措施的完成时限为{deadline}</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_rules.py" line="83"/>
        <source>the status {status} does not agree with {percent}%</source>
        <translation>完成状态“{status}”与完成进度{percent}%不符</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/inspection_commands.py" line="92"/>
        <location filename="../../tracker/inspections/inspection_service.py" line="240"/>
        <source>closing a finding needs its evidence (what shows it rectified)</source>
        <translation>整改销号须注明佐证材料（证明已整改到位的依据）</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/inspection_service.py" line="63"/>
        <source>an inspection needs a name, e.g. {example}</source>
        <translation>督查须有名称，如{example}</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/inspection_service.py" line="69"/>
        <source>an inspection named {name!r} already exists</source>
        <translation>已有名为“{name}”的督查</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/inspection_service.py" line="102"/>
        <source>no inspection named {name!r}</source>
        <translation>没有名为“{name}”的督查</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/inspection_service.py" line="226"/>
        <source>finding {id} is closed; reopen it before changing its progress</source>
        <translation>督查问题 {id} 已销号；请先撤销销号再修改整改进展</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/inspection_service.py" line="249"/>
        <source>finding {id} is already closed</source>
        <translation>督查问题 {id} 已销号</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/inspection_service.py" line="265"/>
        <source>finding {id} is not closed</source>
        <translation>督查问题 {id} 尚未销号</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/inspection_service.py" line="319"/>
        <source>another user saved this finding first; reload</source>
        <translation>其他用户已先保存了该督查问题；请刷新</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/inspection_service.py" line="377"/>
        <source>no finding {id}</source>
        <translation>没有编号为 {id} 的督查问题</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/inspection_service.py" line="384"/>
        <source>finding {id} was changed by {user} meanwhile; reload and try again</source>
        <translation>督查问题 {id} 已被{user}修改；请刷新后重试</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/finding_rules.py" line="31"/>
        <source>a finding cannot be set to {status}; allowed: {allowed} (the office closes it with its evidence)</source>
        <translation>督查问题不能设为{status}；可选：{allowed}（由督办办公室凭佐证材料销号）</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/finding_rules.py" line="59"/>
        <source>a finding needs {field}</source>
        <translation>督查问题须填写{field}</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/finding_rules.py" line="67"/>
        <source>the deadline {deadline} is before the inspection {inspection} ({held_on})</source>
        <translation>整改时限 {deadline} 早于督查“{inspection}”（{held_on}）</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/finding_rules.py" line="87"/>
        <source>a finding is rectified by one unit, and {unit} is a collective with no member units yet: record it for the unit that must rectify it</source>
        <translation>督查问题须由具体单位整改，{unit}是尚无成员单位的集体：请登记到负责整改的单位</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/finding_rules.py" line="96"/>
        <source>a finding is rectified by one unit, and {unit} is a group: record it for each member that must rectify it ({members})</source>
        <translation>督查问题须由具体单位整改，{unit}由其成员分别承担：请分别登记到需整改的成员单位（{members}）</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/finding_import.py" line="100"/>
        <source>{file} has {count} errors; nothing was imported (first: {first})</source>
        <translation>{file} 有 {count} 处错误，未导入任何内容（第一处：{first}）</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/finding_import.py" line="104"/>
        <source>{file} has {count} error; nothing was imported (first: {first})</source>
        <translation>{file} 有 {count} 处错误，未导入任何内容（第一处：{first}）</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/finding_import.py" line="194"/>
        <source>no inspection named: add a 督查名称 column, or choose the inspection</source>
        <translation>未写明督查：请增加“督查名称”列，或选定督查</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/finding_import.py" line="197"/>
        <source>the inspection {inspection} is not recorded yet: give its 督查日期</source>
        <translation>督查“{inspection}”尚未登记：请填写其督查日期</translation>
    </message>
    <message>
        <location filename="../../tracker/inspections/finding_import.py" line="200"/>
        <source>this problem of {unit} is recorded for {inspection} already</source>
        <translation>{unit}的这一问题已登记在督查“{inspection}”中</translation>
    </message>
    <message>
        <location filename="../../importers/findings/finding_list.py" line="47"/>
        <source>{header} is empty</source>
        <translation>{header}为空</translation>
    </message>
    <message>
        <location filename="../../importers/findings/finding_list.py" line="48"/>
        <source>{header} {value!r} is not a date (e.g. 2021-09-30)</source>
        <translation>{header}“{value}”不是日期（如 2021-09-30）</translation>
    </message>
    <message>
        <location filename="../../importers/findings/finding_list.py" line="125"/>
        <source>no sheet has the columns of a problem list ({columns}) in its first rows</source>
        <translation>没有工作表在前几行中含有问题清单的列（{columns}）</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_export.py" line="30"/>
        <source>scores are exported to an .xlsx file, not {file}</source>
        <translation>考核得分只能导出为 .xlsx 文件，不能导出为 {file}</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_export.py" line="37"/>
        <source>cannot write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_rules.py" line="177"/>
        <source>{what}: {text!r} is not a number of points (e.g. 2, -2.5)</source>
        <translation>{what}：{text!r} 不是分值（例如 2、-2.5）</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_rules.py" line="193"/>
        <source>{setting!r}: write EVENT=POINTS or EVENT=POINTS:CAP</source>
        <translation>{setting!r}：请写成 事项=分值 或 事项=分值:上限</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_rules.py" line="200"/>
        <source>unknown scoring event {event!r}; known: {known}</source>
        <translation>未知的考核事项 {event!r}；可用：{known}</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_service.py" line="107"/>
        <source>a remark is a commendation or a criticism</source>
        <translation>只能记录通报表扬或通报批评</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_service.py" line="111"/>
        <source>say what the {kind} is for (a note)</source>
        <translation>请填写{kind}的事由</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_service.py" line="152"/>
        <source>no remark {id}</source>
        <translation>没有编号为 {id} 的表扬或批评记录</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_service.py" line="177"/>
        <source>the scores of {round} are already published (version {version}); a change is a recalculation with its reason</source>
        <translation>{round}的考核得分已发布（第{version}版）；如需调整，请说明原因重新计分</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_service.py" line="191"/>
        <location filename="../../tracker/cli/score_commands.py" line="67"/>
        <source>a recalculation needs its reason</source>
        <translation>重新计分须说明原因</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_service.py" line="198"/>
        <location filename="../../tracker/reports/report_service.py" line="172"/>
        <source>the scores of {round} are not published yet: publish them</source>
        <translation>{round}的考核得分尚未发布：请先发布</translation>
    </message>
    <message>
        <location filename="../../tracker/assessment/score_service.py" line="207"/>
        <source>recalculating {round} gives the published scores (version {version}) again: nothing to publish</source>
        <translation>{round}重新计分的结果与已发布的第{version}版相同：无需发布</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/score_commands.py" line="95"/>
        <source>{unit!r} has no score in {round}</source>
        <translation>{unit!r} 在{round}没有考核得分</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/score_commands.py" line="137"/>
        <source>say --commend or --criticise</source>
        <translation>请指定 --commend（表扬）或 --criticise（批评）</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/chasers.py" line="135"/>
        <source>say whom to chase: --unit U, --not-reported or --overdue</source>
        <translation>请指明催办哪些单位：--unit 单位、--not-reported 或 --overdue</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/chasers.py" line="186"/>
        <source>no chaser for {units}: a collective with no member units yet has nobody to send it to; add its members in the units directory first</source>
        <translation>未生成{units}的催办单：集体尚无成员单位，无从发送，请先在单位管理中添加成员</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/chasers.py" line="195"/>
        <source>no chaser needed: none of these units has anything overdue or due soon, or a ledger missing</source>
        <translation>无需催办：这些单位既没有逾期或临期任务，也没有未报送的台账</translation>
    </message>
    <message>
        <location filename="../../tracker/reports/chasers.py" line="262"/>
        <source>the chaser was printed as {printed}, but another clerk took that number meanwhile: it is recorded as {recorded}; correct the paper or print again</source>
        <translation>催办单打印的编号为{printed}，但该编号已被其他人员同时使用：本催办单登记为{recorded}；请更正纸面编号或重新打印</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/group_commands.py" line="39"/>
        <source>name the measure (--measure CODE)</source>
        <translation>请指明措施（--measure 编号）</translation>
    </message>
    <message>
        <location filename="../../importers/units/unit_list.py" line="43"/>
        <source>not a spreadsheet or CSV file</source>
        <translation>不是电子表格或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../importers/units/unit_list.py" line="48"/>
        <source>no unit names found in the first columns</source>
        <translation>前几列中没有找到单位名称</translation>
    </message>
    <message>
        <location filename="../../importers/units/unit_list.py" line="58"/>
        <location filename="../../importers/units/unit_list.py" line="83"/>
        <source>cannot be read: {error}</source>
        <translation>无法读取：{error}</translation>
    </message>
    <message>
        <location filename="../../importers/units/unit_list.py" line="67"/>
        <source>the text is neither UTF-8 nor GB18030</source>
        <translation>文本既不是 UTF-8 也不是 GB18030 编码</translation>
    </message>
    <message>
        <location filename="../../importers/units/unit_list.py" line="89"/>
        <source>the file is damaged or not a spreadsheet</source>
        <translation>文件已损坏或不是电子表格</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/task_edits.py" line="78"/>
        <source>task {code} cannot be split there: both parts need some text</source>
        <translation>任务 {code} 不能从此处拆分：拆分后的两部分都须有文字</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/task_edits.py" line="105"/>
        <source>task {code} has no next task to merge with</source>
        <translation>任务 {code} 之后没有可合并的任务</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/task_edits.py" line="165"/>
        <source>type the unit&apos;s name</source>
        <translation>请输入单位名称</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/task_edits.py" line="168"/>
        <source>task {code} already names {unit}</source>
        <translation>任务 {code} 已有单位 {unit}</translation>
    </message>
    <message>
        <location filename="../../tracker/documents/task_edits.py" line="235"/>
        <source>task {code} does not name {unit}</source>
        <translation>任务 {code} 中没有单位 {unit}</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/finding_returns.py" line="171"/>
        <source>finding {id} ({problem}) was changed after the import; undo that change first</source>
        <translation>问题 {id}（{problem}）在导入后又被修改，请先撤销该修改</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/finding_returns.py" line="203"/>
        <source>this row cannot be tied to a finding (its hidden columns were removed); not read</source>
        <translation>此行无法对应到督查问题（隐藏列已被删除），未读取</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/finding_returns.py" line="207"/>
        <source>no finding {key} in the database; not read</source>
        <translation>数据库中没有问题 {key}，未读取</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/finding_returns.py" line="208"/>
        <source>finding {key} is not one of {unit}&apos;s findings</source>
        <translation>问题 {key} 不是{unit}的问题</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/finding_returns.py" line="209"/>
        <source>整改状态 {status} is not for a unit to set; the office closes a finding (整改销号)</source>
        <translation>整改状态“{status}”不能由单位填写；整改销号由督办部门办理</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/finding_returns.py" line="213"/>
        <source>the office closed this finding since; not changed</source>
        <translation>督办部门已对该问题整改销号，未修改</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_requests.py" line="87"/>
        <source>due {deadline} and not done: {column} is empty</source>
        <translation>已于{deadline}到期且未完成：{column}未填写</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_requests.py" line="120"/>
        <source>the extension asked for ({requested}) is not after the deadline {deadline}</source>
        <translation>申请延期至（{requested}）不晚于现完成时限 {deadline}</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_requests.py" line="134"/>
        <source>an extension to {requested} is asked without a {column}</source>
        <translation>申请延期至 {requested}，但未填写{column}</translation>
    </message>
    <message>
        <location filename="../../tracker/cli/extension_commands.py" line="71"/>
        <source>a request needs the unit (--unit) and the new date (--until)</source>
        <translation>登记申请需要责任单位（--unit）和申请延期至的日期（--until）</translation>
    </message>
    <message>
        <location filename="../../tracker/ledgers/ledger_returns.py" line="74"/>
        <source>{column}: takes back the value this unit sent in its earlier return ({earlier} → {sent}, as exported)</source>
        <translation>{column}：将撤回本单位前次报送的值（{earlier} → {sent}，即导出时的值）</translation>
    </message>
</context>
</TS>
