import * as fs from 'node:fs';
import * as os from 'node:os';

/** Clock ticks per second of /proc/<pid>/stat's start time: 100 on every Linux that Node supports. */
const CLOCK_TICKS = 100;

/** When this machine booted, in ms since the epoch (from /proc/stat on Linux, else from the uptime). */
export function bootTimeMs(): number {
  try {
    const btime = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    if (btime) return Number(btime[1]) * 1000;
  } catch {
    // not Linux
  }
  return Date.now() - os.uptime() * 1000;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When the process `pid` started, in ms since the epoch; undefined where the system does not tell (macOS, Windows). */
export function processStartMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses); the start time is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return bootTimeMs() + (Number(fields[19]) / CLOCK_TICKS) * 1000;
  } catch {
    return undefined;
  }
}
