// adbar/htmldate: the evaluation pages its tests/evaluation.py loads (tests/test_set, tests/cache, tests/eval, in that
// order) with the publication day tests/eval_*.json give each; pages labelled NaN (no date determined) and page files
// no label names are reported, not used. The whole set is too large to commit, so a fixed half is kept (see SUBSET).
import { createHash } from 'node:crypto';

const REPO = 'adbar/htmldate';
const LICENCE = 'Apache-2.0';
const LABEL_FILES = ['tests/eval_default.json', 'tests/eval_mediacloud_2020.json'];
const PAGE_DIRS = ['tests/test_set/', 'tests/cache/', 'tests/eval/'];

/** The rule that picks the committed half, stated once: SOURCES.md quotes it. */
export const SUBSET = 'a labelled page is kept when the second byte of the SHA-256 of its output file name ' +
  '(UTF-8, without directory and ".gz") is below 128; the split uses the first byte, so the two are independent';

/** The output file name of a source file name: ASCII only, other characters percent-encoded as UTF-8. */
export const outputName = name => name.replace(/[^\x20-\x7e]/gu, c => encodeURIComponent(c));

const kept = name => createHash('sha256').update(outputName(name), 'utf8').digest()[1] < 128;

// The URL to record for a file several labels name: the one not on web.archive.org, else the first in sorted order.
const preferredUrl = urls => [...urls].sort((a, b) => a.includes('web.archive.org') - b.includes('web.archive.org') || (a < b ? -1 : 1))[0];

/** {pages, report} for adbar/htmldate. */
export function htmldatePages(tree) {
  const byFile = new Map();
  const undated = [];
  const conflicts = [];
  for (const labelFile of LABEL_FILES) {
    // pandas wrote NaN for pages without a date; JSON has no NaN
    const entries = JSON.parse(tree.text(labelFile).replace(/:\s*NaN\b/g, ': null'));
    for (const [url, { file, date }] of Object.entries(entries)) {
      if (date === null) { undated.push({ file, url, labelFile }); continue; }
      if (!/^\d{4}-\d\d-\d\d$/.test(date)) throw new Error(`${labelFile}: ${url}: not a day: ${date}`);
      const path = PAGE_DIRS.map(d => d + file).find(p => tree.has(p));
      if (!path) throw new Error(`${labelFile}: ${url}: no page file ${file}`);
      const entry = byFile.get(path) ?? { file, urls: [], dates: new Set(), labelFiles: new Set() };
      entry.urls.push(url);
      entry.dates.add(date);
      entry.labelFiles.add(labelFile);
      byFile.set(path, entry);
    }
  }
  const all = [...byFile].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [path, entry] of all) if (entry.dates.size > 1) conflicts.push({ path, dates: [...entry.dates] });
  const labelled = all.filter(([, e]) => e.dates.size === 1);
  const pages = labelled.filter(([, e]) => kept(e.file)).map(([path, entry]) => {
    const [day] = entry.dates;
    return {
      name: outputName(entry.file),
      bytes: () => tree.bytes(path),
      urls: entry.urls,
      meta: {
        source: REPO, commit: tree.commit, source_path: path, licence: LICENCE,
        label_source: [...entry.labelFiles].sort().join(' '), url: preferredUrl(entry.urls),
        published: day, published_granularity: 'day', published_day: day,
      },
    };
  });
  const labelledPaths = new Set(labelled.map(([p]) => p));
  const undatedFiles = new Set(undated.map(u => u.file));
  const files = PAGE_DIRS.flatMap(d => tree.list(d)).filter(p => p.endsWith('.html'));
  const unlabelled = files.filter(p => !byFile.has(p) && !undatedFiles.has(p.split('/').pop()));
  const sharedFiles = all.filter(([, e]) => e.urls.length > 1).map(([path, e]) => ({ path, urls: e.urls }));
  // every page file and every labelled URL, to find pages postlight/parser has too
  const contents = files.map(path => ({ path, sha256: createHash('sha256').update(tree.bytes(path)).digest('hex') }));
  const urls = all.flatMap(([path, e]) => e.urls.map(url => ({ path, url })));
  return {
    pages,
    report: { repo: REPO, commit: tree.commit, licence: LICENCE, labelled: labelledPaths.size, kept: pages.length,
      undated, unlabelled, conflicts, sharedFiles, contents, urls },
  };
}
