#!/usr/bin/env python3
"""Makes the Word and PDF test fixtures in Tests/IngestTests/Fixtures/formats/.

Each fixture is a seed report (Tests/IngestTests/Fixtures/seeds/) as its publisher would have
produced it: the seed's own paragraphs around the national template's three tables, written as
Word writes them (merged cells as w:gridSpan and w:vMerge, text split into several runs mid-word,
proofing marks and bookmarks between runs, a content control, a date field, a line break inside
a header cell), with the seed's values from its hand-read record (Fixtures/expected/*.json;
a null there is a blank cell here). The PDFs are those .docx files printed by LibreOffice, as
publishers print Word files; one uses a small page so that table 三 runs over a page break.

It also writes the 2019 trial-format report (国办公开办函〔2019〕60号 tables) as Word's text
export (cell per line), as .docx and as a PDF of that .docx; its expected record, trial-2019.expected.json, is written
by hand, not by this script.

Regenerate (the output is committed; LibreOffice is needed only here, not by the product):
    pip install python-docx                      # 1.2.0 was used
    apt-get install libreoffice-writer-nogui     # soffice, for the PDFs
    python3 script/make-office-fixtures.py
Runs are split at positions from a fixed random seed, so the output is the same each time
(apart from timestamps inside the files).
"""

import copy
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "IngestTests", "Fixtures")
OUT = os.path.join(FIXTURES, "formats")

SEEDS_DOCX = ["000_b705187fbbb0935d", "002_d0051cf01b0f959b", "003_27ef94279877d414", "004_26e628ebac378d18"]
# (seed, page size in mm, table borders drawn, file): A5 forces table 三 of 000 across page breaks;
# 002's tables are printed without borders, as some publishers style them.
SEEDS_PDF = [("004_26e628ebac378d18", (210, 297), True, "seed-004.pdf"),
             ("000_b705187fbbb0935d", (148, 210), True, "seed-000.pdf"),
             ("002_d0051cf01b0f959b", (210, 297), False, "seed-002-borderless.pdf")]

rng = random.Random(20250131)


# ---------------------------------------------------------------- runs, as Word writes them

def add_runs(paragraph, text, split=True):
    """Adds `text` as several runs cut at arbitrary places (Word cuts runs at every edit, even
    mid-word), with a proofing mark or a bookmark now and then between them. `\n` is a w:br,
    `\t` a w:tab."""
    pieces = []
    if split and len(text) > 3:
        cuts = sorted(rng.sample(range(1, len(text)), min(len(text) - 1, rng.randint(1, 3))))
        last = 0
        for c in cuts + [len(text)]:
            pieces.append(text[last:c])
            last = c
    else:
        pieces = [text]
    for i, piece in enumerate(pieces):
        if i > 0 and rng.random() < 0.3:
            mark = OxmlElement("w:proofErr")
            mark.set(qn("w:type"), "gramStart" if rng.random() < 0.5 else "spellStart")
            paragraph._p.append(mark)
        for j, line in enumerate(piece.split("\n")):
            if j > 0:
                paragraph.add_run().add_break(WD_BREAK.LINE)
            if line:
                run = paragraph.add_run(line)  # python-docx writes \t as w:tab
                fonts = OxmlElement("w:rFonts")
                fonts.set(qn("w:hint"), "eastAsia")
                run._r.get_or_add_rPr().insert(0, fonts)


def bookmark(paragraph, name, ident):
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    paragraph._p.append(start)
    paragraph._p.append(end)


def in_content_control(paragraph, alias):
    """Wraps a body paragraph in a block-level content control (w:sdt), as templates do for the title."""
    p = paragraph._p
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    a = OxmlElement("w:alias")
    a.set(qn("w:val"), alias)
    pr.append(a)
    content = OxmlElement("w:sdtContent")
    sdt.append(pr)
    sdt.append(content)
    p.addprevious(sdt)
    content.append(p)


