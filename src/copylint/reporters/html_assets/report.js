// copylint review report: filters, keyboard navigation and the hover/focus card. Plain DOM
// code, no library, nothing fetched; the page reads fully without it (everything shown).
(function () {
  "use strict";
  var toolbar = document.getElementById("toolbar");
  var card = document.getElementById("card");
  if (!toolbar || !card) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
  var heads = Array.prototype.slice.call(document.querySelectorAll("mark[tabindex]"));
  var visibleCount = document.getElementById("visible-count");
  var ruleSelect = document.getElementById("rule-filter");
  var current = -1;

  heads.forEach(function (mark) {  // the card replaces the native tooltip
    mark.setAttribute("data-title", mark.getAttribute("title") || "");
    mark.removeAttribute("title");
  });

  function checked(kind) {
    var on = {};
    toolbar.querySelectorAll('input[data-filter="' + kind + '"]').forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }

  function apply() {
    var severity = checked("severity"), category = checked("category"), rule = ruleSelect.value;
    var shown = {};
    items.forEach(function (el) {
      var d = el.dataset;
      var on = severity[d.severity] !== false && category[d.category] !== false && (!rule || rule === d.rule);
      if (on) { el.removeAttribute("data-off"); shown[d.finding] = true; } else { el.setAttribute("data-off", ""); }
    });
    heads.forEach(function (mark) { mark.tabIndex = mark.hasAttribute("data-off") ? -1 : 0; });
    visibleCount.textContent = String(Object.keys(shown).length);
  }

  function visibleHeads() { return heads.filter(function (m) { return !m.hasAttribute("data-off"); }); }

  function entryFor(id) {
    var source = document.getElementById("d-" + id);
    var entry = document.createElement("div");
    entry.className = "entry";
    if (!source) { return entry; }
    ["sev", "msg", "sug"].forEach(function (cls) {
      var part = source.querySelector("." + cls);
      if (part) { entry.appendChild(part.cloneNode(true)); }
    });
    var rule = document.getElementById("rule-" + source.dataset.rule);
    var dd = rule && rule.nextElementSibling;
    if (dd) {
      Array.prototype.forEach.call(dd.children, function (p) { entry.appendChild(p.cloneNode(true)); });
    }
    return entry;
  }

  function show(target) {
    var ids = [], el = target;
    while (el && el.tagName === "MARK") {  // every finding covering this point, innermost first
      if (!el.hasAttribute("data-off") && ids.indexOf(el.dataset.finding) < 0) { ids.push(el.dataset.finding); }
      el = el.parentElement;
    }
    if (!ids.length) { return; }
    card.replaceChildren.apply(card, ids.map(entryFor));
    var box = target.getBoundingClientRect();
    card.hidden = false;
    var top = box.bottom + 6;
    if (top + card.offsetHeight > window.innerHeight) { top = Math.max(4, box.top - card.offsetHeight - 6); }
    card.style.top = top + "px";
    card.style.left = Math.max(4, Math.min(box.left, window.innerWidth - card.offsetWidth - 8)) + "px";
  }

  function hide() { card.hidden = true; }

  function markOf(el) { while (el && el.tagName !== "MARK") { el = el.parentElement; } return el; }

  function highlight(mark) {
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    var id = mark.dataset.finding;
    document.querySelectorAll('mark[data-finding="' + id + '"]').forEach(function (el) { el.classList.add("current"); });
    var item = document.getElementById("d-" + id);
    if (item) { item.classList.add("current"); item.scrollIntoView({ block: "nearest" }); }
  }

  function step(by) {
    var list = visibleHeads();
    if (!list.length) { return; }
    var at = list.indexOf(document.activeElement);
    if (at < 0) { at = current; }
    current = at < 0 ? (by > 0 ? 0 : list.length - 1) : (at + by + list.length) % list.length;
    var mark = list[current];
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: "center" });
    highlight(mark);
    show(mark);
  }

  toolbar.addEventListener("change", function (event) {
    if (event.target.id === "show-markup") {
      document.body.classList.toggle("show-markup", event.target.checked);
    } else {
      apply();
    }
  });
  document.addEventListener("mouseover", function (event) {
    var mark = markOf(event.target);
    if (mark && !mark.hasAttribute("data-off")) { show(event.target.tagName === "MARK" ? event.target : mark); }
  });
  document.addEventListener("mouseout", function (event) {
    if (markOf(event.target) && !markOf(event.relatedTarget)) { hide(); }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.tagName === "MARK") { highlight(event.target); show(event.target); } else { hide(); }
  });
  document.addEventListener("keydown", function (event) {
    var tag = event.target.tagName;
    if (event.altKey || event.ctrlKey || event.metaKey || tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") { return; }
    if (event.key === "j" || event.key === "n") { step(1); event.preventDefault(); }
    else if (event.key === "k" || event.key === "p") { step(-1); event.preventDefault(); }
    else if (event.key === "Escape") { hide(); }
  });
  window.addEventListener("scroll", hide, { passive: true });
  toolbar.hidden = false;
  apply();
})();
