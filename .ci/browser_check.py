"""Opens a built site in headless Chromium and asserts what a reader sees (scripts on).

usage: browser_check.py SITE_DIR [--sample]
Checks: the index lists every report with figures matching data/<year>/reports.csv; a ranking page is in rank
order and sorts when its header is clicked; the search box finds an agency; no console errors
(a CSP violation or a script error shows up there).
"""
import csv, os, sys, time
import chromium
from selenium.webdriver.common.by import By

site = os.path.abspath(sys.argv[1])
problems = []

driver = chromium.driver("--window-size=1280,2000", browser_log=True)

def open_page(rel):
    driver.get("file://" + os.path.join(site, rel))
    time.sleep(0.2)
    for entry in driver.get_log("browser"):
        if entry["level"] in ("SEVERE",):
            problems.append(f"{rel}: console: {entry['message'][:200]}")

def table(caption):
    for t in driver.find_elements(By.TAG_NAME, "table"):
        caps = t.find_elements(By.TAG_NAME, "caption")
        if caps and caps[0].text.startswith(caption):
            return t
    return None

def rows(t):
    return [[c.text for c in r.find_elements(By.XPATH, "./th|./td")] for r in t.find_elements(By.CSS_SELECTOR, "tbody tr")]

def page_id(source):
    """The report page's id: FNV-1a 64 of the source path (Site's SitePaths.reportID)."""
    h = 0xcbf29ce484222325
    for b in source.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"

try:
    # 1. The index (or the year pages on a large site) lists every report with the figures of reports.csv.
    reports = []
    for year in sorted(os.listdir(os.path.join(site, "data"))):
        with open(os.path.join(site, "data", year, "reports.csv"), encoding="utf-8-sig") as f:
            reports += list(csv.DictReader(f))
    years = sorted({r["year"] for r in reports if r["year"]}, reverse=True)
    listed = {}
    for year in years:
        open_page(f"years/{year}.html")
        t = table(f"{year}年全部报告")
        if t is None: problems.append(f"years/{year}.html: no report table"); continue
        for tr in t.find_elements(By.CSS_SELECTOR, "tbody tr"):
            links = tr.find_elements(By.CSS_SELECTOR, "a[href*='reports/']")
            if not links: continue
            report = links[0].get_attribute("href").rsplit("/", 1)[-1].removesuffix(".html")
            listed[report] = [c.text for c in tr.find_elements(By.XPATH, "./th|./td")]
    for rep in reports:
        if not rep["year"] or not rep["agency"]: continue
        row = listed.get(page_id(rep["source"]))
        if row is None: problems.append(f"{rep['agency']} {rep['year']} ({rep['source']}) not listed"); continue
        received = rep["received"] or "—"
        if row[3] != received: problems.append(f"{rep['agency']}: received {row[3]} on the page, {received} in reports.csv")

    # 2. A ranking page: ranks in order, values descending, and a click on a header sorts.
    checked = False
    for year in years:
        open_page(f"rankings/{year}/received.html")
        for t in driver.find_elements(By.CSS_SELECTOR, "table.sortable"):
            body = rows(t)
            if len(body) < 3: continue
            ranks = [int(r[0]) for r in body]
            values = [int(r[3]) for r in body]
            if ranks != sorted(ranks) or values != sorted(values, reverse=True):
                problems.append(f"rankings/{year}/received.html: not in rank order: {ranks[:10]} {values[:10]}")
            header = t.find_elements(By.CSS_SELECTOR, "thead th")[3]
            header.click()
            after = [int(r[3]) for r in rows(t)]
            if after != sorted(values):
                problems.append(f"rankings/{year}/received.html: clicking the header did not sort ascending: {after[:10]}")
            checked = True
            break
        if checked: break
    if "--sample" in sys.argv and not checked:
        problems.append("no ranking with three or more organs to check")

    # 3. Search finds an agency and links to its page.
    agency = next((r["agency"] for r in reports if r["agency"]), None)
    if agency:
        open_page("index.html")
        box = driver.find_element(By.ID, "search-box")
        box.click()
        box.send_keys(agency[:6])
        time.sleep(0.5)
        links = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
        if not any(agency in a.text for a in links):
            problems.append(f"search for {agency[:6]!r} did not find {agency}: {[a.text for a in links][:5]}")
        elif links:
            links[0].click()
            time.sleep(0.3)
            if "reports/" not in driver.current_url and "regions/" not in driver.current_url:
                problems.append(f"search result led to {driver.current_url}")
finally:
    driver.quit()

for p in problems[:100]: print("browser-check:", p)
print(f"browser-check: {len(problems)} problems")
sys.exit(1 if problems else 0)