def date_field(paragraph, text):
    """`text` as the result of a DATE field (fldChar begin / instrText / separate / result / end)."""
    def fld(kind):
        r = OxmlElement("w:r")
        c = OxmlElement("w:fldChar")
        c.set(qn("w:fldCharType"), kind)
        r.append(c)
        paragraph._p.append(r)
    fld("begin")
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = ' DATE \\@ "yyyy年M月d日" '
    r.append(instr)
    paragraph._p.append(r)
    fld("separate")
    add_runs(paragraph, text)
    fld("end")


def cell_text(cell, text, center=True):
    p = cell.paragraphs[0]
    add_runs(p, text)
    if center:
        p.alignment = 1
    cell.vertical_alignment = 1  # Word's template centres its cells vertically


def merge(table, r1, c1, r2, c2):
    """python-docx writes a horizontal merge as one w:tc with w:gridSpan and a vertical one as
    w:vMerge restart/continue cells: the markup Word writes."""
    return table.cell(r1, c1).merge(table.cell(r2, c2))


BORDERS = True


def new_table(doc, rows, cols):
    t = doc.add_table(rows=rows, cols=cols)
    if BORDERS:
        t.style = "Table Grid"
    return t


# ---------------------------------------------------------------- the national tables

def fmt(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def table2_2021(doc, active):
    t = new_table(doc, 14, 4)
    blocks = [
        (0, "第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
         [("规章", [active["rules"][k] for k in ("issued", "repealed", "in_force")]),
          ("行政规范性文件", [active["normative_documents"][k] for k in ("issued", "repealed", "in_force")])]),
        (4, "第二十条第（五）项", ["本年处理决定数量"], [("行政许可", [active["licensing"]])]),
        (7, "第二十条第（六）项", ["本年处理决定数量"],
         [("行政处罚", [active["punishment"]]), ("行政强制", [active["coercion"]])]),
        (11, "第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", [active["fees_10k_yuan"]])]),
    ]
    fill_table2(t, blocks)


def fill_table2(t, blocks):
    for start, title, header, rows in blocks:
        cell_text(merge(t, start, 0, start, 3), title)
        cell_text(t.cell(start + 1, 0), "信息内容")
        if len(header) == 1:
            cell_text(merge(t, start + 1, 1, start + 1, 3), header[0])
        else:
            for i, h in enumerate(header):
                cell_text(t.cell(start + 1, 1 + i), h)
            if len(header) == 2:
                merge(t, start + 1, 2, start + 1, 3)
        for k, (label, values) in enumerate(rows):
            r = start + 2 + k
            cell_text(t.cell(r, 0), label)
            if len(values) == 1:
                cell_text(merge(t, r, 1, r, 3), fmt(values[0]))
            else:
                for i, v in enumerate(values):
                    cell_text(t.cell(r, 1 + i), fmt(v))
                if len(values) == 2:
                    merge(t, r, 2, r, 3)


DENIED = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
          "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
UNABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOT_PROCESSED = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                 "5.要求行政机关确认或重新出具已获取信息"]
OTHER = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
         "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]


