// The queue: filters change the URL without a reload, so the "Board" and
// "Save view" links take the filters from the address bar when they are used.
(function () {
    "use strict";
    document.addEventListener("click", function (event) {
        var link = event.target.closest("[data-keep-filters]");
        if (link) {
            link.href = link.href.split("?")[0] + window.location.search;
        }
    });
})();
