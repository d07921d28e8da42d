// copylint review report: filters, keyboard navigation and the hover/focus card. Plain DOM
// code, no library, nothing fetched; the page reads fully without it (everything shown).
(function () {
  "use strict";
  var toolbar = document.getElementById("toolbar");
  var card = document.getElementById("card");
  if (!toolbar || !card) { return; }
  // Finding ids: a mark's first fragment has id "f12", its other fragments data-finding="f12",
  // its side list entry id "d-f12" (which holds its rule, severity and category).
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-finding], mark[tabindex], .side li"));
  var heads = Array.prototype.slice.call(document.querySelectorAll("mark[tabindex]"));
  var entries = {};
  function fidOf(el) { return el.dataset.finding || (el.tagName === "LI" ? el.id.slice(2) : el.id); }
  document.querySelectorAll(".side li").forEach(function (li) {
    var term = document.getElementById("rule-" + li.dataset.rule);
    entries[fidOf(li)] = { severity: li.dataset.severity, rule: li.dataset.rule, category: li.dataset.category || (term ? term.dataset.category : "") };
  });
  var visibleCount = document.getElementById("visible-count");
  var ruleSelect = document.getElementById("rule-filter");
  var current = -1;

  function checked(kind) {
    var on = {};
    toolbar.querySelectorAll('input[data-filter="' + kind + '"]').forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }

  function apply() {
    var severity = checked("severity"), category = checked("category"), rule = ruleSelect.value;
    var shown = {};
    function on(id) {
      var d = entries[id];
      return !d || (severity[d.severity] !== false && category[d.category] !== false && (!rule || rule === d.rule));
    }
    items.forEach(function (el) {  // a banner line stands for several findings: shown if any is
      var ids = fidOf(el).split(" ");
      if (ids.some(on)) { el.removeAttribute("data-off"); } else { el.setAttribute("data-off", ""); }
      ids.forEach(function (id) { if (on(id)) { shown[id] = true; } });
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
    var badge = document.createElement("span");
    badge.className = "sev";
    badge.dataset.severity = source.dataset.severity;
    badge.textContent = source.dataset.severity;
    var rule = document.createElement("code");
    rule.textContent = " " + source.dataset.rule;
    entry.append(badge, rule);
    ["p:not([class])", "p.sug"].forEach(function (selector) {
      var part = source.querySelector(selector);
      if (part) { entry.appendChild(part.cloneNode(true)); }
    });
    var term = document.getElementById("rule-" + source.dataset.rule);
    var dd = term && term.nextElementSibling;
    if (dd) {
      Array.prototype.forEach.call(dd.children, function (p) { entry.appendChild(p.cloneNode(true)); });
    }
    return entry;
  }

  function show(target) {
    var ids = [], el = target;
    while (el && el.tagName === "MARK") {  // every finding covering this point, innermost first
      if (!el.hasAttribute("data-off") && ids.indexOf(fidOf(el)) < 0) { ids.push(fidOf(el)); }
      el = el.parentElement;
    }
    if (!ids.length) { return; }
    card.replaceChildren.apply(card, ids.map(entryFor));
    card.hidden = false;
    anchor = target;
    place();
  }

  var anchor = null;  // the mark the card belongs to; the card follows it when the page scrolls
  function place() {
    if (!anchor || card.hidden) { return; }
    var box = anchor.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) { hide(); return; }
    var top = box.bottom + 6;
    if (top + card.offsetHeight > window.innerHeight) { top = Math.max(4, box.top - card.offsetHeight - 6); }
    card.style.top = top + "px";
    card.style.left = Math.max(4, Math.min(box.left, window.innerWidth - card.offsetWidth - 8)) + "px";
  }

  function hide() { card.hidden = true; anchor = null; }

  function markOf(el) { while (el && el.tagName !== "MARK") { el = el.parentElement; } return el; }

  function highlight(mark) {
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    var id = fidOf(mark);
    document.querySelectorAll('#' + id + ', mark[data-finding="' + id + '"]').forEach(function (el) { el.classList.add("current"); });
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
  window.addEventListener("scroll", place, { passive: true });
  toolbar.hidden = false;
  apply();
})();
