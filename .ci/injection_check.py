"""Opens every page of a site built from hostile input in headless Chromium (scripts on) and
asserts that no script from the input ran and no input became active markup.

usage: injection_check.py SITE_DIR

The hostile corpus (publish sample --hostile) puts payloads in report text, file names, sidecars
and site.yml; each would set window.__pwned, add an element with id "pwned", change the title or
navigate away if it ran. On every page: the marker is absent, the title and URL are the page's
own, no element from a payload exists (handlers, iframes, base, refresh, javascript: links, inline
scripts), and the Content-Security-Policy meta tag forbids inline script and foreign hosts. A
control page first proves the check can fail: the same inline script does run without the
policy and does not with it.
"""
import os, re, sys, tempfile, time
import chromium

site = os.path.abspath(sys.argv[1])
problems = []

driver = chromium.driver("--window-size=1280,2000")

PROBE = r"""
return {
  pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
  title: document.title,
  url: location.href,
  marker: document.querySelectorAll('#pwned').length,
  handlers: Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
  active: document.querySelectorAll('iframe, object, embed, base, frame, meta[http-equiv="refresh" i], img[src="x"], svg[onload]').length,
  jsLinks: Array.from(document.querySelectorAll('[href], [src], [action], [formaction]')).filter(e =>
      /^\s*(javascript|data|vbscript):/i.test(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || e.getAttribute('formaction') || '')).length,
  inline: Array.from(document.querySelectorAll('script')).filter(s => !s.src || s.textContent.trim()).length,
  foreign: Array.from(document.querySelectorAll('[src], link[href]')).filter(e => /^(https?:)?\/\//i.test(e.getAttribute('src') || e.getAttribute('href'))).length,
  csp: Array.from(document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')).map(m => m.content),
};
"""

def directives(policy):
    d = {}
    for part in policy.split(";"):
        words = part.split()
        if words: d[words[0].lower()] = [w.lower() for w in words[1:]]
    return d

def csp_problems(policies):
    if len(policies) != 1: return [f"{len(policies)} CSP meta tags"]
    d, out = directives(policies[0]), []
    def src(name):  # a fetch directive falls back to default-src
        return d.get(name, d.get("default-src"))
    script = src("script-src") or []
    if script != ["'self'"]: out.append(f"script-src is {script}, not 'self' only")
    if src("object-src") != ["'none'"]: out.append("object-src is not 'none'")
    if d.get("default-src") not in (["'self'"], ["'none'"]): out.append(f"default-src is {d.get('default-src')}")
    for name in ("base-uri", "form-action"):
        if d.get(name) != ["'none'"]: out.append(f"{name} is not 'none'")
    for name, values in d.items():
        if any(v in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:") or v.startswith(("http", "//")) for v in values):
            out.append(f"{name} allows {values}")
    return out

def probe(url):
    driver.get(url)
    time.sleep(0.15)
    return driver.execute_script(PROBE)

try:
    # 0. The control: the site's own policy, on a page with an inline script.
    index = open(os.path.join(site, "index.html"), encoding="utf-8").read()
    meta = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>', index)
    if not meta:
        problems.append("index.html: no CSP meta tag")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            for name, head in (("with.html", meta.group(0)), ("without.html", "")):
                with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                    f.write(f"<!DOCTYPE html><html><head>{head}<title>c</title></head><body><script>window.__pwned='control'</script></body></html>")
            if probe("file://" + os.path.join(tmp, "without.html"))["pwned"] != "control":
                problems.append("control: the inline script did not run without a policy, so the check proves nothing")
            if probe("file://" + os.path.join(tmp, "with.html"))["pwned"] is not None:
                problems.append("control: the site's policy did not stop an inline script")

    # 1. Every page of the site.
    pages = 0
    for dirpath, dirs, files in os.walk(site):
        dirs[:] = [d for d in dirs if d != "sources"]  # plain-text copies of the inputs, never pages
        for name in sorted(files):
            if not name.endswith(".html"): continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, site)
            url = "file://" + path
            r = probe(url)
            pages += 1
            if r["pwned"] is not None: problems.append(f"{rel}: injected script ran (window.__pwned = {r['pwned']!r})")
            if "PWNED" in r["title"]: problems.append(f"{rel}: title changed to {r['title']!r}")
            if r["url"] != url: problems.append(f"{rel}: navigated to {r['url']}")
            for key in ("marker", "handlers", "active", "jsLinks", "inline", "foreign"):
                if r[key]: problems.append(f"{rel}: {r[key]} {key} element(s)")
            problems += [f"{rel}: CSP: {p}" for p in csp_problems(r["csp"])]
finally:
    driver.quit()

for p in problems[:100]: print("injection-check:", p)
print(f"injection-check: {pages if 'pages' in dir() else 0} pages opened in Chromium, {len(problems)} problems")
sys.exit(1 if problems else 0)
