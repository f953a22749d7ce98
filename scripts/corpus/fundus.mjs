// flairNLP/fundus: its parser test pages (tests/resources/parser/test_data/<cc>/<Publisher>_<YYYY_MM_DD>.html.gz) and
// the title, authors and publishing_date its <Publisher>.json expects per parser version. Fundus's tests map each page to
// the version valid at its crawl date, one page per version, so versions in order pair with pages in date order; we keep
// one page per publisher: the newest, with the newest version's labels, when the two counts agree.
import { gunzipSync } from 'node:zlib';

const REPO = 'flairNLP/fundus';
const LICENCE = 'MIT';
const ROOT = 'tests/resources/parser/test_data/';
const FILE = /^tests\/resources\/parser\/test_data\/(\w+)\/([^/_]+)(?:_(\d{4}_\d\d_\d\d))?\.(json|html\.gz)$/;

// Parser versions ("V1", "V1_1", "V2") in order: by their numbers, part by part.
const versionKey = v => v.slice(1).split('_').map(Number);
const byVersion = (a, b) => {
  const [x, y] = [versionKey(a), versionKey(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

// The published label of fundus's publishing_date ("2024-08-08 08:00:00+00:00", fractions allowed): an instant when it
// has an offset and a time; only its day, as the page wrote it, when it has no offset (the page gave a time and no zone)
// or is exactly midnight in its offset (what fundus makes of a page that states only a day, as postlight does).
function published(value) {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(\.0+)?|\d\d:\d\d:\d\d\.\d+)([+-]\d\d:\d\d)?$/.exec(value);
  if (!m) throw new Error(`not a fundus publishing_date: ${value}`);
  const iso = `${m[1]}T${m[2]}${m[4] ?? ''}`;
  const midnight = /^00:00:00(\.0+)?$/.test(m[2]);
  return m[4] && !midnight ? { published: iso, published_granularity: 'instant' }
    : { published: iso, published_granularity: 'day', published_day: m[1] };
}

// The labels of one version's expected extraction: a field fundus left empty (no title, authors [] or null,
// publishing_date null) is not labelled, since fundus writes what its parser found, not that the page states none.
function labelsOf(expected) {
  const title = typeof expected.title === 'string' && expected.title.trim() !== '' ? { title: expected.title } : {};
  const names = (expected.authors ?? []).filter(a => typeof a === 'string' && a.trim() !== '');
  const author = names.length ? { author: names.join(', ') } : {};
  const date = typeof expected.publishing_date === 'string' ? published(expected.publishing_date) : {};
  return { ...title, ...author, ...date };
}

/** {pages, report} for flairNLP/fundus. */
export function fundusPages(tree) {
  const publishers = new Map();
  for (const path of tree.list(ROOT)) {
    const m = FILE.exec(path);
    if (!m) continue;
    const [, cc, name, date, ext] = m;
    const entry = publishers.get(`${cc}/${name}`) ?? { cc, name, json: null, pages: [] };
    if (ext === 'json') entry.json = path;
    else entry.pages.push({ date, path });
    publishers.set(`${cc}/${name}`, entry);
  }
  const metaInfo = new Map();
  const meta = cc => metaInfo.get(cc) ?? metaInfo.set(cc, JSON.parse(tree.text(`${ROOT}${cc}/meta.info`))).get(cc);
  const left = [];
  const unlabelled = [];
  const pages = [];
  for (const entry of [...publishers.values()].sort((a, b) => (a.cc + a.name < b.cc + b.name ? -1 : 1))) {
    const who = `${entry.cc}/${entry.name}`;
    if (!entry.json) { left.push({ who, why: 'no expected-extraction JSON' }); continue; }
    const expected = JSON.parse(tree.text(entry.json));
    const versions = Object.keys(expected).sort(byVersion);
    const files = entry.pages.sort((a, b) => (a.date < b.date ? -1 : 1));
    if (versions.length !== files.length) {
      left.push({ who, why: `${versions.length} parser versions but ${files.length} pages` });
      continue;
    }
    const version = versions.at(-1);
    const page = files.at(-1);
    const fileName = page.path.split('/').pop();
    const info = meta(entry.cc)[fileName];
    if (!info) { left.push({ who, why: `${fileName} is not in meta.info` }); continue; }
    const labels = labelsOf(expected[version]);
    const missing = ['title', 'author', 'published'].filter(f => !(f in labels));
    if (missing.length) unlabelled.push({ who, version, missing, authors: expected[version].authors ?? null });
    pages.push({
      name: `${entry.cc}-${entry.name}.html`,
      bytes: () => gunzipSync(tree.bytes(page.path)),
      urls: [info.url],
      meta: {
        source: REPO, commit: tree.commit, source_path: page.path, licence: LICENCE,
        label_source: `${entry.json} ${version}`, url: info.url, crawl_date: info.crawl_date, ...labels,
      },
    });
  }
  return { pages, report: { repo: REPO, commit: tree.commit, licence: LICENCE, publishers: publishers.size, left, unlabelled } };
}
