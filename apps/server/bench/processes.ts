/**
 * The benchmark's child processes: each in its own process group (so one signal ends a whole
 * tree such as npx -> sh -> prism), stopped on cleanup, and measured through /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { onCleanup } from './cleanup.js';

export interface Child {
  name: string;
  pid: number;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<string>;
  hasExited(): boolean;
  /** The last few KB the process wrote on stderr, for error messages. */
  stderrTail(): string;
  stop(): Promise<void>;
}

/** Starts a process with stdout discarded and stderr kept (its tail), in a new process group. */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc: ChildProcess = spawn(command, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  if (proc.pid === undefined) throw new Error(`${name}: '${command}' could not be started`);
  const pid = proc.pid;
  let tail = '';
  let done = false;
  proc.stderr!.setEncoding('utf8');
  proc.stderr!.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4000);
  });
  const exited = new Promise<string>((resolve) => {
    proc.once('exit', (code, signal) => {
      done = true;
      resolve(signal ?? String(code));
    });
    proc.once('error', (error) => {
      done = true;
      tail += `\n${error.message}`;
      resolve('error');
    });
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone already
    }
  };
  const stop = onCleanup(
    `stop ${name}`,
    async () => {
      if (!done) killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      killGroup('SIGKILL'); // anything the leader left behind in its group
    },
    () => killGroup('SIGKILL'),
  );
  return { name, pid, exited, hasExited: () => done, stderrTail: () => tail.trim(), stop };
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A process's /proc/<pid>/stat after its name, split: [0] state, [1] parent pid, [11] user and
 * [12] system CPU time in clock ticks. Undefined when the process is gone; `name` is its name.
 */
export function procStat(pid: number): { name: string; fields: string[] } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const end = stat.lastIndexOf(')');
    return { name: stat.slice(stat.indexOf('(') + 1, end), fields: stat.slice(end + 2).split(' ') };
  } catch {
    return undefined; // the process ended while we looked
  }
}

/** The process and all its descendants (npx runs the real server two levels down). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (!stat) continue;
    const ppid = Number(stat.fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** CPU time (user + system) so far of each process of the trees, in seconds, by pid. */
export function cpuSeconds(roots: readonly number[]): Map<number, number> {
  const ticks = 100; // USER_HZ, 100 on Linux
  const used = new Map<number, number>();
  for (const pid of roots.flatMap(processTree)) {
    const stat = procStat(pid);
    if (stat) used.set(pid, (Number(stat.fields[11]) + Number(stat.fields[12])) / ticks);
  }
  return used;
}

/** CPU seconds the trees used since `before` (cpuSeconds): processes that ended meanwhile are not counted. */
export function cpuSince(roots: readonly number[], before: Map<number, number>): number {
  let total = 0;
  for (const [pid, now] of cpuSeconds(roots)) total += now - (before.get(pid) ?? 0);
  return total;
}

/** Peak resident memory (VmHWM) in MB of the largest process of the tree. */
export function peakRssMb(root: number): number {
  let peakKb = 0;
  for (const pid of processTree(root)) {
    try {
      const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // gone
    }
  }
  return peakKb / 1024;
}

/**
 * Resets VmHWM to the current RSS (`echo 5 > /proc/<pid>/clear_refs`) so the next reading is
 * the peak of one workload. Where the kernel refuses, the readings are peaks so far.
 */
export function resetPeakRss(root: number): boolean {
  let ok = true;
  for (const pid of processTree(root)) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      ok = false;
    }
  }
  return ok;
}
