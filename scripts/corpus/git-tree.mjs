// Reads files from a git directory without a work tree (the mirrored source repositories), always at HEAD.
import { execFileSync } from 'node:child_process';

/** A reader of one repository at its HEAD commit: {commit, list(prefix), text(path), bytes(path)}. */
export function gitTree(dir) {
  const git = (...args) => execFileSync('git', ['-C', dir, ...args], { maxBuffer: 1 << 30 });
  const commit = git('rev-parse', 'HEAD').toString().trim();
  const entries = new Map();
  for (const line of git('ls-tree', '-r', '-l', '-z', commit).toString().split('\0')) {
    if (!line) continue;
    const [meta, path] = line.split('\t');
    const [, type, blob, size] = meta.trim().split(/\s+/);
    if (type === 'blob') entries.set(path, { path, blob, size: Number(size) });
  }
  const bytes = path => {
    const entry = entries.get(path);
    if (!entry) throw new Error(`${dir}: no ${path} at ${commit}`);
    return git('cat-file', 'blob', entry.blob);
  };
  return {
    commit,
    has: path => entries.has(path),
    list: prefix => [...entries.keys()].filter(p => p.startsWith(prefix)).sort(),
    bytes,
    text: path => bytes(path).toString('utf8'),
  };
}
