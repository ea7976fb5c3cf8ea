// Casebook search: loads search-index.json and shows matching entries as the reader types. Every word typed
// must match (in a title, name, alias or text); titles and names weigh more. No framework, no network but the index.
(function () {
  "use strict";
  var form = document.querySelector("[data-search-index]");
  if (!form) return;
  var input = form.querySelector("input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var entries = null;

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function prepare(entry) {
    entry._title = fold(entry.title);
    entry._names = fold(entry.names.join(" "));
    entry._text = fold(entry.text);
    return entry;
  }

  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var word = words[i], points = 0;
      if (entry._title.indexOf(word) !== -1) points += 3;
      if (entry._names.indexOf(word) !== -1) points += 3;
      if (entry._text.indexOf(word) !== -1) points += 1;
      if (points === 0) return 0;
      total += points;
    }
    return total;
  }

  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = entries.map(function (e) { return { entry: e, score: score(e, words) }; })
      .filter(function (h) { return h.score > 0; })
      .sort(function (a, b) { return b.score - a.score; });
    status.textContent = hits.length === 0 ? "No results for “" + query + "”."
      : hits.length + (hits.length === 1 ? " result" : " results") + (hits.length > 50 ? ", showing the first 50." : ".");
    hits.slice(0, 50).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.entry.url;
      link.textContent = hit.entry.title;
      var meta = document.createElement("span");
      meta.className = "search-meta";
      meta.textContent = hit.entry.type + (hit.entry.date ? " · " + hit.entry.date : "");
      item.appendChild(meta);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); if (entries) show(input.value); });
  input.addEventListener("input", function () { if (entries) show(input.value); });
  status.textContent = "Loading the search index…";
  fetch(form.getAttribute("data-search-index"))
    .then(function (response) { return response.json(); })
    .then(function (data) {
      entries = data.entries.map(prepare);
      status.textContent = "";
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) { input.value = query; }
      show(input.value);
    })
    .catch(function () { status.textContent = "The search index could not be loaded."; });
})();
