/* Quick log: progressive enhancement only; the form works without this script.
 * - offers only the schools assigned on the chosen date;
 * - shows the topic only for classroom presentations (and clears it otherwise);
 * - a typed duration replaces the preset, a tapped preset clears the typed duration. */
(function () {
  "use strict";
  var form = document.getElementById("quick-log-form");
  if (!form) { return; }

  var dateInput = form.querySelector("input[name='date']");
  var schoolSelect = form.querySelector("select[name='school']");
  var noSchool = document.getElementById("no-school-on-date");

  function covers(periods, day) {
    return periods.split(" ").some(function (period) {
      var bounds = period.split("/");
      return bounds[0] <= day && (bounds[1] === "" || day <= bounds[1]);
    });
  }

  function offerSchools() {
    if (!dateInput || !schoolSelect || !dateInput.value) { return; }
    var day = dateInput.value;  // ISO yyyy-mm-dd compares as text
    var firstOffered = null;
    var offered = 0;
    Array.prototype.forEach.call(schoolSelect.options, function (option) {
      var periods = option.getAttribute("data-periods");
      if (periods === null) { return; }  // the "choose" placeholder
      var ok = covers(periods, day);
      option.hidden = !ok;
      option.disabled = !ok;
      if (ok) { offered += 1; firstOffered = firstOffered || option; }
    });
    var current = schoolSelect.options[schoolSelect.selectedIndex];
    if (!current || current.disabled) {
      if (firstOffered) { firstOffered.selected = true; } else { schoolSelect.selectedIndex = 0; }
    }
    if (noSchool) { noSchool.classList.toggle("d-none", offered > 0); }
  }

  var topicGroup = document.getElementById("topic-group");
  var presentation = form.getAttribute("data-presentation");

  function showTopic(clear) {
    if (!topicGroup) { return; }
    var checked = form.querySelector("input[name='category']:checked");
    var isPresentation = checked !== null && checked.value === presentation;
    var hasError = topicGroup.querySelector(".invalid-feedback") !== null;
    topicGroup.classList.toggle("d-none", !isPresentation && !(hasError && !clear));
    if (!isPresentation && clear) {
      topicGroup.querySelectorAll("input[name='topic']").forEach(function (radio) { radio.checked = false; });
    }
  }

  var other = form.querySelector("input[name='minutes']");
  var presets = form.querySelectorAll("input[name='minutes_preset']");
  if (other) {
    other.addEventListener("input", function () {
      if (other.value !== "") { presets.forEach(function (radio) { radio.checked = false; }); }
    });
  }
  presets.forEach(function (radio) {
    radio.addEventListener("change", function () { if (other) { other.value = ""; } });
  });

  // One tap, one entry: a second tap while the page is sending does not log it twice.
  form.addEventListener("submit", function (event) {
    if (form.getAttribute("data-sending") === "1") { event.preventDefault(); return; }
    form.setAttribute("data-sending", "1");
  });

  window.addEventListener("pageshow", function () { form.removeAttribute("data-sending"); });

  if (dateInput) { dateInput.addEventListener("change", offerSchools); }
  form.querySelectorAll("input[name='category']").forEach(function (radio) {
    radio.addEventListener("change", function () { showTopic(true); });
  });
  offerSchools();
  showTopic(false);
}());
