// Material's search box, answered by Pagefind: a drop-in for Material's search worker.
//
// Material talks to its worker with four messages (0 SETUP, 1 READY, 2 QUERY, 3 RESULT);
// this worker speaks the same protocol, so the search box, keyboard handling, result list
// and highlighting stay Material's. Instead of one index with every page (megabytes for a
// large handbook), Pagefind fetches only the shards a query needs, in the reader's language
// (`?lang=` on this script's URL, set per page by hooks/pagefind_search.py).
"use strict";

const here = new URL(self.location.href);
const lang = here.searchParams.get("lang") || "en";
importScripts("workers/handbook-rank.js"); // the handbook's order: the typed SOP id, SOPs, then the rest
const MAX_RESULTS = 20; // Material shows 10, then more on scroll: each one costs a fragment download

// Pagefind picks its language index from <html lang>; a worker has no document, so give it one.
self.document = { querySelector: () => ({ getAttribute: () => lang }) };

let pagefind = null;
let latest = 0;

// A large language is indexed in several bundles (handbook/site/pagefind.py): the first
// lists the others in handbook-bundles.json, and they are merged into one search.
async function openBundles() {
  const base = new URL(`../../pagefind/${encodeURIComponent(lang)}/`, here);
  const api = await import(new URL("pagefind.js", base).href);
  const listed = await fetch(new URL("handbook-bundles.json", base)).then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  for (const bundle of listed.merge || []) await api.mergeIndex(new URL(bundle, base).href);
  return api;
}

function load() {
  if (!pagefind) pagefind = openBundles();
  return pagefind;
}

// Every bundle of a language ships the same WebAssembly file: download it once.
const fetchOnce = self.fetch.bind(self);
const wasm = new Map();
self.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const name = (url.match(/\/(wasm\.[^/?#]+\.pagefind)(?:[?#]|$)/) || [])[1];
  if (!name) return fetchOnce(input, init);
  if (!wasm.has(name)) {
    const bytes = fetchOnce(input, init).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${url}: ${r.status}`))));
    wasm.set(name, bytes.catch((error) => { wasm.delete(name); throw error; }));  // a failed download is tried again
  }
  return wasm.get(name).then((bytes) => new Response(bytes.slice(0)));
};

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

// Pagefind's URLs start at the site root ("/pl/billing/br-001/"); Material resolves
// locations against the site's base, so a relative location works under any path.
function siteRelative(url) {  // not `location`: that would shadow the worker's own
  return url.replace(/^\//, "");
}

async function search(query) {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return { items: [] };
  const api = await load();
  const found = await api.search(query);
  const terms = Object.fromEntries(words.map((w) => [w.toLowerCase(), true]));
  const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data().then((d) => [r, d])));
  const items = data.map(([result, page]) => {
    const sop = page.meta.sop || "";
    const title = page.meta.title || page.url;
    const shown = sop && !title.toLowerCase().includes(sop.toLowerCase()) ? `${sop} ${title}` : title;
    const group = [{ location: siteRelative(page.url), title: escape(shown), text: page.excerpt, score: result.score, terms, sop }];
    for (const sub of (page.sub_results || []).slice(0, 5)) {
      if (sub.url === page.url) continue;
      group.push({ location: siteRelative(sub.url), title: escape(sub.title), text: sub.excerpt, score: result.score / 2, terms });
    }
    return group;
  });
  return self.HandbookRank.rank({ items }, query);
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === 0) {
    load().catch(() => {}); // start fetching Pagefind while the reader types
    self.postMessage({ type: 1 });
  } else if (message.type === 2) {
    const ticket = ++latest;
    let result;
    try {
      result = await search(message.data);
    } catch (error) {
      console.error("pagefind search failed", error);
      result = { items: [] };
    }
    if (ticket === latest) self.postMessage({ type: 3, data: result }); // drop answers to older keystrokes
  }
});