def table3(doc, q, trial=False):
    """Table 三: three label columns (merged) and seven applicant columns."""
    groups = [("（三）不予公开", DENIED, [q["denied"][k] for k in ("state_secret", "prohibited_by_law", "three_safeties",
                                                            "third_party", "internal_affairs", "process_information",
                                                            "law_enforcement_file", "administrative_inquiry")]),
              ("（四）无法提供", UNABLE, [q["unable"][k] for k in ("not_held", "needs_creation", "unclear_after_correction")]),
              ("（五）不予处理", NOT_PROCESSED, [q["not_processed"][k] for k in ("complaint_petition", "duplicate",
                                                                         "publication", "excessive", "confirmation")])]
    if not trial:
        groups.append(("（六）其他处理", OTHER, [q["other"][k] for k in ("no_correction", "no_fee", "other")]))
    n = 3 + 2 + 2 + sum(len(g[1]) for g in groups) + (1 if trial else 0) + 1 + 1
    t = new_table(doc, n, 10)
    cell_text(merge(t, 0, 0, 2, 2), "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    cell_text(merge(t, 0, 3, 0, 9), "申请人情况")
    cell_text(merge(t, 1, 3, 2, 3), "自然人")
    cell_text(merge(t, 1, 4, 1, 8), "法人或其他组织")
    cell_text(merge(t, 1, 9, 2, 9), "总计")
    for i, h in enumerate(["商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他"]):
        cell_text(t.cell(2, 4 + i), h)

    def values(r, vs):
        for i, v in enumerate(vs):
            cell_text(t.cell(r, 3 + i), fmt(v))

    r = 3
    for label, key in [("一、本年新收政府信息公开申请数量", "new"), ("二、上年结转政府信息公开申请数量", "carried_over")]:
        cell_text(merge(t, r, 0, r, 2), label, center=False)
        values(r, q[key])
        r += 1
    results_start = r
    for label, key in [("（一）予以公开", "granted"), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted")]:
        cell_text(merge(t, r, 1, r, 2), label, center=False)
        values(r, q[key])
        r += 1
    for heading, labels, rows in groups:
        cell_text(merge(t, r, 1, r + len(labels) - 1, 1), heading)
        for label, vs in zip(labels, rows):
            cell_text(t.cell(r, 2), label, center=False)
            values(r, vs)
            r += 1
    if trial:
        cell_text(merge(t, r, 1, r, 2), "（六）其他处理", center=False)
        values(r, q["other"]["other"])
        r += 1
    cell_text(merge(t, r, 1, r, 2), "（七）总计", center=False)
    values(r, q["total"])
    cell_text(merge(t, results_start, 0, r, 0), "三、本年度办理结果")
    r += 1
    cell_text(merge(t, r, 0, r, 2), "四、结转下年度继续办理", center=False)
    values(r, q["carried_forward"])


def table4(doc, d):
    t = new_table(doc, 4, 15)
    cell_text(merge(t, 0, 0, 0, 4), "行政复议")
    cell_text(merge(t, 0, 5, 0, 14), "行政诉讼")
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    for i, h in enumerate(outcomes):
        cell_text(merge(t, 1, i, 2, i), h)
    cell_text(merge(t, 1, 5, 1, 9), "未经复议直接起诉")
    cell_text(merge(t, 1, 10, 1, 14), "复议后起诉")
    for i, h in enumerate(outcomes * 2):
        cell_text(t.cell(2, 5 + i), h)
    keys = ["upheld", "corrected", "other", "pending", "total"]
    cells = [d[g][k] for g in ("review", "lawsuit_direct", "lawsuit_after_review") for k in keys]
    for i, v in enumerate(cells):
        cell_text(t.cell(3, i), fmt(v))
    # Word wraps a row's cells in a content control when the template marks them: one here.
    tc = t.cell(3, 14)._tc
    sdt = OxmlElement("w:sdt")
    sdt.append(OxmlElement("w:sdtPr"))
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    tc.addprevious(sdt)
    content.append(tc)


# ---------------------------------------------------------------- seeds

TABLE_HEADINGS = [("二", "主动公开政府信息情况"), ("三", "收到和处理政府信息公开申请情况"), ("四", "行政复议、行政诉讼情况")]


def seed_paragraphs(name):
    """The paragraphs of a cell-per-line seed: lines outside table rows, without the export's
    debris (lone numbers left from cells and page footers, `[bookmark: …]` marks, a table label
    that slipped out of its table)."""
    lines = open(os.path.join(FIXTURES, "seeds", name + ".txt"), encoding="utf-8").read().split("\n")
    out, in_row = [], False
    for line in lines:
        if line.startswith("\t"):
            in_row = True
            continue
        if not line.strip():
            in_row = False
            continue
        if in_row:
            continue
        s = line.strip()
        if s.isdigit() or s == "三、本年度办理结果":
            continue
        out.append(line.rstrip())
    return out


def write_seed_docx(name, path, page=None, date_field_allowed=True):
    """The seed as a Word file. LibreOffice recomputes a DATE field when it prints, so a file
    meant for a PDF has its date line as plain text."""
    expected = json.load(open(os.path.join(FIXTURES, "expected", name + ".json"), encoding="utf-8"))
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")
    if page:
        sec = doc.sections[0]
        sec.page_width, sec.page_height = Mm(page[0]), Mm(page[1])
        sec.left_margin = sec.right_margin = Mm(15)
        sec.top_margin = sec.bottom_margin = Mm(15)
    # A page header and footer, as publishers set them: pdftotext repeats them on every page.
    header = doc.sections[0].header.paragraphs[0]
    header.text = "政府信息公开工作年度报告"
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = 1
    run = footer.add_run()
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            c = OxmlElement("w:fldChar")
            c.set(qn("w:fldCharType"), kind)
            run._r.append(c)
        elif instr == "1":
            t = OxmlElement("w:t")
            t.text = "1"
            run._r.append(t)
        else:
            i = OxmlElement("w:instrText")
            i.text = instr
            run._r.append(i)

    paragraphs = seed_paragraphs(name)
    pending = list(TABLE_HEADINGS)
    title_done = False
    date_done = False
    for index, text in enumerate(paragraphs):
        p = doc.add_paragraph()
        s = text.strip()
        if not title_done:
            # 004's title is spaced apart with a TAB in Word ("瑶海区人民政府办公室 ⇥ 2024年…").
            if "              " in text:
                left, right = [x for x in text.split("              ") if x.strip()][:2]
                add_runs(p, left.strip() + "\t" + right.strip())
            else:
                add_runs(p, s)
            p.alignment = 1
            if "报告" in s:
                title_done = True
                in_content_control(p, "标题")
            continue
        if s.startswith("[bookmark: _GoBack]"):
            s = s[len("[bookmark: _GoBack]"):]
            bookmark(p, "_GoBack", 0)
        if date_field_allowed and not date_done and s.endswith("日") and s.startswith("20") and len(s) <= 12:
            date_field(p, s)
            date_done = True
        else:
            add_runs(p, s)
        if pending and pending[0][1] in s and len(s) < 40:
            key = pending.pop(0)[0]
            if key == "二":
                table2_2021(doc, expected["active"])
            elif key == "三":
                table3(doc, expected["requests"])
            else:
                table4(doc, expected["reviews_and_lawsuits"])
    assert not pending, (name, pending)
    doc.save(path)


# ---------------------------------------------------------------- the 2019 trial format

TRIAL_TITLE = "瑶海区人民政府办公室2019年政府信息公开工作年度报告"
TRIAL_OPENING = [
    "本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号）和《国务院办公厅政府信息与政务公开办公室关于印发"
    "〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）要求编制。"
    "所列数据的统计期限自2019年1月1日起至2019年12月31日止。",
    "一、总体情况",
    "2019年，区政府办公室认真贯彻新修订的《中华人民共和国政府信息公开条例》，全年主动公开政府信息1362条。",
    "二、主动公开政府信息情况",
]
TRIAL_MIDDLE = ["三、收到和处理政府信息公开申请情况"]
TRIAL_AFTER3 = ["四、政府信息公开行政复议、行政诉讼情况"]
TRIAL_CLOSING = ["五、存在的主要问题及改进情况", "政策解读的形式还不够丰富。", "六、其他需要报告的事项",
                 "本年度未收取信息处理费。", "合肥市瑶海区人民政府办公室", "2020年1月20日"]

# Table 二 of the trial format, as its cells are written (a blank cell is "").
TRIAL_ACTIVE = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", ["0", "0", "0"]), ("规范性文件", ["6", "6", "41"])]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", ["132", "-4", "2,316"]), ("其他对外管理服务事项", ["27", "3", ""])]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", ["485", "12", "93"]), ("行政强制", ["16", "0", "2"])]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", ["5", "-1"])]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", ["18", "356.8万元"])]),
]
# Table 三: the 2021 rows without （六）'s parts; （六）其他处理 is one row.
TRIAL_REQUESTS = {
    "new": ["57", "3", "0", "0", "2", "1", "63"],
    "carried_over": ["2", "0", "0", "0", "0", "0", "2"],
    "granted": ["21", "1", "0", "0", "1", "0", "23"],
    "partially_granted": ["4", "0", "0", "0", "0", "0", "4"],
    "denied": {"state_secret": ["0"] * 7, "prohibited_by_law": ["1", "0", "0", "0", "0", "0", "1"],
               "three_safeties": ["0"] * 7, "third_party": ["2", "0", "0", "0", "0", "0", "2"],
               "internal_affairs": ["0"] * 7, "process_information": ["3", "0", "0", "0", "0", "0", "3"],
               "law_enforcement_file": ["0"] * 7, "administrative_inquiry": ["1", "0", "0", "0", "0", "0", "1"]},
    "unable": {"not_held": ["17", "1", "0", "0", "1", "1", "20"], "needs_creation": ["2", "0", "0", "0", "0", "0", "2"],
               "unclear_after_correction": ["1", "0", "0", "0", "0", "0", "1"]},
    "not_processed": {"complaint_petition": ["3", "0", "0", "0", "0", "0", "3"], "duplicate": ["1", "0", "0", "0", "0", "0", "1"],
                      "publication": ["0"] * 7, "excessive": ["0"] * 7, "confirmation": ["0"] * 7},
    "other": {"other": ["2", "1", "0", "0", "0", "0", "3"]},
    "total": ["58", "3", "0", "0", "2", "1", "64"],
    "carried_forward": ["1", "0", "0", "0", "0", "0", "1"],
}
TRIAL_DISPUTES = ["1", "0", "0", "0", "1", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]


