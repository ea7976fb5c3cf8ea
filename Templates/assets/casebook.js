/* Casebook: progressive enhancement only (filters, copy-link buttons). Every page works without it. */
(function () {
  "use strict";
  var doc = document;
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function attr(el, name) { return el.getAttribute(name); }
  function make(tag, cls, text) {
    var el = doc.createElement(tag);
    if (tag === "button") el.type = "button";
    if (cls) el.className = cls;
    if (text) el.textContent = text;
    return el;
  }
  doc.documentElement.classList.add("js");

  var query = {};
  try { new URLSearchParams(location.search).forEach(function (v, k) { query[k] = v.split(","); }); } catch (e) {}

  each(doc.querySelectorAll("[data-filters]"), function (panel) {
    var scope = doc.getElementById(attr(panel, "data-filters"));
    if (!scope) return;
    var items = scope.querySelectorAll("[data-cases],[data-parties]");
    var links = panel.querySelectorAll("a[data-filter]");
    var status = panel.querySelector("[data-filter-status]");
    if (!items.length || !links.length) return;
    var noun = (attr(panel, "aria-label") || "").replace(/^Filter\s+/i, "") || "items";
    var buttons = [];

    each(links, function (link) {
      var group = attr(link, "data-filter"), value = attr(link, "data-value"), button = make("button", link.className);
      button.innerHTML = link.innerHTML;
      button.setAttribute("data-filter", group);
      button.setAttribute("data-value", value);
      button.setAttribute("aria-pressed", "" + ((query[group] || []).indexOf(value) > -1));
      button.addEventListener("click", function () {
        button.setAttribute("aria-pressed", "" + (attr(button, "aria-pressed") !== "true"));
        apply(true);
      });
      link.parentNode.replaceChild(button, link);
      buttons.push(button);
    });

    var text = make("span"), reset = make("button", "filter-reset", "Clear filters");
    reset.addEventListener("click", function () {
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
      apply(true);
      buttons[0].focus();
    });
    if (status) { status.textContent = ""; status.appendChild(text); }
    panel.appendChild(reset);
    var empty = make("p", "filter-empty", "No " + noun + " match these filters.");
    scope.parentNode.insertBefore(empty, scope.nextSibling);

    function apply(fromClick) {
      var active = {}, shown = 0;
      buttons.forEach(function (b) {
        var g = attr(b, "data-filter");
        if (attr(b, "aria-pressed") === "true") (active[g] = active[g] || []).push(attr(b, "data-value"));
      });
      var groups = Object.keys(active);
      each(items, function (item) {
        item.hidden = !groups.every(function (g) {
          var have = (attr(item, "data-" + g) || "").split(/\s+/);
          return active[g].some(function (v) { return have.indexOf(v) > -1; });
        });
        if (!item.hidden) shown++;
      });
      each(scope.querySelectorAll("section"), function (sec) {
        var inside = sec.querySelectorAll("[data-cases],[data-parties]");
        sec.hidden = inside.length > 0 && !Array.prototype.some.call(inside, function (i) { return !i.hidden; });
      });
      empty.hidden = shown > 0;
      reset.hidden = !groups.length;
      var n = items.length, total = n + " " + (n === 1 ? noun.replace(/s$/, "") : noun);
      text.textContent = (groups.length ? "Showing " + shown + " of " + total : "Showing " + (n > 1 ? "all " : "") + total) + ".";
      if (fromClick) {
        var params = new URLSearchParams(location.search);
        buttons.forEach(function (b) { params.delete(attr(b, "data-filter")); });
        groups.forEach(function (g) { params.set(g, active[g].join(",")); });
        var qs = params.toString().replace(/%2C/g, ",");
        try { history.replaceState(null, "", location.pathname + (qs ? "?" + qs : "") + location.hash); } catch (e) {}
      }
    }
    apply(false);
  });

  var live;
  function announce(message) {
    if (!live) {
      live = make("div", "visually-hidden");
      live.setAttribute("role", "status");
      doc.body.appendChild(live);
    }
    live.textContent = "";
    setTimeout(function () { live.textContent = message; }, 50);
  }

  function copy(url) {
    var api = navigator.clipboard && window.isSecureContext;
    return (api ? navigator.clipboard.writeText(url) : Promise.reject()).catch(function () { return new Promise(function (resolve, reject) {
      var area = make("textarea"), focused = doc.activeElement, ok = false;
      area.value = url;
      area.setAttribute("readonly", "");
      area.style.cssText = "position:fixed;top:0;opacity:0";
      doc.body.appendChild(area);
      area.select();
      try { ok = doc.execCommand("copy"); } catch (e) {}
      doc.body.removeChild(area);
      if (focused) focused.focus();
      if (ok) resolve(); else reject();
    }); });
  }

  each(doc.querySelectorAll("a[data-copy-link]"), function (link) {
    var button = make("button", "copy-link"), label = make("span", "", "Copy link");
    var hidden = link.querySelector(".visually-hidden"), timer;
    button.appendChild(label);
    if (hidden) button.appendChild(hidden.cloneNode(true));
    button.addEventListener("click", function () {
      copy(link.href).then(function () {
        label.textContent = "Copied";
        button.classList.add("is-copied");
        announce("Link copied to the clipboard.");
      }, function () {
        label.textContent = "Copy failed";
        announce("Could not copy the link.");
      });
      clearTimeout(timer);
      timer = setTimeout(function () { label.textContent = "Copy link"; button.classList.remove("is-copied"); }, 2500);
    });
    link.parentNode.insertBefore(button, link.nextSibling);
  });

  window.addEventListener("beforeprint", function () {
    each(doc.querySelectorAll("details"), function (d) { d.open = true; });
  });
})();
