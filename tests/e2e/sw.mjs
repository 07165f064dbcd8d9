// Service worker helpers shared by the end-to-end tests (through harness.mjs) and the benchmark.
// No test runner here, so that scripts/bench.mjs can import it.

/**
 * Waits (up to 20 s) until the page's service worker registration has an activated worker;
 * resolves to "activated", or to what the registration holds instead.
 */
export async function swState(page) {
  return page.evaluate(() => Promise.race([
    (async () => {
      const reg = await navigator.serviceWorker.ready;
      const w = reg.active;
      if (w.state !== "activated") await new Promise((r) => w.addEventListener("statechange", () => w.state === "activated" && r()));
      return "activated";
    })(),
    new Promise((r) => setTimeout(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      r(`not activated after 20 s (registration: ${reg ? `installing ${reg.installing?.state}, waiting ${reg.waiting?.state}, active ${reg.active?.state}` : "none"})`);
    }, 20_000)),
  ]));
}

/** Paths of the context's requests from now on that reached the network (not the worker's cache). */
export function networkRequests(context) {
  const network = [];
  context.on("requestfinished", async (req) => {
    const resp = await req.response();
    if (resp && !resp.fromServiceWorker()) network.push(new URL(req.url()).pathname);
  });
  return network;
}
