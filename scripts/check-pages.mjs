// Loads the home page, the feed preview and an article page of a running service in headless Chromium (Debian's /usr/bin/chromium),
// checks that every image loaded, and saves screenshots to .run/screenshots/. Usage: npm run check-pages [-- BASE_URL]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = (process.argv[2] ?? 'http://127.0.0.1:7071/api/').replace(/\/?$/, '/');
const pages = [['home', base], ['feed-preview', `${base}feeds/all.html`], ['article', `${base}articles/000_11b3e0eb4ad0bcf4`]];
mkdirSync('.run/screenshots', { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failures = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  for (const [name, url] of pages) {
    const response = await page.goto(url, { waitUntil: 'load' });
    const images = await page.$$eval('img', imgs => imgs.map(i => ({ src: i.currentSrc, ok: i.complete && i.naturalWidth > 0 })));
    const feeds = await page.$$eval('link[rel=alternate]', links => links.map(l => l.type));
    const broken = images.filter(i => !i.ok);
    const file = `.run/screenshots/${name}.png`;
    await page.screenshot({ path: file, fullPage: false });
    console.log(`${name}: HTTP ${response.status()}, ${images.length} images, ${broken.length} broken, feeds: ${feeds.join(' ')} -> ${file}`);
    if (response.status() !== 200 || images.length === 0 || broken.length > 0 || feeds.length < 2) failures++;
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
