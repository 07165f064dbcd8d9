// Service worker of Kommunkompass självskattning. A template: scripts/post-build.mjs fills in
// the build's version and the files to precache (each with its SHA-256) and writes dist/sw.js.
//
// - install: every file of the build is fetched (checked against its hash, so a half-deployed
//   server can never leave a mixed version in the cache) into a cache named after the build.
// - fetch: files of the app come from that cache; the app's pages (any address under the scope,
//   e.g. /bedomning/…) are answered with the cached index.html, so the app opens offline.
//   Registered as sw.js?sida=vard (an intranet page that embeds the app), pages come from the
//   network and only fall back to the last copy when offline.
// - a new build's worker waits until the user chooses "Ladda om" (message "kk-skip-waiting");
//   it never takes over an open tab by itself. Then it removes the caches of older builds.
"use strict";

const VERSION = __KK_VERSION__;
const DEV = __KK_DEV__;
/** [path relative to this script, "sha256-…"] */
const ASSETS = __KK_ASSETS__;

const SCOPE = new URL("./", self.location).pathname;
// Cache names are per origin: the scope keeps two installations on one host apart.
const PREFIX = `kommunkompass ${SCOPE} `;
const CACHE = `${PREFIX}${VERSION}`;
const HOST_PAGE_CACHE = `${PREFIX}värdsida`;
const HOST_PAGE = new URL(self.location).searchParams.get("sida") === "vard";
const INDEX = new URL("index.html", self.location).href;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(ASSETS.map(async ([path, integrity]) => {
      const url = new URL(path, self.location).href;
      // no-cache: revalidate, so that an older copy in the HTTP cache is never taken for this build.
      const response = await fetch(url, { cache: "no-cache", integrity });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await cache.put(url, response);
    }));
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE && name !== HOST_PAGE_CACHE) await caches.delete(name);
    }
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "kk-skip-waiting") self.skipWaiting();
});

if (!DEV) {
  self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    const url = new URL(request.url);
    if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
    if (request.mode === "navigate") {
      event.respondWith(HOST_PAGE ? hostPage(request) : appPage(request));
    } else {
      event.respondWith(file(request));
    }
  });
}

/** The app's own page: the cached index.html of this build (the app routes by itself). */
async function appPage(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(INDEX, { ignoreVary: true })) || fetch(request);
}

/** An intranet page embedding the app: network first, the last copy when offline. */
async function hostPage(request) {
  const cache = await caches.open(HOST_PAGE_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(SCOPE, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(SCOPE);
    if (copy) return copy;
    throw error;
  }
}

/** One of the build's files from the cache; anything else from the network. */
async function file(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreVary: true })) || fetch(request);
}
