// The call page: each transcript turn's button plays the recording from that turn's moment.
// A file of its own, since the pages' Content-Security-Policy runs no inline script.
document.addEventListener("DOMContentLoaded", () => {
  const player = document.getElementById("recording");
  if (!player) return;
  for (const button of document.querySelectorAll("button.seek[data-seek]")) {
    button.addEventListener("click", () => {
      const at = Number(button.dataset.seek);
      if (!Number.isFinite(at)) return;
      player.currentTime = at;
      player.play().catch(() => {});  // a browser may refuse to start audio; the position is set
      player.focus();
    });
  }
});
