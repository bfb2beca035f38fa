#!/usr/bin/env python3
"""Makes the web, Markdown and encoding fixtures of Tests/IngestTests/Fixtures/formats/ from the
seed reports (Tests/IngestTests/Fixtures/seeds/), the way publishers produce such files:

- Word "save as web page" (`*.word.html`): mso-style markup, `<p class=MsoNormal>` in every
  cell, `<span lang=EN-US>` around digits, `&nbsp;` in empty cells, `<o:p>`, `<![if …]>`
  conditionals, merged cells as colspan/rowspan, the source wrapped at ~76 columns inside Chinese
  text, written in GBK under `charset=gb2312` as Word does on a Chinese system.
- A portal article (`*.portal.html`): a gov.cn-style page with header, navigation, breadcrumbs,
  scripts, share bar and footer around the report in a content div, its tables typed into a CMS
  editor (rowspan/colspan, `<br>` inside cells), one of them an old layout-table site in GBK that
  declares no charset (the server sent it in a header the saved page lost).
- Markdown (`*.md`): GFM pipe tables, one per report table, each row as its cells in order (what
  converters that ignore spans write); one file with table 三 left as the raw HTML table pandoc
  writes for a table with merged cells.
- Plain text in other encodings: GBK (`iconv -t GBK`, CRLF as Windows editors save it) and
  UTF-16 with and without a byte-order mark.

Every fixture must read to the same record as its seed (the tests compare with expected/*.json).
Run from the repository root: python3 script/make-web-fixtures.py
"""

import html
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "Tests/IngestTests/Fixtures/seeds")
OUT = os.path.join(ROOT, "Tests/IngestTests/Fixtures/formats")

# ---------------------------------------------------------------------------------------------
# Reading a seed (a Word table saved as text: one cell per line opening with a TAB)


def is_number(text):
    return re.fullmatch(r"\s*[0-9]+(\.[0-9]+)?\s*", text) is not None


def read_seed(name):
    """The seed's blocks: ("p", text) and ("t", rows), as the project's CellPerLineReader reads them."""
    lines = open(os.path.join(SEEDS, name + ".txt"), encoding="utf-8").read().split("\n")
    blocks, rows, row = [], [], None

    def end_table():
        nonlocal rows
        if rows:
            blocks.append(("t", rows))
        rows = []

    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if line.startswith("\t"):
            if row is None:
                row = []
            row.append(line[1:])
        elif line.strip() == "":
            if row is not None:
                rows.append(row)
            row = None
        elif row is not None:
            row[-1] += "\n" + line
        elif rows and rows[-1][-1].strip() == "" and is_number(line) and (
                following is None or following.strip() == "" or following.startswith("\t")):
            rows[-1][-1] = line  # a value after a blank line belongs to the empty cell before it
        else:
            end_table()
            blocks.append(("p", line))
    if row is not None:
        rows.append(row)
    end_table()
    return blocks


def kind_of(rows):
    text = "".join("".join(r) for r in rows)
    if "第二十条" in text:
        return "二"
    if "勾稽" in text or "申请人情况" in text or "办理结果" in text or "予以公开" in text:
        return "三"
    if "行政复议" in text and "行政诉讼" in text:
        return "四"
    return None


def report(name):
    """Paragraphs and the three tables, in reading order: [("p", text) | ("table", kind, rows)].
    A table broken by a stray line (seed 000 has 三、本年度办理结果 between its rows) is one table."""
    items = []
    for block in read_seed(name):
        if block[0] == "p":
            items.append(block)
            continue
        kind = kind_of(block[1])
        previous = [i for i, item in enumerate(items) if item[0] == "table"]
        if previous and items[previous[-1]][1] == kind and kind == "三":
            between = items[previous[-1] + 1:]
            items = items[:previous[-1] + 1]
            rows = items[-1][2]
            for item in between:  # the group label that fell out of the table
                if item[1].strip() == "三、本年度办理结果" and block[1][0][0].startswith("（一）"):
                    block[1][0].insert(0, item[1].strip())
            items[-1] = ("table", kind, [r for r in rows if any(c.strip() for c in r)] + block[1])
        else:
            items.append(("table", kind, block[1]))
    return items


# ---------------------------------------------------------------------------------------------
# The tables as HTML cells with their real spans: [[(text, colspan, rowspan)]]


def spans_table2(rows):
    """Four columns; a short row's last cell spans the rest (第二十条… over all four, 本年处理决定数量 over three)."""
    out = []
    for row in rows:
        cells = [(text, 1, 1) for text in row]
        text, _, _ = cells[-1]
        cells[-1] = (text, 4 - len(row) + 1, 1)
        out.append(cells)
    return out


