// postlight/parser: its fixtures/*.html pages and the title, author and date_published its custom-extractor tests
// (src/extractors/custom/*/index.test.js) assert for them. Reports every test file that lacks a field, and why.
import { readTestFile } from './postlight-labels.mjs';
import { tokenize } from './js-tokens.mjs';

const REPO = 'postlight/parser';
const LICENCE = 'MIT OR Apache-2.0';
const FIELDS = { title: 'title', author: 'author', date_published: 'published' };

// The timezone an extractor reads dates in (`timezone: '…'` in its index.js), or null.
function extractorTimezone(tree, dir) {
  const path = `${dir}/index.js`;
  if (!tree.has(path)) return null;
  const tokens = tokenize(tree.text(path));
  const k = tokens.findIndex((t, i) => t.value === 'timezone' && tokens[i + 1]?.value === ':' && tokens[i + 2]?.type === 'str');
  return k < 0 ? null : tokens[k + 2].value;
}

// Wall-clock parts of an instant in a timezone.
function wallClock(instant, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, midnight: `${parts.hour}${parts.minute}${parts.second}` === '000000' };
}

// The published label of one assertion: an instant, or a day when the test compares days or when the instant is
// midnight (whole milliseconds) in the extractor's timezone (UTC if none), which is what postlight makes of a page
// that states only a day.
function published(label, timezone) {
  if (label.value === null) return { published: null };
  if (label.granularity !== 'instant') return { published: label.value, published_granularity: 'day', published_day: label.value };
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(label.value)) throw new Error(`not an ISO instant: ${label.value}`);
  const clock = wallClock(label.value, timezone ?? 'UTC');
  const whole = /(\.0+)?Z$/.test(label.value.slice(19));
  return clock.midnight && whole
    ? { published: label.value, published_granularity: 'day', published_day: clock.day }
    : { published: label.value, published_granularity: 'instant' };
}

/** {pages: [{name, bytes(), meta}], report: {tests, coverage, problems, unlabelled, conflicts}} for postlight/parser. */
export function postlightPages(tree) {
  const tests = tree.list('src/extractors/custom/').filter(p => p.endsWith('/index.test.js'));
  const byFixture = new Map();
  const coverage = [];
  const problems = [];
  const conflicts = [];
  for (const test of tests) {
    const source = tree.text(test);
    const { labels, problems: found } = readTestFile(source);
    const timezone = extractorTimezone(tree, test.slice(0, -'/index.test.js'.length));
    problems.push(...found.map(p => ({ test, ...p })));
    const fields = {};
    for (const field of Object.keys(FIELDS)) {
      const mine = labels.filter(l => l.field === field);
      const unread = found.filter(p => p.field === field);
      const commented = new RegExp(`//\\s*assert\\.\\w+\\(\\s*${field}\\b`).test(source);
      fields[field] = mine.length ? `${mine.length}` : unread.length ? 'not read' : commented ? 'commented out' : 'not asserted';
    }
    coverage.push({ test, fields });
    for (const label of labels) {
      if (!tree.has(label.fixture)) { problems.push({ test, line: label.line, why: `fixture ${label.fixture} does not exist` }); continue; }
      const entry = byFixture.get(label.fixture) ?? { tests: new Set(), urls: new Set(), values: {}, timezones: new Set() };
      entry.tests.add(test);
      if (timezone) entry.timezones.add(timezone);
      if (label.url) entry.urls.add(label.url);
      const value = label.field === 'date_published' ? published(label, timezone)
        : { [FIELDS[label.field]]: label.value };
      const key = FIELDS[label.field];
      const previous = entry.values[key];
      if (previous && JSON.stringify(previous) !== JSON.stringify(value)) {
        conflicts.push({ fixture: label.fixture, field: key, values: [previous, value].map(v => v[key]), test, line: label.line });
      } else entry.values[key] = value;
      byFixture.set(label.fixture, entry);
    }
  }
  const commit = tree.commit;
  const pages = [...byFixture].sort(([a], [b]) => (a < b ? -1 : 1)).map(([fixture, entry]) => ({
    name: fixture.slice('fixtures/'.length),
    bytes: () => tree.bytes(fixture),
    meta: {
      source: REPO, commit, source_path: fixture, licence: LICENCE, label_source: [...entry.tests].sort().join(' '),
      url: [...entry.urls][0] ?? null,
      // The zone the site's extractor reads times without one in: what the site's publisher would configure.
      ...(entry.timezones.size ? { timezone: [...entry.timezones].sort().join(' ') } : {}),
      ...Object.assign({}, ...Object.values(entry.values)),
    },
    urls: [...entry.urls],
  }));
  const unlabelled = tree.list('fixtures/').filter(p => p.endsWith('.html') && !byFixture.has(p));
  return { pages, report: { repo: REPO, commit, licence: LICENCE, tests: tests.length, coverage, problems, unlabelled, conflicts } };
}