def trial_cell_per_line(path):
    """Word's text export of the trial report: a cell per line opening with a TAB, a row ends with
    an empty line, a vertically merged cell is an empty cell, a horizontally merged one one cell."""
    lines = [TRIAL_TITLE, ""] + TRIAL_OPENING

    def row(cells):
        lines.extend("\t" + c for c in cells)
        lines.append("")

    for title, header, rows in TRIAL_ACTIVE:
        row([title])
        row(["信息内容"] + header)
        for label, values in rows:
            row([label] + values)
    lines.extend(TRIAL_MIDDLE)
    q = TRIAL_REQUESTS
    row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"])
    row(["", "自然人", "法人或其他组织", "总计"])
    row(["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
    row(["一、本年新收政府信息公开申请数量"] + q["new"])
    row(["二、上年结转政府信息公开申请数量"] + q["carried_over"])
    row(["三、本年度办理结果", "（一）予以公开"] + q["granted"])
    row(["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] + q["partially_granted"])
    for heading, labels, group in [("（三）不予公开", DENIED, "denied"), ("（四）无法提供", UNABLE, "unable"),
                                   ("（五）不予处理", NOT_PROCESSED, "not_processed")]:
        for i, (label, key) in enumerate(zip(labels, q[group])):
            row(["", heading if i == 0 else "", label] + q[group][key])
    row(["", "（六）其他处理"] + q["other"]["other"])
    row(["", "（七）总计"] + q["total"])
    row(["四、结转下年度继续办理"] + q["carried_forward"])
    lines.extend(TRIAL_AFTER3)
    row(["行政复议", "行政诉讼"])
    row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"])
    row(["", "", "", "", ""] + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)
    row(TRIAL_DISPUTES)
    lines.extend(TRIAL_CLOSING)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def trial_docx(path):
    doc = Document()
    add_runs(doc.add_paragraph(), TRIAL_TITLE)
    for s in TRIAL_OPENING:
        add_runs(doc.add_paragraph(), s)
    t = new_table(doc, sum(2 + len(rows) for _, _, rows in TRIAL_ACTIVE), 4)
    start, blocks = 0, []
    for title, header, rows in TRIAL_ACTIVE:
        blocks.append((start, title, header, rows))
        start += 2 + len(rows)
    fill_table2(t, blocks)
    for s in TRIAL_MIDDLE:
        add_runs(doc.add_paragraph(), s)
    q = copy.deepcopy(TRIAL_REQUESTS)
    table3(doc, q, trial=True)
    for s in TRIAL_AFTER3:
        add_runs(doc.add_paragraph(), s)
    keys = ["upheld", "corrected", "other", "pending", "total"]
    d = {g: dict(zip(keys, TRIAL_DISPUTES[5 * i:5 * i + 5]))
         for i, g in enumerate(("review", "lawsuit_direct", "lawsuit_after_review"))}
    table4(doc, d)
    for s in TRIAL_CLOSING:
        add_runs(doc.add_paragraph(), s)
    doc.save(path)


# ---------------------------------------------------------------- failure cases

def failure_fixtures():
    """Damaged and unreadable files, each made from a good one where it can be."""
    good = open(os.path.join(OUT, "seed-004.docx"), "rb").read()
    open(os.path.join(OUT, "broken-truncated.docx"), "wb").write(good[: len(good) * 2 // 3])
    # A .docx without word/document.xml: every other part kept.
    with zipfile.ZipFile(os.path.join(OUT, "seed-004.docx")) as src, \
            zipfile.ZipFile(os.path.join(OUT, "broken-no-document.docx"), "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item.filename))
    # A zip bomb's signature: document.xml declaring 3.9 GB uncompressed; and one whose declared
    # size lies (100 bytes) so that only counting what actually inflates catches it.
    open(os.path.join(OUT, "broken-declared-huge.docx"), "wb").write(declare_body_size(good, 4_000_000_000))
    open(os.path.join(OUT, "broken-lying-size.docx"), "wb").write(declare_body_size(good, 100))
    pdf = open(os.path.join(OUT, "seed-004.pdf"), "rb").read()
    open(os.path.join(OUT, "broken-truncated.pdf"), "wb").write(pdf[:1500])
    open(os.path.join(OUT, "scanned-no-text.pdf"), "wb").write(pdf_without_text())


def declare_body_size(docx, size):
    """The .docx with word/document.xml's uncompressed size rewritten in its local header and
    its central directory entry."""
    data = bytearray(docx)
    name = b"word/document.xml"
    patched = 0
    i = data.find(b"PK\x03\x04")
    while i != -1:
        n = int.from_bytes(data[i + 26:i + 28], "little")
        if data[i + 30:i + 30 + n] == name:
            data[i + 22:i + 26] = size.to_bytes(4, "little")
            patched += 1
        i = data.find(b"PK\x03\x04", i + 4)
    i = data.find(b"PK\x01\x02")
    while i != -1:
        n = int.from_bytes(data[i + 28:i + 30], "little")
        if data[i + 46:i + 46 + n] == name:
            data[i + 24:i + 28] = size.to_bytes(4, "little")
            patched += 1
        i = data.find(b"PK\x01\x02", i + 4)
    assert patched == 2
    return bytes(data)


def pdf_without_text():
    """A one-page PDF holding only drawn strokes (what a scan is to a text extractor: no text)."""
    stream = b"0.8 g 60 700 480 40 re f 0 G 2 w 60 600 m 540 600 l S"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def to_pdf(docx, pdf):
    soffice = shutil.which("soffice") or sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, docx], check=True, capture_output=True)
        shutil.move(os.path.join(tmp, os.path.basename(docx)[:-5] + ".pdf"), pdf)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in SEEDS_DOCX:
        write_seed_docx(name, os.path.join(OUT, f"seed-{name[:3]}.docx"))
    global BORDERS
    with tempfile.TemporaryDirectory() as tmp:
        for name, page, borders, pdf in SEEDS_PDF:
            docx = os.path.join(tmp, pdf[:-4] + ".docx")
            BORDERS = borders
            write_seed_docx(name, docx, page=page, date_field_allowed=False)
            BORDERS = True
            to_pdf(docx, os.path.join(OUT, pdf))
    trial_cell_per_line(os.path.join(OUT, "trial-2019.txt"))
    trial_docx(os.path.join(OUT, "trial-2019.docx"))
    to_pdf(os.path.join(OUT, "trial-2019.docx"), os.path.join(OUT, "trial-2019.pdf"))
    failure_fixtures()


if __name__ == "__main__":
    main()
