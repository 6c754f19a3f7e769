// Keyboard shortcuts and two small conveniences; every page works without this file.
// Queue: j/k move, Enter/o open, "/" search. Ticket: r reply, n note, Esc leaves a text box.
(function () {
  "use strict";
  function typing(el) { return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT"); }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
  var sel = -1;
  function select(i) {
    if (!rows.length) return;
    if (sel >= 0) rows[sel].classList.remove("selected");
    sel = Math.max(0, Math.min(rows.length - 1, i));
    rows[sel].classList.add("selected");
    rows[sel].scrollIntoView({ block: "nearest" });
  }
  rows.forEach(function (row) {
    row.addEventListener("click", function (e) { if (e.target.tagName !== "A") location.href = row.dataset.href; });
  });
  function showTab(id) {
    document.querySelectorAll(".tab").forEach(function (t) { t.classList.toggle("active", t.dataset.tab === id); });
    document.querySelectorAll(".tab-panel").forEach(function (p) { p.classList.toggle("hidden", p.id !== id); });
  }
  document.querySelectorAll(".tab").forEach(function (t) {
    t.addEventListener("click", function (e) { e.preventDefault(); showTab(t.dataset.tab); });
  });
  var macro = document.getElementById("macro");
  if (macro) {
    macro.addEventListener("change", function () {
      var opt = macro.options[macro.selectedIndex];
      var target = document.getElementById(macro.dataset.target);
      if (opt && opt.dataset.body && target) {
        target.value = (target.value ? target.value + "\n\n" : "") + opt.dataset.body;
        target.focus();
      }
    });
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && typing(document.activeElement)) { document.activeElement.blur(); return; }
    if (typing(document.activeElement) || e.ctrlKey || e.metaKey || e.altKey) return;
    var focus = function (id, tab) { var el = document.getElementById(id); if (el) { if (tab) showTab(tab); el.focus(); e.preventDefault(); } };
    if (e.key === "/") focus("search");
    else if (e.key === "j") select(sel + 1);
    else if (e.key === "k") select(sel - 1);
    else if ((e.key === "Enter" || e.key === "o") && sel >= 0) location.href = rows[sel].dataset.href;
    else if (e.key === "r") focus("reply-text", "reply-box");
    else if (e.key === "n") focus("note-text", "note-box");
  });
})();