def request_rows(rows):
    """Table 三's data rows as (label parts, seven values); the Word-model rows have the group
    placeholders as leading empty cells and the values last."""
    data = []
    for row in rows[3:]:
        labels = [c.strip() for c in row[:-7] if c.strip()]
        data.append((labels, row[-7:]))
    return data


def spans_table3(rows):
    header = rows[:3]
    out = [
        [(header[0][0], 3, 3), (header[0][1], 7, 1)],
        [(header[1][1], 1, 2), (header[1][2], 5, 1), (header[1][3], 1, 2)],
        [(text, 1, 1) for text in header[2][2:7]],
    ]
    data = request_rows(rows)
    group_sizes = {"（三）": 8, "（四）": 3, "（五）": 5, "（六）": 3}
    for index, (labels, values) in enumerate(data):
        cells = []
        if labels[0].startswith(("一、", "二、", "四、")):
            cells.append((labels[0], 3, 1))
        else:
            if labels[0].startswith("三、"):
                results = sum(1 for l, _ in data[index:] if not l[0].startswith(("四、",)))
                cells.append((labels[0], 1, results))
                labels = labels[1:]
            if labels[0].startswith(("（一）", "（二）", "（七）")):
                cells.append((labels[0], 2, 1))
            elif len(labels) == 2:
                cells.append((labels[0], 1, group_sizes[labels[0][:3]]))
                cells.append((labels[1], 1, 1))
            else:
                cells.append((labels[0], 1, 1))
        cells += [(v, 1, 1) for v in values]
        out.append(cells)
    return out


def spans_table4(rows):
    first, second, third, data = rows
    if len(second) == 7:  # 结果维持 … 总计 under 行政复议, each two rows high
        out = [[(first[0], 5, 1), (first[1], 10, 1)],
               [(t, 1, 2) for t in second[:5]] + [(second[5], 5, 1), (second[6], 5, 1)],
               [(t, 1, 1) for t in third[5:]]]
    else:  # 行政复议 two rows high, every outcome on the third row
        out = [[(first[0], 5, 2), (first[1], 10, 1)],
               [(second[1], 5, 1), (second[2], 5, 1)],
               [(t, 1, 1) for t in third]]
    out.append([(v, 1, 1) for v in data])
    return out


def spans(kind, rows):
    return {"二": spans_table2, "三": spans_table3, "四": spans_table4}[kind](rows)


# ---------------------------------------------------------------------------------------------
# Word "save as web page"

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》、，。：；！？（）]")


def wrap(source, width=76):
    """Word's line wrapping of its HTML source: at a space inside a tag, or between two Chinese
    characters in text, once a line is past `width` columns."""
    out, column, in_tag = [], 0, False
    for i, ch in enumerate(source):
        if ch == "\n":
            out.append(ch)
            column = 0
            continue
        if ch == "<":
            in_tag = True
        if column >= width:
            if in_tag and ch == " ":
                out.append("\n")
                column = 0
                continue
            if not in_tag and i > 0 and CJK.match(source[i - 1]) and CJK.match(ch):
                out.append("\n")
                column = 0
        out.append(ch)
        column += 1
        if ch == ">":
            in_tag = False
    return "".join(out)


def word_runs(text, font="仿宋_GB2312"):
    """Text as Word writes it: Chinese in runs with its font, Latin and digits as lang=EN-US,
    leading blanks as mso-spacerun, the _GoBack bookmark as an anchor."""
    text = text.replace("[bookmark: _GoBack]", "\x00")
    lead = len(text) - len(text.lstrip(" \u3000"))
    out = []
    if lead:
        out.append("<span style='mso-spacerun:yes'>" + "&nbsp;" * (lead - 1) + " </span>")
    for run in re.findall(r"\x00|[A-Za-z0-9.%/:\-_ ]+|[^A-Za-z0-9.%/:\-_ \x00]+", text[lead:]):
        if run == "\x00":
            out.append("<a name=\"_GoBack\"></a>")
        elif re.search(r"[A-Za-z0-9]", run):
            out.append("<span lang=EN-US style='font-family:\"Times New Roman\"'>" + html.escape(run, quote=False) + "</span>")
        else:
            out.append("<span style='font-family:" + font + "'>" + html.escape(run, quote=False) + "</span>")
    return "".join(out)


