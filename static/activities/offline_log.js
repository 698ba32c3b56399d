/* The quick log with no signal (issue 17). Progressive: without this script the form posts as
 * before (with its entry id, so a resubmitted page still logs once).
 *
 * - Save sends the entry as JSON (activities:log_queued). With no connection, a network failure
 *   or an ended session, the entry is kept in this browser's storage instead, with the id made
 *   for it here and the id of the user whose page this is, and the page says how many wait.
 * - Waiting entries are sent when the page opens, when the connection returns and on "Send now",
 *   only while the page's user (data-user) is the one who kept them; the server checks it too.
 *   An entry the server refuses stays, with its reasons, until the SRO corrects or discards it.
 * - Only activity entries are kept: never an incident, never a person. The service worker
 *   (sw.js, registered here) keeps this page so that it opens offline. */
(function () {
  "use strict";
  var form = document.getElementById("quick-log-form");
  var textsElement = document.getElementById("offline-log-texts");
  if (!form || !form.hasAttribute("data-queue-url") || !textsElement) { return; }

  var texts = JSON.parse(textsElement.textContent);
  var panel = document.getElementById("offline-queue");
  var userId = form.getAttribute("data-user");
  var queueUrl = form.getAttribute("data-queue-url");
  var clientIdInput = form.querySelector("input[name='client_id']");
  var STORE = "sro-portal.offline-log.v1";
  var MESSAGES = "#main > .alert-success, #main > .alert-info";  // includes/messages.html
  var state = { signedOut: false, sending: false, sent: 0, notice: "" };

  // Storage ------------------------------------------------------------------------------------
  function storageWorks() {
    try {
      window.localStorage.setItem(STORE + ".test", "1");
      window.localStorage.removeItem(STORE + ".test");
      return true;
    } catch (error) {
      return false;
    }
  }
  if (!storageWorks()) { return; }  // nowhere to keep entries: the plain form it is

  function load() {
    try {
      var list = JSON.parse(window.localStorage.getItem(STORE) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (error) {
      return [];
    }
  }
  function store(list) { window.localStorage.setItem(STORE, JSON.stringify(list)); }
  function mine(list) { return list.filter(function (entry) { return entry.user === userId; }); }
  function without(id) { return load().filter(function (entry) { return entry.id !== id; }); }
  function remove(id) { store(without(id)); }
  function keepEntry(entry) { var list = without(entry.id); list.push(entry); store(list); }
  function markRefused(id, errors) {
    store(load().map(function (entry) {
      if (entry.id === id) { entry.errors = errors; }
      return entry;
    }));
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  // The form -------------------------------------------------------------------------------------
  function formFields() {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken" || name === "client_id" || name === "action") { return; }
      fields[name] = String(value);
    });
    return fields;
  }

  function labelOf(input) {
    var label = input && form.querySelector("label[for='" + input.id + "']");
    return label ? label.textContent.trim() : "";
  }

  function summary(fields) {
    var category = null;
    form.querySelectorAll("input[name='category']").forEach(function (radio) {
      if (radio.value === fields.category) { category = radio; }
    });
    var school = form.querySelector("select[name='school']");
    var schoolName = "";
    if (school) {
      Array.prototype.forEach.call(school.options, function (option) {
        if (option.value === fields.school && option.value !== "") { schoolName = option.textContent.trim(); }
      });
    }
    var minutes = fields.minutes || fields.minutes_preset || "";
    return [fields.date || "", labelOf(category), minutes ? minutes + " " + texts.minutes : "", schoolName]
      .filter(function (part) { return part !== ""; }).join(" · ");
  }

  function setValue(name, value) {
    var field = form.elements.namedItem(name);
    if (field && field.tagName !== undefined) { field.value = value || ""; }
  }

  function fire(element) {
    if (element) { element.dispatchEvent(new Event("change", { bubbles: true })); }
  }

  // Back to a blank entry for the same day and school, with a new id.
  function blankEntry() {
    var date = form.elements.namedItem("date");
    var school = form.elements.namedItem("school");
    var kept = { date: date ? date.value : "", school: school ? school.value : "" };
    form.reset();
    setValue("date", kept.date);
    fire(date);
    setValue("school", kept.school);
    fire(form.querySelector("input[name='category']"));
    clientIdInput.value = newId();
  }

  // A refused entry back in the form, under its own id (it was never logged).
  function fill(entry) {
    var fields = entry.fields || {};
    form.querySelectorAll("input[type='radio']").forEach(function (radio) {
      radio.checked = fields[radio.name] === radio.value;
    });
    ["date", "minutes", "students", "staff", "parents", "community", "note"].forEach(function (name) {
      setValue(name, fields[name]);
    });
    fire(form.elements.namedItem("date"));
    setValue("school", fields.school);
    fire(form.querySelector("input[name='category']:checked"));
    clientIdInput.value = entry.id;
  }

  // The server ----------------------------------------------------------------------------------
  function csrfToken() {
    // The cookie first: after a new sign-in it holds the new token, which a page kept offline lacks.
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) { return decodeURIComponent(match[1]); }
    var input = form.querySelector("input[name='csrfmiddlewaretoken']");
    return input ? input.value : "";
  }

  // Resolves to {outcome: "logged" | "refused" | "signed_out" | "offline" | "other_user" | "failed"}.
  function send(entry, announce) {
    return window.fetch(queueUrl, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",  // a redirect here means "sign in": the entry must not be lost in it
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify({ client_id: entry.id, user_id: entry.user, fields: entry.fields, announce: announce })
    }).then(function (response) {
      if (response.type === "opaqueredirect") { return { outcome: "signed_out" }; }
      if (response.status === 200 || response.status === 201) { return { outcome: "logged" }; }
      var isJson = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (!isJson) { return { outcome: "failed" }; }
      return response.json().then(function (body) {
        if (body.reason === "other_user") { return { outcome: "other_user" }; }
        if (response.status === 422 || response.status === 403) {
          return { outcome: "refused", errors: body.errors || [] };
        }
        return { outcome: "failed" };
      });
    }, function () {
      return { outcome: "offline" };
    });
  }

  function flush() {
    if (state.sending || !navigator.onLine) { render(); return Promise.resolve(); }
    var waiting = mine(load()).filter(function (entry) { return !entry.errors; });
    if (!waiting.length) { render(); return Promise.resolve(); }
    state.sending = true;
    state.notice = "";
    function next(index) {
      if (index >= waiting.length) { return Promise.resolve(); }
      var entry = waiting[index];
      return send(entry, false).then(function (result) {
        if (result.outcome === "logged") {
          remove(entry.id);
          state.sent += 1;
          state.signedOut = false;
          return next(index + 1);
        }
        if (result.outcome === "refused") {
          markRefused(entry.id, result.errors);
          state.signedOut = false;
          return next(index + 1);
        }
        // Signed out, no connection or the server failing: the rest wait for the next chance.
        state.signedOut = result.outcome === "signed_out";
        return null;
      });
    }
    return next(0).then(function () {
      state.sending = false;
      render();
    });
  }

  // The panel above the form ------------------------------------------------------------------------
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function counted(forms, count) {
    return (count === 1 ? forms.one : forms.other).replace("%(count)s", String(count));
  }

  function button(text, className, onClick) {
    var node = element("button", "btn btn-sm " + className, text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  function refusedItem(entry) {
    var item = element("li", "mb-2");
    item.appendChild(element("div", "fw-semibold", entry.summary || entry.fields.date || ""));
    var reasons = element("ul", "mb-1");
    (entry.errors || []).forEach(function (error) {
      (error.messages || []).forEach(function (message) {
        reasons.appendChild(element("li", "", error.label ? error.label + ": " + message : message));
      });
    });
    item.appendChild(reasons);
    var actions = element("div", "d-flex gap-2");
    actions.appendChild(button(texts.correct, "btn-primary", function () {
      fill(entry);
      state.notice = texts.correcting;
      render();
      form.scrollIntoView();
    }));
    actions.appendChild(button(texts.discard, "btn-outline-danger", function () {
      if (window.confirm(texts.discard_confirm)) {
        remove(entry.id);
        render();
      }
    }));
    item.appendChild(actions);
    return item;
  }

  function render() {
    if (!panel) { return; }
    var all = load();
    var own = mine(all);
    var waiting = own.filter(function (entry) { return !entry.errors; });
    var refused = own.filter(function (entry) { return entry.errors; });
    panel.textContent = "";
    if (!navigator.onLine) {
      panel.appendChild(element("p", "alert alert-warning py-2 mb-2", texts.offline));
    }
    if (state.notice) {
      panel.appendChild(element("p", "alert alert-success py-2 mb-2", state.notice));
    }
    if (state.sent) {
      var sent = element("p", "alert alert-success py-2 mb-2");
      var link = element("a", "alert-link", counted(texts.sent, state.sent));
      link.href = form.getAttribute("data-my-log");
      sent.appendChild(link);
      panel.appendChild(sent);
    }
    if (waiting.length) {
      var box = element("div", "alert alert-info py-2 mb-2 d-flex flex-wrap align-items-center gap-2");
      box.appendChild(element("span", "", counted(texts.waiting, waiting.length))).id = "offline-waiting";
      if (state.signedOut) {
        var signIn = element("a", "alert-link", texts.sign_in);
        signIn.href = form.getAttribute("data-sign-in");
        box.appendChild(element("span", "", texts.signed_out));
        box.appendChild(signIn);
      } else if (navigator.onLine && !state.sending) {
        box.appendChild(button(texts.send_now, "btn-outline-primary", flush));
      }
      panel.appendChild(box);
    }
    if (refused.length) {
      var refusedBox = element("div", "alert alert-danger py-2 mb-2");
      refusedBox.id = "offline-refused";
      refusedBox.appendChild(element("p", "fw-semibold mb-1", texts.refused));
      var list = element("ul", "list-unstyled mb-0");
      refused.forEach(function (entry) { list.appendChild(refusedItem(entry)); });
      refusedBox.appendChild(list);
      panel.appendChild(refusedBox);
    }
    if (all.length > own.length) {
      panel.appendChild(element("p", "small text-body-secondary mb-2", texts.other_user));
    }
  }

  // Saving -----------------------------------------------------------------------------------------
  function keepOnPhone(entry) {
    delete entry.errors;
    keepEntry(entry);
    blankEntry();
    state.notice = texts.saved;
    form.removeAttribute("data-sending");
    render();
    window.scrollTo(0, 0);
  }

  // The plain form, whose page shows the server's reasons beside each field.
  function postForm(entry, action) {
    remove(entry.id);  // the form holds it now, under the same id
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = "action";
    hidden.value = action;
    form.appendChild(hidden);
    form.submit();
  }

  function afterLogging(fields, action) {
    if (action === "another") {
      var query = new URLSearchParams({ date: fields.date || "", school: fields.school || "" });
      window.location.assign(window.location.pathname + "?" + query.toString());
    } else {
      window.location.assign(form.getAttribute("data-my-log"));
    }
  }

  form.addEventListener("submit", function (event) {
    if (event.defaultPrevented) { return; }  // a second tap while sending (quick_log.js)
    event.preventDefault();
    var action = event.submitter && event.submitter.name === "action" ? event.submitter.value : "save";
    var entry = { id: clientIdInput.value || newId(), user: userId, at: new Date().toISOString(), fields: formFields() };
    entry.summary = summary(entry.fields);
    if (!navigator.onLine) { keepOnPhone(entry); return; }
    send(entry, true).then(function (result) {
      if (result.outcome === "logged") {
        remove(entry.id);
        afterLogging(entry.fields, action);
      } else if (result.outcome === "offline" || result.outcome === "signed_out" || result.outcome === "other_user") {
        state.signedOut = result.outcome === "signed_out";
        keepOnPhone(entry);
      } else {
        postForm(entry, action);
      }
    });
  });

  // Opening the page ---------------------------------------------------------------------------------
  // A page kept from an earlier day: today's date, as the server would give it now. Counted by the
  // server's clock (the instant its day ended), never by the phone's time zone rules, which may
  // differ from the server's: the phone would then send a date the server calls tomorrow.
  var dateInput = form.elements.namedItem("date");
  var serverToday = form.getAttribute("data-today");
  var todayEnds = Number(form.getAttribute("data-today-ends"));
  if (dateInput && serverToday && dateInput.value === serverToday && todayEnds && Date.now() >= todayEnds) {
    var moved = new Date(serverToday + "T12:00:00Z");
    moved.setUTCDate(moved.getUTCDate() + 1 + Math.floor((Date.now() - todayEnds) / 86400000));
    dateInput.max = moved.toISOString().slice(0, 10);
    dateInput.value = dateInput.max;
    fire(dateInput);
  }
  // A new id at each opening: a page kept by the service worker carries the id it was served with.
  clientIdInput.value = newId();
  if (!navigator.onLine) {
    // The page kept offline may carry a "Logged" note from when it was kept: not news now.
    document.querySelectorAll(MESSAGES).forEach(function (node) { node.remove(); });
  }
  window.addEventListener("online", flush);
  window.addEventListener("offline", render);
  if ("serviceWorker" in navigator && form.getAttribute("data-worker")) {
    navigator.serviceWorker.register(form.getAttribute("data-worker"), { scope: "/" }).catch(function () {
      return null;  // the log still works online without it
    });
  }
  render();
  flush();
}());
