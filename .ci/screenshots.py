"""Full-page screenshots of a built site at desktop and phone widths, for a person to look at.

usage: screenshots.py SITE_DIR OUT_DIR
Takes the home page, a county-level region page, a report (agency) page and a ranking page.
"""
import glob, os, sys, time
import chromium

site, out = os.path.abspath(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)

def first(pattern):
    found = sorted(glob.glob(os.path.join(site, pattern)))
    return os.path.relpath(found[0], site) if found else None

years = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(site, "years/*.html")))
year = years[-1] if years else "*"
# A county page (code not ending in 00), else any region page.
county = next((p for p in sorted(glob.glob(os.path.join(site, f"regions/{year}/*.html"))) if not p.endswith("00.html")), None)
pages = {
    "home": "index.html",
    "region": os.path.relpath(county, site) if county else first("regions/*/*.html"),
    "agency": first("reports/*.html"),
    "ranking": first(f"rankings/{year}/received.html") or first("rankings/*/*.html"),
}

driver = chromium.driver("--hide-scrollbars")
try:
    for width, label in ((1280, "desktop"), (390, "phone")):
        for name, rel in pages.items():
            if rel is None: continue
            driver.set_window_size(width, 1000)
            driver.get("file://" + os.path.join(site, rel))
            time.sleep(0.2)
            height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
            driver.set_window_size(width, min(height + 120, 16000))
            time.sleep(0.1)
            path = os.path.join(out, f"{name}-{label}.png")
            driver.save_screenshot(path)
            print(f"screenshot: {path} ({rel}, {width}px wide)")
finally:
    driver.quit()