def word_cell_paragraphs(text):
    lines = text.split("\n")
    out = []
    for line in lines:
        if line.strip():
            out.append("<p class=MsoNormal align=center style='text-align:center'>" + word_runs(line.strip(), "宋体")
                       + "<span lang=EN-US><o:p></o:p></span></p>")
        else:
            out.append("<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    return "\n  ".join(out)


def word_table(kind, rows):
    grid = spans(kind, rows)
    width = {"二": 4, "三": 10, "四": 15}[kind]
    column_width = 568 // width
    out = ["<div align=center>",
           "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=568 style='width:426.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"]
    for r, row in enumerate(grid):
        first = ";mso-yfti-firstrow:yes" if r == 0 else ""
        last = ";mso-yfti-lastrow:yes" if r == len(grid) - 1 else ""
        out.append(f" <tr style='mso-yfti-irow:{r}{first}{last}'>")
        for text, colspan, rowspan in row:
            attrs = f"width={column_width * colspan}"
            if colspan > 1:
                attrs += f" colspan={colspan}"
            if rowspan > 1:
                attrs += f" rowspan={rowspan}"
            out.append(f"  <td {attrs} valign=top style='width:{column_width * colspan * 0.75:.1f}pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>")
            out.append("  " + word_cell_paragraphs(text))
            out.append("  </td>")
        out.append(" </tr>")
    out.append(" <![if !supportMisalignedColumns]>")
    out.append(" <tr height=0>")
    out += [f"  <td width={column_width} style='border:none'></td>" for _ in range(width)]
    out.append(" </tr>")
    out.append(" <![endif]>")
    out.append("</table>")
    out.append("</div>")
    return "\n".join(out)


def word_paragraph(text, index):
    if not text.strip():
        return "<p class=MsoNormal><span lang=EN-US><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></span></p>"
    if index == 0 or re.match(r"^\s*[一二三四五六1-6][、.]", text):
        return ("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><b><span style='font-family:黑体'>"
                + word_runs(text, "黑体") + "<span lang=EN-US><o:p></o:p></span></span></b></p>")
    return ("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'>"
            + word_runs(text) + "<span lang=EN-US><o:p></o:p></span></p>")


def word_html(name, title):
    items = report(name)
    body = []
    first_paragraph = True
    for item in items:
        if item[0] == "p":
            if first_paragraph:
                body.append("<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>"
                            + word_runs(item[1], "方正小标宋简体") + "<span lang=EN-US><o:p></o:p></span></span></b></p>")
                body.append(word_paragraph("", 1))
                first_paragraph = False
            else:
                body.append(word_paragraph(item[1], 1))
        else:
            body.append(word_table(item[1], item[2]))
            body.append(word_paragraph("", 1))
    page = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="{name}.files/filelist.xml">
<title>{html.escape(title)}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Administrator</o:Author>
  <o:LastAuthor>USER</o:LastAuthor>
  <o:Revision>3</o:Revision>
  <o:Pages>6</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
  <w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-alt:SimSun;
	mso-font-charset:134;}}
 @font-face
	{{font-family:仿宋_GB2312;
	mso-font-charset:134;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:"Times New Roman",serif;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;
	layout-grid:15.6pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
<!--[if gte mso 10]>
<style>
 table.MsoNormalTable
	{{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;}}
</style>
<![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

{chr(10).join(body)}

</div>

</body>

</html>
"""
    return wrap(page)


# ---------------------------------------------------------------------------------------------
# Portal pages


def cms_cell(text, colspan, rowspan, tag="td"):
    attrs = ""
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    lines = [html.escape(l.strip()) for l in text.split("\n") if l.strip()]
    content = "<br/>".join(lines) if lines else "&nbsp;"
    return f'<{tag}{attrs} style="border:1px solid #000;text-align:center;">{content}</{tag}>'


def cms_table(kind, rows):
    grid = spans(kind, rows)
    out = ['<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;">', "<tbody>"]
    for row in grid:
        out.append("<tr>" + "".join(cms_cell(*cell) for cell in row) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def cms_paragraph(text):
    escaped = html.escape(text.strip()).replace("[bookmark: _GoBack]", "")
    if re.match(r"^[一二三四五六]、|^[1-6]、", text.strip()):
        return f'<p style="text-indent:2em;"><strong>{escaped}</strong></p>'
    return f'<p style="text-indent:2em;">{escaped}</p>'


def modern_portal(name, site, title, published, source):
    """An HTML5 portal article, UTF-8: the report in div.pages_content, chrome all around."""
    items = report(name)
    content = []
    for item in items:
        content.append(cms_paragraph(item[1]) if item[0] == "p" else cms_table(item[1], item[2]))
    content_html = "\n".join(content)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="SiteName" content="{site}">
<meta name="ArticleTitle" content="{html.escape(title)}">
<meta name="PubDate" content="{published} 09:30">
<title>{html.escape(title)}_{site}</title>
<link rel="stylesheet" href="/images/common.css">
<script src="/js/jquery-1.12.4.min.js"></script>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); hm.src = "/stat/hm.js"; document.body.appendChild(hm); }})();</script>
<style>.pages_content p {{ line-height: 2; }} .hide {{ display: none; }}</style>
</head>
<body>
<div class="wza-bar"><a href="javascript:void(0)" id="wza">无障碍</a> <a href="/m/">手机版</a></div>
<header class="header">
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="{site}">{site}</a></div>
  <div class="search"><form action="/search/"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form></div>
</header>
<nav class="nav">
  <ul>
    <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li><li><a href="/zjqj/">走进{site[:3]}</a></li>
  </ul>
</nav>
<div class="BreadcrumbNav">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年度报告</a></div>
<div class="main">
  <div class="xxgk-info">
    <table class="xxgk-table">
      <tr><th>索引号</th><td>11230804MB1234567X/2025-00012</td><th>主题分类</th><td>政务公开</td></tr>
      <tr><th>发布机构</th><td>{source}</td><th>成文日期</th><td>{published}</td></tr>
      <tr><th>发文字号</th><td></td><th>发布日期</th><td>{published}</td></tr>
    </table>
  </div>
  <div class="article">
    <h1 class="article-title">{html.escape(title)}</h1>
    <div class="pages-date">{published} 09:30 <span class="font">来源：{source}</span>
      <span class="pages_print">【<a href="javascript:window.print()">打印</a>】【字号：<a class="fontsize">大</a> <a class="fontsize">中</a> <a class="fontsize">小</a>】</span>
    </div>
    <div class="pages_content" id="UCAP-CONTENT">
{content_html}
    </div>
    <div class="share">分享到：<a class="bds_weixin">微信</a> <a class="bds_tsina">微博</a></div>
    <div class="prevnext"><p>上一篇：<a href="/zwgk/ndbg/1.html">2023年政府信息公开工作年度报告</a></p><p>下一篇：无</p></div>
    <div class="hide">浏览次数：<span id="count"></span></div>
  </div>
</div>
<footer class="footer">
  <p>主办：{site}办公室　承办：{site}政务服务和数据管理局</p>
  <p>网站标识码：2308040001　备案号：黑ICP备00000000号-1</p>
  <p>地址：{site}　联系电话：0454-0000000</p>
</footer>
<script src="/js/share.js"></script>
<script>$(function(){{ $("#count").load("/count?id=12345"); }});</script>
</body>
</html>
"""


def layout_portal(name, site, title, published, source):
    """An old table-layout portal: the page is a layout table, the report's tables nested in its
    content cell, `<font>` and `&nbsp;` everywhere; saved in GBK with no charset declared."""
    items = report(name)
    content = []
    for item in items:
        if item[0] == "p":
            text = html.escape(item[1].strip()).replace("[bookmark: _GoBack]", "")
            content.append(f'<p align="justify">&nbsp;&nbsp;&nbsp;&nbsp;<font face="仿宋_GB2312" size="4">{text}</font></p>')
        else:
            content.append(cms_table(item[1], item[2]).replace('style="border:1px solid #000;text-align:center;"', 'align="center"'))
    content_html = "\n".join(content)
    return f"""<html>
<head>
<title>{html.escape(title)}</title>
<link href="/css/style.css" rel="stylesheet" type="text/css">
<script language="javascript" src="/js/menu.js"></script>
<script language="javascript">
function doZoom(size) {{ document.getElementById('zoom').style.fontSize = size + 'px'; }}
</script>
</head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top">
  <tr><td class="banner"><img src="/images/banner.jpg" width="1000" height="150"></td></tr>
  <tr><td class="menu"><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/gzhd/">公众互动</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="220" valign="top" class="left_menu">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td class="lm_title">政府信息公开</td></tr>
        <tr><td><a href="/zwgk/zn/">政府信息公开指南</a></td></tr>
        <tr><td><a href="/zwgk/zd/">政府信息公开制度</a></td></tr>
        <tr><td><a href="/zwgk/ndbg/">政府信息公开年报</a></td></tr>
      </table>
    </td>
    <td width="780" valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td class="dqwz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政务公开</a> &gt;&gt; 政府信息公开年报</td></tr>
        <tr><td align="center" class="title"><font size="5"><b>{html.escape(title)}</b></font></td></tr>
        <tr><td align="center" class="time">发布时间：{published}&nbsp;&nbsp;&nbsp;信息来源：{source}&nbsp;&nbsp;&nbsp;<span class="fontsize">【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</span></td></tr>
        <tr><td id="zoom" class="content">
{content_html}
        </td></tr>
        <tr><td align="right" class="print"><a href="javascript:window.print()">【打印本页】</a>&nbsp;<a href="javascript:window.close()">【关闭窗口】</a></td></tr>
      </table>
    </td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="bottom">
  <tr><td align="center">版权所有：{site}　主办单位：{source}</td></tr>
  <tr><td align="center">技术支持：某某网络科技有限公司　吉ICP备00000000号</td></tr>
</table>
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------
# Markdown


def md_escape(text):
    return text.replace("|", "\\|")


def md_table(rows):
    width = max(len(r) for r in rows)
    lines = []
    for index, row in enumerate(rows):
        cells = [md_escape("<br>".join(l.strip() for l in cell.split("\n") if l.strip())) for cell in row]
        cells += [""] * (width - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return "\n".join(lines)


def md_paragraph(text):
    text = text.strip().replace("[bookmark: _GoBack]", "")
    if re.match(r"^[一二三四五六]、|^[1-6]、", text):
        return "## " + text
    return text


def markdown(name, html_table_for=()):
    items = report(name)
    out = []
    first = True
    for item in items:
        if item[0] == "p":
            out.append(("# " + " ".join(item[1].split())) if first else md_paragraph(item[1]))
            first = False
        elif item[1] in html_table_for:
            out.append(cms_table(item[1], item[2]))  # pandoc keeps a table with merged cells as HTML
        else:
            out.append(md_table(item[2]))
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    print("wrote", name, len(data), "bytes")


def main():
    os.makedirs(OUT, exist_ok=True)
    # (a) Word "save as web page", GBK under charset=gb2312
    write("004_26e628ebac378d18.word.htm",
          word_html("004_26e628ebac378d18", "瑶海区人民政府办公室2024年政府信息公开工作年度报告").encode("gbk", "xmlcharrefreplace"))
    write("002_d0051cf01b0f959b.word.html",
          word_html("002_d0051cf01b0f959b", "大榭街道2024年度政府信息公开工作报告").encode("gbk", "xmlcharrefreplace"))
    # (b) portal pages
    write("003_27ef94279877d414.portal.html",
          modern_portal("003_27ef94279877d414", "佳木斯市前进区人民政府", "2024年前进区人民政府政府信息公开工作年度报告",
                        "2025-01-20", "前进区人民政府办公室").encode("utf-8"))
    write("000_b705187fbbb0935d.portal.html",
          layout_portal("000_b705187fbbb0935d", "吉林市船营区人民政府", "船营区政数局2024年政府信息公开年度报告",
                        "2025-01-15", "船营区政数局").encode("gbk"))
    # (e) Markdown: pipe tables; and pandoc's raw HTML for a table with merged cells
    write("004_26e628ebac378d18.md", markdown("004_26e628ebac378d18").encode("utf-8"))
    write("002_d0051cf01b0f959b.md", markdown("002_d0051cf01b0f959b", html_table_for=("三",)).encode("utf-8"))
    # (c) GBK text, as `iconv -f UTF-8 -t GBK` makes it, with Windows line ends
    for name in ["002_d0051cf01b0f959b", "001_656a75cba6cb305a"]:
        text = open(os.path.join(SEEDS, name + ".txt"), encoding="utf-8").read().replace("\n", "\r\n")
        gbk = subprocess.run(["iconv", "-f", "UTF-8", "-t", "GBK"], input=text.encode("utf-8"), capture_output=True, check=True).stdout
        write(name + ".gbk.txt", gbk)
    # (d) UTF-16: Notepad's "Unicode" (LE with BOM), and without a BOM in both byte orders
    seed = lambda name: open(os.path.join(SEEDS, name + ".txt"), encoding="utf-8").read()
    write("003_27ef94279877d414.utf16le-bom.txt", b"\xff\xfe" + seed("003_27ef94279877d414").replace("\n", "\r\n").encode("utf-16-le"))
    write("004_26e628ebac378d18.utf16be.txt", seed("004_26e628ebac378d18").encode("utf-16-be"))
    write("001_656a75cba6cb305a.utf16le.txt", seed("001_656a75cba6cb305a").encode("utf-16-le"))


if __name__ == "__main__":
    main()
