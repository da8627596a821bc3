// Tag autocomplete for the filter sidebar: fills the shared <datalist> from
// /tags/autocomplete as the reader types. Without JavaScript the inputs still take tag names.
"use strict";

(function () {
  const list = document.getElementById("tag-suggestions");
  if (!list) {
    return;
  }
  let pending = null;

  function suggest(input) {
    const parts = input.value.split(",");
    const term = parts.pop().trim();
    const before = parts.map((part) => part.trim()).filter(Boolean);
    if (term.length < 2) {
      return;
    }
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    // the exclude box may suggest tags the reader blocked; the include box never does
    const purpose = input.dataset.autocomplete === "exclude" ? "&for=exclude" : "";
    const address = "/tags/autocomplete?term=" + encodeURIComponent(term) + purpose;
    fetch(address, { signal: pending.signal })
      .then((response) => (response.ok ? response.json() : []))
      .then((found) => {
        list.replaceChildren();
        for (const tag of found) {
          const option = document.createElement("option");
          option.value = before.concat([tag.name]).join(", ");
          if (tag.matched !== tag.name) {
            option.label = tag.name + " (written " + tag.matched + ")";
          }
          list.append(option);
        }
      })
      .catch(() => {});
  }

  for (const input of document.querySelectorAll("input[data-autocomplete]")) {
    input.addEventListener("input", () => suggest(input));
  }
})();
