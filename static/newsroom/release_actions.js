// Release page: "Copy link" and "Copy text" beside the media kit. Added here because they need
// a script; without one the page still offers the media kit (whose text file is the same text).
(function () {
  "use strict";
  var bar = document.querySelector(".release-actions");
  var source = document.getElementById("release-plain-text");
  if (!bar || !navigator.clipboard) return;
  var status = document.createElement("span");
  status.className = "copied";
  status.setAttribute("role", "status");

  function button(label, text) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button button-ghost";
    element.textContent = label;
    element.addEventListener("click", function () {
      navigator.clipboard.writeText(text()).then(
        function () { status.textContent = bar.dataset.copied; },
        function () { status.textContent = bar.dataset.copyFailed; }
      );
    });
    bar.appendChild(element);
  }

  button(bar.dataset.copyLink, function () {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href : location.href;
  });
  if (source) {
    button(bar.dataset.copyText, function () { return source.textContent.trim() + "\n"; });
  }
  bar.appendChild(status);
})();
