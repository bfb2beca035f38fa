// Optional enhancements; every page reads fully without scripts.
// Sortable tables, ranking filters, and a search box over agencies and regions.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  function cellValue(cell) {
    var text = (cell.textContent || "").trim();
    var n = parseFloat(text.replace(/[,%＋+]/g, "").replace("−", "-"));
    return isNaN(n) || !/^[−+\-]?\d/.test(text) ? text : n;
  }

  function sortTable(table, column, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = cellValue(a.cells[column]), y = cellValue(b.cells[column]);
      if (typeof x === "number" && typeof y === "number") return ascending ? x - y : y - x;
      if (typeof x === "number") return -1;
      if (typeof y === "number") return 1;
      return ascending ? String(x).localeCompare(String(y), "zh-CN") : String(y).localeCompare(String(x), "zh-CN");
    });
    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (r) { body.appendChild(r); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var head = table.tHead;
    if (!head || !head.rows.length) return;
    Array.prototype.forEach.call(head.rows[0].cells, function (th, i) {
      th.tabIndex = 0;
      th.title = "点击排序";
      th.addEventListener("click", function () { sortTable(table, i, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortTable(table, i, th); });
    });
  });

  // Ranking filters: sections carry data-level and data-kind.
  var filters = document.querySelector(".filters");
  if (filters) {
    filters.hidden = false;
    var apply = function () {
      var level = filters.querySelector("[name=level]").value, kind = filters.querySelector("[name=kind]").value;
      Array.prototype.forEach.call(document.querySelectorAll("section[data-level]"), function (s) {
        s.hidden = !((level === "" || s.getAttribute("data-level") === level) && (kind === "" || s.getAttribute("data-kind") === kind));
      });
    };
    Array.prototype.forEach.call(filters.querySelectorAll("select"), function (s) { s.addEventListener("change", apply); });
  }

  // Search: the index (assets/search-index.js) is loaded on first use, so pages stay light.
  var form = document.querySelector("form.search");
  if (!form) return;
  form.hidden = false;
  var box = document.getElementById("search-box"), list = document.getElementById("search-results");
  var loading = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  function ensureIndex(then) {
    if (window.GOVREPORT_SEARCH) return then();
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = root + "assets/search-index.js";
    s.onload = function () { then(); };
    document.head.appendChild(s);
  }
  function show() {
    var q = box.value.trim();
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!q || !window.GOVREPORT_SEARCH) return;
    var hits = 0;
    var entries = window.GOVREPORT_SEARCH;
    for (var i = 0; i < entries.length && hits < 30; i++) {
      var e = entries[i];
      if (e.n.indexOf(q) === -1 && (!e.r || e.r.indexOf(q) === -1)) continue;
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = root + e.p;
      a.textContent = e.n + (e.r ? "（" + e.r + "）" : "");
      li.appendChild(a);
      list.appendChild(li);
      hits++;
    }
    if (!hits) {
      var none = document.createElement("li");
      none.textContent = "没有找到“" + q + "”";
      list.appendChild(none);
    }
  }
  box.addEventListener("focus", function () { ensureIndex(show); });
  box.addEventListener("input", function () { ensureIndex(show); });
})();
