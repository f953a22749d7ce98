// Reads BenchmarkDotNet's JSON report of RenderBenchmarks, the C# output sizes (`sizes` mode) and the npm reference's
// JSON lines (render.mjs, run before and after), and prints one RESULT line per benchmark (each format cold, then
// warm: the render after one publish, with the rendered-item cache): C# mean, the format's reference mean (average of
// its runs; npm feed has no warm path, so warm rows compare with the same reference), speed-up, and bytes allocated
// per output byte.
// usage: node compare.mjs BDN-REPORT.json SIZES.jsonl NODE.jsonl...
import { readFileSync } from 'node:fs';

const lines = (file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const [report, sizesFile, ...nodeFiles] = process.argv.slice(2);
const bdn = JSON.parse(readFileSync(report, 'utf8'));
const sizes = Object.fromEntries(lines(sizesFile).map((s) => [s.method, s.outputBytes]));
const reference = {};
for (const r of nodeFiles.flatMap(lines)) (reference[r.format] ??= []).push(r);
for (const b of bdn.Benchmarks) {
  const warm = b.Method.endsWith('Warm');
  const format = b.Method.replace(/Warm$/, '').toLowerCase();
  const size = sizes[b.Method];
  const ours = b.Statistics.Mean / 1e6;
  const runs = reference[format] ?? [];
  const theirs = runs.reduce((s, r) => s + r.meanMicroseconds, 0) / runs.length / 1000;
  const allocated = b.Memory.BytesAllocatedPerOperation;
  console.log(`RESULT render-${format}${warm ? '-warm' : ''} csharp=${ours.toFixed(3)} ms reference=${theirs.toFixed(3)} ms ` +
    `(runs: ${runs.map((r) => (r.meanMicroseconds / 1000).toFixed(2)).join(', ')}) speedup=${(theirs / ours).toFixed(1)}x ` +
    `allocated=${allocated} B output=${size} B alloc/output=${(allocated / size).toFixed(2)} ` +
    `reference-output=${runs[0]?.outputBytes} B`);
}
