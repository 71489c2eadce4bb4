// The embargo clock: next to a time given in Paris time and UTC, the same moment in the
// reader's own time zone, when that says something else. Progressive enhancement: without
// this script the page already gives Paris time and UTC.
(function () {
  "use strict";
  var clocks = document.querySelectorAll("time[data-clock]");
  if (!clocks.length || !window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var language = document.documentElement.lang || undefined;
  var options = {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  };
  function shown(moment, zone) {
    var format = Object.assign({ timeZone: zone }, options);
    return new Intl.DateTimeFormat(language, format).format(moment);
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) {
    return;
  }
  Array.prototype.forEach.call(clocks, function (clock) {
    if (clock.hasAttribute("data-clock-shown")) {
      return; // already given (the script loaded twice)
    }
    clock.setAttribute("data-clock-shown", "");
    var moment = new Date(clock.getAttribute("datetime"));
    if (isNaN(moment.getTime())) {
      return;
    }
    var local = shown(moment, zone);
    // Same wall-clock time as Paris or UTC (Berlin, London in winter): nothing to add.
    if (local === shown(moment, "Europe/Paris") || local === shown(moment, "UTC")) {
      return;
    }
    var zoneName = new Intl.DateTimeFormat(language, {
      timeZone: zone,
      timeZoneName: "long",
    })
      .formatToParts(moment)
      .filter(function (part) {
        return part.type === "timeZoneName";
      })
      .map(function (part) {
        return part.value;
      })
      .join("");
    var note = document.createElement("span");
    note.className = "clock-local";
    note.textContent =
      " — " +
      local +
      ", " +
      (clock.getAttribute("data-your-time") || "") +
      (zoneName ? " (" + zoneName + ")" : "");
    clock.insertAdjacentElement("afterend", note);
  });
})();
