// Reading enhancements; every one is optional, the pages read fine without JavaScript:
// - j / ArrowRight and k / ArrowLeft follow the next / previous chapter links;
// - where the reader is (chapter and fraction scrolled) is posted to /works/ID/position,
//   and a page the reader left part-way is scrolled back to that place.
"use strict";

(function () {
  const work = document.querySelector("article.work[data-work-id]");

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || typing(event.target)) {
      return;
    }
    const rel = { j: "next", ArrowRight: "next", k: "prev", ArrowLeft: "prev" }[event.key];
    const link = rel && document.querySelector('.chapter-nav a[rel="' + rel + '"]');
    if (link) {
      event.preventDefault();
      link.click();
    }
  });

  if (!work) {
    return;
  }

  function fraction() {
    const room = document.documentElement.scrollHeight - window.innerHeight;
    return room > 0 ? Math.min(1, Math.max(0, window.scrollY / room)) : 0;
  }

  const restore = parseFloat(work.dataset.restore || "");
  if (restore > 0) {
    const room = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo({ top: Math.round(restore * room), behavior: "instant" });
  }

  let last = -1;
  function save() {
    const now = Math.round(fraction() * 1000) / 1000;
    if (now === last) {
      return;
    }
    last = now;
    const body = new URLSearchParams({ chapter: work.dataset.chapter, fraction: String(now) });
    fetch("/works/" + work.dataset.workId + "/position", {
      method: "POST",
      body: body,
      keepalive: true,
      credentials: "same-origin",
    }).catch(() => {});
  }

  let timer = null;
  window.addEventListener("scroll", () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  }, { passive: true });
  window.addEventListener("pagehide", save);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      save();
    }
  });
})();
