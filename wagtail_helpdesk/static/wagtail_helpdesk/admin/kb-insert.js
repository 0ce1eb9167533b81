/* Reply composer: search knowledge-base articles and insert "Title: URL" at the cursor. */
(function () {
  "use strict";
  document.querySelectorAll("[data-kb-insert]").forEach(function (box) {
    var input = box.querySelector("input[type=search]");
    var list = box.querySelector("ul");
    var timer = null;

    function insert(hit) {
      var target = document.getElementById(box.dataset.target);
      if (!target) { return; }
      var text = hit.title + ": " + (hit.full_url || hit.url);
      var start = target.selectionStart || target.value.length;
      var end = target.selectionEnd || start;
      var before = target.value.slice(0, start), after = target.value.slice(end);
      var sep = before && !/\s$/.test(before) ? "\n" : "";
      target.value = before + sep + text + after;
      target.focus();
      var caret = (before + sep + text).length;
      target.setSelectionRange(caret, caret);
      target.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function render(results) {
      list.textContent = "";
      if (!results.length) {
        var none = document.createElement("li");
        none.textContent = box.dataset.emptyLabel;
        list.appendChild(none);
        return;
      }
      results.forEach(function (hit) {
        var item = document.createElement("li");
        var title = document.createElement("a");
        title.href = hit.full_url || hit.url;
        title.target = "_blank";
        title.rel = "noopener";
        title.textContent = hit.title;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small button-secondary";
        button.textContent = box.dataset.insertLabel;
        button.addEventListener("click", function () { insert(hit); });
        item.appendChild(title);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(button);
        list.appendChild(item);
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2) { list.textContent = ""; return; }
        fetch(box.dataset.url + "?q=" + encodeURIComponent(q) + "&lang=" + encodeURIComponent(box.dataset.lang || ""),
              { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { render(data.results || []); })
          .catch(function () {});
      }, 300);
    });
    input.addEventListener("keydown", function (event) { if (event.key === "Enter") { event.preventDefault(); } });
  });
})();
