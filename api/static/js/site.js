/* Small helpers for every page: open a cited statute when its link is followed, copy an answer's
   link, print, filter long tables as you type, and keep empty fields out of shared URLs. */
(function () {
  "use strict";

  function openTarget(hash) {
    if (!hash || hash.length < 2) { return; }
    var el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el && el.tagName === "DETAILS") {
      el.open = true;
      el.scrollIntoView({ block: "start" });
    }
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-open-details]");
    if (a) { openTarget(a.getAttribute("href")); }
  });
  window.addEventListener("hashchange", function () { openTarget(window.location.hash); });
  openTarget(window.location.hash);

  document.querySelectorAll("[data-copy-link]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      var url = a.href;
      var done = function () { a.textContent = "链接已复制"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, function () { window.prompt("复制这个链接：", url); });
      } else {
        window.prompt("复制这个链接：", url);
      }
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });

  // empty optional fields stay out of the address, so a shared link reads cleanly
  document.querySelectorAll("form.ask-form, form.filter").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input[name], select[name]").forEach(function (f) {
        if (!f.value) { f.disabled = true; }
      });
    });
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form input:disabled, form select:disabled").forEach(function (f) { f.disabled = false; });
  });

  // live filtering of long tables; the form still filters on the server without JavaScript
  document.querySelectorAll("[data-list-filter]").forEach(function (form) {
    var text = form.querySelector("[data-filter-text]");
    var kind = form.querySelector("[data-filter-kind]");
    var counter = document.querySelector("[data-filter-count]");
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-item]"));
    function apply() {
      var needle = text ? text.value.trim().toLowerCase() : "";
      var k = kind ? kind.value : "";
      var shown = 0;
      rows.forEach(function (r) {
        var ok = (!needle || (r.getAttribute("data-search") || "").toLowerCase().indexOf(needle) >= 0) &&
          (!k || r.getAttribute("data-kind") === k);
        r.hidden = !ok;
        if (ok) { shown += 1; }
      });
      document.querySelectorAll("[data-group]").forEach(function (g) {
        g.hidden = !g.querySelector("[data-item]:not([hidden])");
      });
      document.querySelectorAll("section.list").forEach(function (s) {
        s.hidden = !s.querySelector("[data-item]:not([hidden])") && (needle || k) ? true : false;
        if (needle) { s.querySelectorAll("details.version").forEach(function (d) { d.open = true; }); }
      });
      if (counter) { counter.textContent = "共显示 " + shown + (counter.textContent.indexOf("部") >= 0 ? " 部" : " 项"); }
    }
    if (text) { text.addEventListener("input", apply); }
    if (kind) { kind.addEventListener("change", apply); }
  });
})();
