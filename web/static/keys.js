// Keyboard shortcuts, drafts, presence and the live queue; every page works without this file.
// Queue: j/k move, Enter/o open, "/" search. Ticket: r reply, n note, Ctrl+Enter sends, Esc leaves a text box.
// "?" shows the shortcuts. Single-key shortcuts fire only when no control has focus (or a queue row has),
// and not at all when switched off in the agent's settings (WCAG 2.1.4).
(function () {
  "use strict";
  var body = document.body;
  var csrf = body.dataset.csrf || "";
  var shortcuts = body.dataset.shortcuts === "1";
  var poll = Math.max(0, parseInt(body.dataset.poll || "0", 10)) * 1000;
  function typing(el) { return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable); }
  function idle(el) { return !el || el === body || el === document.documentElement || el.id === "main" || (el.closest && el.closest("tr.row")); }
  function api(method, url, data, extra) {
    var headers = { "X-CSRF-Token": csrf, "Accept": "application/json" };
    if (data !== undefined) headers["Content-Type"] = "application/json";
    Object.keys(extra || {}).forEach(function (k) { headers[k] = extra[k]; });
    return fetch(url, { method: method, headers: headers, credentials: "same-origin", keepalive: method !== "GET",
                        body: data === undefined ? undefined : JSON.stringify(data) });
  }

  var main = document.querySelector("main");
  if (main && !document.getElementById("main")) { main.id = "main"; main.tabIndex = -1; }
  var done = document.getElementById("status-message");
  if (done) done.focus();

  // --- queue rows ---------------------------------------------------------------------------------
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
  var sel = -1;
  function select(i) {
    if (!rows.length) return;
    if (sel >= 0 && rows[sel]) rows[sel].classList.remove("selected");
    sel = Math.max(0, Math.min(rows.length - 1, i));
    rows[sel].classList.add("selected");
    rows[sel].scrollIntoView({ block: "nearest" });
    var link = rows[sel].querySelector("a");
    if (link) link.focus({ preventScroll: true });
  }
  function bindRows() {
    rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
    rows.forEach(function (row) {
      row.addEventListener("click", function (e) { if (!e.target.closest("a")) location.href = row.dataset.href; });
    });
  }
  bindRows();

  // --- composer: tabs, canned replies, Ctrl+Enter, drafts -------------------------------------------
  function showTab(id) {
    document.querySelectorAll(".tab").forEach(function (t) {
      var on = t.dataset.tab === id;
      t.classList.toggle("active", on);
      t.setAttribute("aria-selected", on ? "true" : "false");
    });
    document.querySelectorAll(".tab-panel").forEach(function (p) { p.classList.toggle("hidden", p.id !== id); });
  }
  document.querySelectorAll(".tab").forEach(function (t) {
    t.addEventListener("click", function (e) { e.preventDefault(); showTab(t.dataset.tab); });
  });
  if (location.hash === "#note-box") showTab("note-box");
  var macro = document.getElementById("macro");
  if (macro) {
    macro.addEventListener("change", function () {
      var opt = macro.options[macro.selectedIndex];
      var target = document.getElementById(macro.dataset.target);
      if (opt && opt.dataset.body && target) {
        target.value = (target.value ? target.value + "\n\n" : "") + opt.dataset.body;
        target.dispatchEvent(new Event("input"));
        target.focus();
      }
    });
  }
  var layout = document.querySelector(".ticket-layout");
  var ticket = layout ? layout.dataset.ticket : null;
  var lastTyped = 0;
  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var box = form.querySelector("textarea");
    var timer = null;
    if (!box) return;
    box.addEventListener("input", function () {
      lastTyped = Date.now();
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (ticket) api("PUT", "/api/tickets/" + ticket + "/draft", { kind: form.dataset.draft, text: box.value });
      }, 1200);
    });
    box.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); clearTimeout(timer); form.requestSubmit(); }
    });
    form.addEventListener("submit", function () { clearTimeout(timer); });
  });

  // --- shortcuts and help ---------------------------------------------------------------------------
  var help = document.getElementById("help");
  function showHelp() { if (help && help.showModal && !help.open) help.showModal(); }
  var helpButton = document.getElementById("show-help");
  if (helpButton) helpButton.addEventListener("click", showHelp);
  document.addEventListener("keydown", function (e) {
    var active = document.activeElement;
    if (e.key === "Escape" && typing(active)) { active.blur(); return; }
    if (!shortcuts || typing(active) || e.ctrlKey || e.metaKey || e.altKey || (help && help.open)) return;
    if (e.key === "?") { showHelp(); e.preventDefault(); return; }
    if (!idle(active)) return;
    var focus = function (id, tab) { var el = document.getElementById(id); if (el) { if (tab) showTab(tab); el.focus(); e.preventDefault(); } };
    if (e.key === "/") focus("search");
    else if (e.key === "j") { select(sel + 1); e.preventDefault(); }
    else if (e.key === "k") { select(sel - 1); e.preventDefault(); }
    else if ((e.key === "Enter" || e.key === "o") && sel >= 0 && rows[sel]) location.href = rows[sel].dataset.href;
    else if (e.key === "r") focus("reply-text", "reply-box");
    else if (e.key === "n") focus("note-text", "note-box");
  });

  // --- presence on a ticket ---------------------------------------------------------------------------
  var presence = document.getElementById("presence");
  if (ticket && presence && poll) {
    var version = layout.dataset.version;
    var viewing = presence.dataset.viewing || "";
    var report = function (leaving) {
      return api("POST", "/api/tickets/" + ticket + "/presence", { typing: Date.now() - lastTyped < 8000, leaving: !!leaving });
    };
    var tick = function () {
      report(false).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
        if (!data) return;
        var words = data.others.map(function (o) {
          return o.name + " " + (o.typing ? (body.dataset.typingText || "is typing") : (body.dataset.viewingText || "is viewing"));
        });
        var text = words.join(" · ");
        if (presence.textContent !== text) presence.textContent = text;
        if (String(data.version) !== String(version)) document.getElementById("changed").classList.remove("hidden");
      }).catch(function () {});
    };
    tick();
    setInterval(tick, Math.min(poll, 10000));
    window.addEventListener("pagehide", function () { report(true); });
  }

  // --- the live queue and the notification counter (polling with ETags) -----------------------------
  var unread = document.getElementById("unread");
  var etag = null;
  var queueTable = document.getElementById("queue");
  // Every list of the sidebar (views, groups, channels, mailboxes, tags), not only the first: in place
  // when the same links are there (counts and the current mark change, keyboard focus stays), else the
  // whole sidebar, keeping its shortcut-help button (and the listener bound to it).
  function refreshSidebar(doc) {
    var fresh = doc.querySelector("nav.sidebar"), old = document.querySelector("nav.sidebar");
    if (!fresh || !old) return;
    var freshLinks = fresh.querySelectorAll("ul.views a"), oldLinks = old.querySelectorAll("ul.views a");
    var same = freshLinks.length === oldLinks.length;
    for (var i = 0; same && i < freshLinks.length; i++) {
      same = freshLinks[i].getAttribute("href") === oldLinks[i].getAttribute("href");
    }
    if (same) {
      for (var j = 0; j < freshLinks.length; j++) {
        var a = oldLinks[j], b = freshLinks[j];
        a.className = b.className;
        if (b.hasAttribute("aria-current")) a.setAttribute("aria-current", b.getAttribute("aria-current"));
        else a.removeAttribute("aria-current");
        var count = a.querySelector(".count"), freshCount = b.querySelector(".count");
        if (count && freshCount) count.textContent = freshCount.textContent;
      }
      return;
    }
    var hint = old.querySelector(".hint"), freshHint = fresh.querySelector(".hint");
    if (hint && freshHint) freshHint.replaceWith(hint);
    old.replaceWith(fresh);
  }
  function refreshQueue() {
    fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        refreshSidebar(doc);
        ["table.queue", ".empty", ".pager"].forEach(function (selector) {
          var fresh = doc.querySelector(selector), old = document.querySelector(selector);
          if (fresh && old) old.replaceWith(fresh);
          else if (fresh && !old && selector === "table.queue") { var e = document.querySelector(".empty"); if (e) e.replaceWith(fresh); }
        });
        var selected = sel;
        bindRows();
        if (selected >= 0 && rows.length) { sel = -1; select(Math.min(selected, rows.length - 1)); }
        var status = document.getElementById("live-status");
        if (status) status.textContent = body.dataset.updatedText || "Queue updated.";
      }).catch(function () {});
  }
  if (poll && unread) {
    setInterval(function () {
      if (document.hidden) return;
      var extra = etag ? { "If-None-Match": etag } : {};
      api("GET", "/api/live", undefined, extra).then(function (r) {
        if (r.status !== 200) return null;
        var fresh = r.headers.get("ETag");
        var changed = etag !== null && fresh !== etag;
        etag = fresh;
        return r.json().then(function (data) {
          unread.textContent = String(data.unread);
          unread.classList.toggle("hidden", !data.unread);
          if (changed && (queueTable || document.querySelector(".views"))) refreshQueue();
        });
      }).catch(function () {});
    }, poll);
  }
})();
