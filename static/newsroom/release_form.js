/* The release form, as progressive enhancement (the form works without it):
   - one language switch for every translated field, main fields and inline rows alike, that
     opens on the release's original language (or on the language of a field in error);
   - each rich-text editor checks spelling in its field's language;
   - a warning before leaving the page with unsaved changes. */
"use strict";

(function () {
  const jQuery = window.django && window.django.jQuery;
  if (!jQuery) {
    return;
  }

  /* Rich-text editors: the field's language and spell-checking on the editable area, named by
     the field's label. */
  function markEditor(wrapper) {
    const textarea = wrapper.querySelector("textarea");
    if (!textarea) {
      return;
    }
    if (textarea.lang) {
      wrapper.lang = textarea.lang;
    }
    wrapper.spellcheck = true;
    const label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    const editable = wrapper.querySelector("[contenteditable]");
    if (label && editable) {
      label.id = label.id || textarea.id + "-label";
      editable.setAttribute("aria-labelledby", label.id);
      editable.setAttribute("aria-multiline", "true");
    }
  }

  /* Autocomplete menus (select2): their combobox and search box get the field's name. */
  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const container = select.nextElementSibling;
      const label = select.id && document.querySelector('label[for="' + select.id + '"]');
      const name =
        (label && label.textContent.replace(/\s*:\s*$/, "").trim()) ||
        select.getAttribute("aria-label");
      if (!name || !container || !container.classList.contains("select2")) {
        return;
      }
      container
        .querySelectorAll(".select2-selection, .select2-search__field, [role=textbox]")
        .forEach((element) => element.setAttribute("aria-label", name));
    });
  }
  document.addEventListener("prose-editor:ready", function (event) {
    const wrapper = event.target.closest(".prose-editor");
    if (wrapper) {
      markEditor(wrapper);
    }
  });

  /* Unsaved changes: any input or change in the form, whether from the user or from a widget
     (select2 and the editors report theirs through jQuery), except the language switch. */
  function warnBeforeLeaving(form) {
    let changed = false;
    let submitting = false;
    jQuery(form).on("input change", function (event) {
      if (!event.target.closest(".language-switch")) {
        changed = true;
      }
    });
    form.addEventListener("submit", function () {
      submitting = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (changed && !submitting) {
        event.preventDefault();
        event.returnValue = ""; // older browsers need it to ask
      }
    });
  }

  function languageName(code) {
    try {
      const name = new Intl.DisplayNames([code], { type: "language" }).of(code);
      return name.charAt(0).toUpperCase() + name.slice(1);
    } catch (error) {
      return code;
    }
  }

  // After modeltranslation's own ready handler (registered earlier), which builds the tabs.
  jQuery(function () {
    const form = document.getElementById("pressrelease_form");
    if (!form) {
      return;
    }
    warnBeforeLeaving(form);
    document.querySelectorAll(".prose-editor").forEach(markEditor);
    nameAutocompletes(form);
    // New inline rows: after admin's autocomplete.js has set up their menus.
    jQuery(document).on("formset:added", (event) => nameAutocompletes(event.target));

    const bar = form.querySelector(".language-switch");
    const select = document.getElementById("modeltranslation-main-switch");
    if (!bar || !select) {
      return;
    }
    const codes = Array.from(select.options, (option) => option.textContent.trim());
    const withErrors = new Set(
      Array.from(document.querySelectorAll(".ui-tab-has-errors a"), (link) =>
        link.textContent.trim(),
      ),
    );
    Array.from(select.options).forEach(function (option, index) {
      option.lang = codes[index];
      option.textContent = languageName(codes[index]);
      if (withErrors.has(codes[index])) {
        option.textContent += " (" + bar.dataset.errors + ")";
      }
    });
    bar.querySelector("label").htmlFor = select.id;
    bar.appendChild(select);
    bar.hidden = false;
    form.classList.add("one-language-switch");

    function show(code) {
      const index = codes.indexOf(code);
      if (index !== -1) {
        select.value = String(index);
        jQuery(select).trigger("change"); // modeltranslation switches every tab
      }
    }

    const original = document.getElementById("id_original_language");
    const start = (original && original.value) || bar.dataset.originalLanguage;
    const firstError = codes.find((code) => withErrors.has(code));
    show(withErrors.size && !withErrors.has(start) ? firstError : start);
    if (original) {
      original.addEventListener("change", function () {
        show(original.value);
      });
    }
  });
})();
