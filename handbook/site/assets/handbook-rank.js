// The handbook's order of search results, shared by both search workers (Material's and Pagefind's).
// 1. the SOP whose id was typed ("AB-001", "ab001", "ab-1"); 2. other SOP pages;
// 3. every other page (glossary, authored pages). Within each, the backend's own order.
"use strict";
self.HandbookRank = (() => {
  const ID = /^\s*([A-Za-z]{1,10})[\s\-_.]?0*(\d{1,6})\s*$/;

  function idKey(text) {
    const match = ID.exec(String(text || ""));
    return match ? `${match[1].toUpperCase()}-${Number(match[2])}` : null;
  }

  // Docs of the reader's language, plus the language-neutral ones (no `lang`).
  function inLanguage(docs, lang) {
    return lang ? docs.filter((doc) => !doc.lang || doc.lang === lang) : docs;
  }

  function place(group, wanted) {
    const entry = group.find((doc) => doc.sop);
    if (!entry) return 2;
    return wanted && idKey(entry.sop) === wanted ? 0 : 1;
  }

  // `data.items` is a list of groups (a page and its sections), as Material's worker answers.
  function rank(data, query) {
    if (!data || !Array.isArray(data.items)) return data;
    const wanted = idKey(query);
    const items = data.items
      .map((group, order) => [place(group, wanted), order, group])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map((entry) => entry[2]);
    return Object.assign({}, data, { items });
  }

  return { idKey, inLanguage, rank };
})();
