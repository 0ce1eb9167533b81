/* Suggest knowledge-base articles while the customer types into the contact form.
 * Progressive enhancement: without this script the form is unchanged.
 * Results are inserted with textContent only, never as HTML. */
(function () {
  "use strict";
  var box = document.querySelector("[data-kb-suggest]");
  if (!box || !window.fetch) { return; }
  var form = box.closest("form") || document.querySelector("form.helpdesk-form");
  if (!form) { return; }
  var subject = form.querySelector("[name=subject]");
  var message = form.querySelector("[name=message]");
  var list = box.querySelector("ul");
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]");
  var timer = null, lastQuery = "", shown = {}, opened = false, submitted = false;

  function send(kind, article) {
    var data = new FormData();
    data.append("kind", kind);
    data.append("page", box.dataset.page);
    if (article) { data.append("article", article); }
    if (csrf) { data.append("csrfmiddlewaretoken", csrf.value); }
    if (navigator.sendBeacon && kind === "left_without_submitting") {
      navigator.sendBeacon(box.dataset.deflectionUrl, data);
      return;
    }
    fetch(box.dataset.deflectionUrl, { method: "POST", body: data, credentials: "same-origin", keepalive: true })
      .catch(function () {});
  }

  function render(results) {
    list.textContent = "";
    results.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = hit.title;
      link.dataset.article = hit.id;
      item.appendChild(link);
      if (hit.summary) {
        var summary = document.createElement("p");
        summary.textContent = hit.summary;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
    box.hidden = results.length === 0;
    var key = results.map(function (hit) { return hit.id; }).join(",");
    if (key && !shown[key]) { shown[key] = true; send("suggestions_shown"); }
  }

  function lookup() {
    var q = (subject ? subject.value : "").trim();
    var text = (message ? message.value : "").trim().slice(0, 500);
    var query = q + "\n" + text;
    if (query === lastQuery) { return; }
    lastQuery = query;
    if ((q + text).length < 4) { render([]); return; }
    var url = box.dataset.url + "?limit=3&lang=" + encodeURIComponent(box.dataset.lang || "") +
      "&q=" + encodeURIComponent(q || text.slice(0, 200)) + (q && text ? "&text=" + encodeURIComponent(text) : "");
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { render(data.results || []); })
      .catch(function () {});
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(lookup, 350);
  }

  [subject, message].forEach(function (field) { if (field) { field.addEventListener("input", schedule); } });
  list.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-article]");
    if (link) { opened = link.dataset.article; send("article_opened", link.dataset.article); }
  });
  form.addEventListener("submit", function () { submitted = true; });
  window.addEventListener("pagehide", function () {
    if (opened && !submitted) { send("left_without_submitting", opened); }
  });
})();
