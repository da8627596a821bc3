// Import progress without reloading: polls /import/jobs/ID.json, updates the bar, and loads
// the summary page when the import is done. Without JavaScript a <noscript> refresh does it.
"use strict";

(function () {
  const job = document.querySelector(".import-job[data-job]");
  if (!job || job.dataset.done === "yes") {
    return;
  }
  const bar = document.getElementById("job-progress");
  const text = job.querySelector(".progress-text");

  function poll() {
    fetch("/import/jobs/" + job.dataset.job + ".json")
      .then((response) => response.json())
      .then((state) => {
        if (state.done) {
          window.location.reload();
          return;
        }
        if (bar && state.files_total) {
          bar.max = state.files_total;
          bar.value = state.files_done;
        }
        if (text) {
          text.textContent = state.files_done + " of " + (state.files_total || "?");
        }
        setTimeout(poll, 700);
      })
      .catch(() => setTimeout(poll, 2000));
  }
  setTimeout(poll, 500);
})();
