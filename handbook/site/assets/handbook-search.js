// Material's search worker, answering in the reader's language and in the handbook's order.
//
// Loaded instead of Material's worker (hooks/search_quality.py rewrites the page's config to
// `handbook-search.js?lang=pl&worker=search.<hash>.min.js`). It wraps Material's worker:
// the index it is given (every language, merged by mkdocs-static-i18n) is cut to the
// reader's language before Material builds its lunr index, and each answer is reordered
// by handbook-rank.js. Material's protocol, result list and highlighting stay its own.
"use strict";
const params = new URL(self.location.href).searchParams;
const lang = params.get("lang") || "";
const material = params.get("worker") || "";
importScripts("handbook-rank.js");

const post = self.postMessage.bind(self);
const listen = self.addEventListener.bind(self);
let query = "";

self.postMessage = (message) =>
  post(message && message.type === 3 ? Object.assign({}, message, { data: self.HandbookRank.rank(message.data, query) }) : message);

self.addEventListener = (type, handler, options) => {
  if (type !== "message") return listen(type, handler, options);
  return listen("message", (event) => {
    const message = event.data;
    if (message && message.type === 0 && message.data && Array.isArray(message.data.docs)) {
      const docs = self.HandbookRank.inLanguage(message.data.docs, lang);
      return handler({ data: Object.assign({}, message, { data: Object.assign({}, message.data, { docs }) }) });
    }
    if (message && message.type === 2) query = message.data;
    return handler(event);
  }, options);
};

// Only Material's own worker, next to this file.
if (/^search\.[0-9a-f]+\.min\.js$/.test(material)) importScripts(material);
