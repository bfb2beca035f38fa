"""Link, asset and safety checks over a built site (used by .ci/check-site and the tests' docs)."""
import html.parser, os, re, sys, urllib.parse

site, content = sys.argv[1], sys.argv[2]
problems = []

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.lang, self.csp, self.ids, self.inline_scripts = [], None, False, set(), 0
        self.in_script = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html": self.lang = a.get("lang")
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy": self.csp = "script-src 'self'" in a.get("content", "")
        if "id" in a: self.ids.add(a["id"])
        for key in ("href", "src"):
            if key in a and a[key] is not None: self.links.append(a[key])
        if tag == "script":
            self.in_script = "src" not in a
        for k, v in attrs:
            if k.startswith("on"): problems.append(f"{self.path}: event handler attribute {k}")
    def handle_data(self, data):
        if self.in_script and data.strip(): self.inline_scripts += 1
    def handle_endtag(self, tag):
        if tag == "script": self.in_script = False

pages = 0
for dirpath, _, files in os.walk(site):
    for name in files:
        if not name.endswith(".html"): continue
        path = os.path.join(dirpath, name)
        rel = os.path.relpath(path, site)
        p = Page(); p.path = rel
        p.feed(open(path, encoding="utf-8").read())
        pages += 1
        if p.lang != "zh-CN": problems.append(f"{rel}: lang is {p.lang!r}")
        if not p.csp: problems.append(f"{rel}: no Content-Security-Policy meta with script-src 'self'")
        if p.inline_scripts: problems.append(f"{rel}: inline script")
        for link in p.links:
            parsed = urllib.parse.urlsplit(link)
            if parsed.scheme or link.startswith("//"):
                if parsed.scheme in ("http", "https", "javascript", "data", "file") or link.startswith("//"):
                    problems.append(f"{rel}: link leaves the site: {link}")
                continue
            if link.startswith("/"): problems.append(f"{rel}: absolute link {link}"); continue
            target = urllib.parse.unquote(parsed.path)
            if not target: continue
            resolved = os.path.normpath(os.path.join(os.path.dirname(path), target))
            if not os.path.exists(resolved): problems.append(f"{rel}: broken link {link}")

inputs = []
for dirpath, dirs, files in os.walk(content):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    # A link to a folder is not followed, but it is listed (as unread) like any other entry.
    links = [d for d in dirs if os.path.islink(os.path.join(dirpath, d))]
    dirs[:] = [d for d in dirs if d not in links]
    for name in files + links:
        if name.startswith(".") or name.lower().endswith((".yml", ".yaml")): continue
        inputs.append(os.path.relpath(os.path.join(dirpath, name), content))
index = open(os.path.join(site, "index.html"), encoding="utf-8").read()
unread = open(os.path.join(site, "unread.html"), encoding="utf-8").read()
m = re.search(r"本站收录 <strong>(\d+)</strong> 个文件", index)
if not m or int(m.group(1)) != len(inputs):
    problems.append(f"index.html does not account for the {len(inputs)} input files")
reports = len([f for f in os.listdir(os.path.join(site, "reports")) if f.endswith(".html")]) if os.path.isdir(os.path.join(site, "reports")) else 0
unread_rows = unread.count("<tr>") - 1 if "<tbody>" in unread else 0
if reports + max(unread_rows, 0) != len(inputs):
    problems.append(f"{len(inputs)} inputs but {reports} report pages and {unread_rows} unread entries")
for name in ("sitemap.xml", "404.html", "assets/style.css", "assets/site.js"):
    if not os.path.exists(os.path.join(site, name)): problems.append(f"missing {name}")
# Downloads: data/<year>/reports.csv per year, data/<year>/<province>/reports.sqlite per partition.
data = os.path.join(site, "data")
years = sorted(os.listdir(data)) if os.path.isdir(data) else []
if reports and not years: problems.append("missing data/")
for year in years:
    if not os.path.exists(os.path.join(data, year, "reports.csv")): problems.append(f"missing data/{year}/reports.csv")
    parts = [p for p in os.listdir(os.path.join(data, year)) if os.path.isdir(os.path.join(data, year, p))]
    if not parts: problems.append(f"data/{year}/ has no province folder")
    for p in parts:
        if not os.path.exists(os.path.join(data, year, p, "reports.sqlite")): problems.append(f"missing data/{year}/{p}/reports.sqlite")

for p in problems[:200]: print("check-site:", p)
print(f"check-site: {pages} pages, {len(inputs)} inputs, {reports} report pages, {len(problems)} problems")
sys.exit(1 if problems else 0)
