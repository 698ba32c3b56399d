/* The incident report: progressive enhancement only; without this script the form shows a fixed
 * number of empty "person involved" rows and works the same.
 * - spare empty rows are folded away; "Add another person" shows the next one, then copies the
 *   empty row kept in <template id="person-template"> (its "__prefix__" becomes the next index);
 * - one tap, one report: a second tap while the page is sending does not send it twice. */
(function () {
  "use strict";
  var form = document.getElementById("incident-form");
  if (!form) { return; }

  form.addEventListener("submit", function (event) {
    if (form.getAttribute("data-sending") === "1") { event.preventDefault(); return; }
    form.setAttribute("data-sending", "1");
  });
  window.addEventListener("pageshow", function () { form.removeAttribute("data-sending"); });

  var section = document.getElementById("people-rows");
  var list = document.getElementById("people-list");
  var template = document.getElementById("person-template");
  var button = document.getElementById("add-person");
  if (!section || !list || !template || !button) { return; }
  var total = form.querySelector("input[name='people-TOTAL_FORMS']");
  var max = parseInt(section.getAttribute("data-max"), 10) || 30;

  function spares() { return list.querySelectorAll(".person-row[data-spare]"); }

  function reveal(row) {
    row.hidden = false;
    row.removeAttribute("data-spare");
    var first = row.querySelector("select, input:not([type='hidden'])");
    if (first) { first.focus(); }
  }

  function refreshButton() {
    button.hidden = spares().length === 0 && parseInt(total.value, 10) >= max;
  }

  spares().forEach(function (row) { row.hidden = true; });
  refreshButton();

  button.addEventListener("click", function () {
    var next = spares()[0];
    if (!next) {
      var index = parseInt(total.value, 10);
      if (index >= max) { return; }
      var holder = document.createElement("div");
      holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index))
        .replace(/__number__/g, String(list.querySelectorAll(".person-row").length + 1));
      next = holder.querySelector(".person-row");
      list.appendChild(next);
      total.value = String(index + 1);
    }
    reveal(next);
    refreshButton();
  });
}());
