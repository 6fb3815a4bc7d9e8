import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`The data directory ${dir} is in use by process ${pid}. Stop that process first, or set DATA_DIR to another directory.`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the single-owner lock of an embedded data directory. A lock left by a dead process is taken over.
 * @returns a release function, and whether a stale lock was healed
 * @throws DataDirLockedError when a live process holds it
 */
export function lockDataDir(dir: string): { release: () => void; healedFrom?: number } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'lantu.lock');
  let healedFrom: number | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      return { release, healedFrom };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(dir, holder);
      }
      healedFrom = holder;
      fs.rmSync(file, { force: true });
      // PGlite leaves its own postmaster.pid behind when killed; it belongs to the dead owner.
      fs.rmSync(path.join(dir, 'pg', 'postmaster.pid'), { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
