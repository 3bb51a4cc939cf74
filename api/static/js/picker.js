/* Village picker: completes by name or code from GET /villages?q=… (all of Shantou, national when
   loaded). Progressive: without JavaScript the typed text is sent as is and the server resolves it. */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  function where(p) {
    return [p.district && p.district.name, p.town && p.town.name].filter(Boolean).join("");
  }

  function label(p) {
    var w = where(p);
    return p.village.short_name + (w ? "（" + w + "）" : "");
  }

  function setup(box) {
    var input = box.querySelector("[data-picker-input]");
    var code = box.querySelector("[data-picker-code]");
    var list = box.querySelector("[data-picker-list]");
    var chosen = box.querySelector("[data-picker-chosen]");
    var navigate = box.getAttribute("data-navigate");
    var form = input.form;
    var timer = null;
    var seq = 0;
    var options = [];
    var active = -1;

    // with a hidden code field, the visible text is only a label: keep it out of the URL
    if (code && !input.hasAttribute("data-keep-name")) {
      input.removeAttribute("name");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(i) {
      var items = list.querySelectorAll("[role=option]");
      items.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (items[i]) {
        input.setAttribute("aria-activedescendant", items[i].id);
        items[i].scrollIntoView({ block: "nearest" });
      }
    }

    function choose(p) {
      close();
      if (navigate) {
        window.location.href = navigate + encodeURIComponent(p.village.code);
        return;
      }
      input.value = label(p);
      if (code) { code.value = p.village.code; }
      if (chosen) { chosen.textContent = "已选：" + label(p) + "（" + p.village.code + "）"; }
    }

    function render(rows, q) {
      list.textContent = "";
      options = rows;
      if (!rows.length) {
        var none = document.createElement("li");
        none.className = "opt-empty";
        none.textContent = "没有名称或代码含“" + q + "”的村（社区）";
        list.appendChild(none);
      }
      rows.forEach(function (p, i) {
        var li = document.createElement("li");
        li.id = (list.id || "opt") + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-code", p.village.code);
        var name = document.createElement("span");
        name.className = "opt-name";
        name.textContent = p.village.short_name;
        var w = document.createElement("span");
        w.className = "opt-where";
        w.textContent = " " + where(p) + " · " + p.village.code;
        li.appendChild(name);
        li.appendChild(w);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(p); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    function lookup() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      var mine = ++seq;
      fetch(root + "/villages?limit=12&q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (rows) { if (mine === seq) { render(Array.isArray(rows) ? rows : [], q); } })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      if (code) { code.value = /^\d{12}$/.test(input.value.trim()) ? input.value.trim() : ""; }
      if (chosen) { chosen.textContent = ""; }
      clearTimeout(timer);
      timer = setTimeout(lookup, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) {
        if (e.key === "ArrowDown") { lookup(); }
        return;
      }
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(active + 1, options.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && active >= 0 && options[active]) { e.preventDefault(); choose(options[active]); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 120); });
    if (form && code) {
      form.addEventListener("submit", function () {
        // a name typed but not picked is still sent: the server finds the village by name
        if (!code.value && input.value.trim()) { code.value = input.value.trim(); }
        if (!code.value) { code.disabled = true; }
      });
    }
  }

  document.querySelectorAll("[data-village-picker]").forEach(setup);
})();
