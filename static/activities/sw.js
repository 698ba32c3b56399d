/* SRO Portal's service worker, served at /sw.js (activities/offline.py puts SETTINGS before this).
 *
 * It keeps two things on the phone, and nothing else:
 * - the quick log's page (the SRO's form: their schools and the categories), so that the log
 *   opens with no signal; it is replaced at each visit online and forgotten at sign-out;
 * - the static files (styles, scripts, icons), which hold no one's information.
 * Every other page (incidents, people involved, lists, exports) goes to the network as if this
 * worker did not exist: it is never kept, so it cannot be read from the phone later.
 * Entries logged offline are kept by the page itself (offline_log.js), not here. */
/* global SETTINGS */
"use strict";

var STATIC_CACHE = "sro-portal-static-" + SETTINGS.version;
var SHELL_CACHE = "sro-portal-quick-log";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(STATIC_CACHE)
      .then(function (cache) { return cache.addAll(SETTINGS.precache); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  // Older versions' static files go; the quick log's page stays (it has its own cache).
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("sro-portal-static-") === 0 && name !== STATIC_CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function forgetQuickLog() {
  return caches.delete(SHELL_CACHE);
}

// The quick log: from the network when there is one (and kept for later), else the copy kept.
// A session that ended by itself (the idle limit) keeps its copy: an SRO in a basement for an
// hour still logs; the entries wait on the page for the same user's next sign-in.
function quickLog(event) {
  return fetch(event.request).then(function (response) {
    // A navigation gets a redirect as it is (to the sign-in page when signed out), which is
    // not "ok": only the page itself is kept.
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      event.waitUntil(caches.open(SHELL_CACHE).then(function (cache) { return cache.put(SETTINGS.shell, copy); }));
    }
    return response;
  }, function () {
    return caches.match(SETTINGS.shell, { cacheName: SHELL_CACHE }).then(function (kept) {
      return kept || Response.error();
    });
  });
}

// Static files: the copy kept, refreshed in the background; fetched and kept when new.
function staticFile(event) {
  var request = event.request;
  return caches.match(request, { ignoreSearch: true }).then(function (kept) {
    var fresh = fetch(request).then(function (response) {
      if (response.ok && response.type === "basic") {
        var copy = response.clone();
        return caches.open(STATIC_CACHE).then(function (cache) {
          return cache.put(request, copy);
        }).then(function () { return response; });
      }
      return response;
    });
    if (kept) {
      event.waitUntil(fresh.catch(function () { return null; }));
      return kept;
    }
    return fresh;
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.method === "POST" && url.pathname === SETTINGS.logout) {
    // Signing out: the next person on this phone never opens this user's form offline.
    event.waitUntil(forgetQuickLog());
    return;
  }
  if (request.method !== "GET") { return; }
  if (request.mode === "navigate" && url.pathname === SETTINGS.shell) {
    event.respondWith(quickLog(event));
  } else if (url.pathname.indexOf(SETTINGS.static) === 0) {
    event.respondWith(staticFile(event));
  }
  // Anything else: not handled, so the browser asks the network and keeps nothing.
});
