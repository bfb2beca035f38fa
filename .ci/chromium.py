"""Headless Chromium for the site checks: Debian's chromium and chromedriver, named explicitly so
selenium never tries to download a driver (the machine has no network)."""
import shutil
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def driver(*arguments, browser_log=False):
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu") + arguments:
        opts.add_argument(a)
    if browser_log:
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)
