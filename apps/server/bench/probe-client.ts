/** The orchestrator's side of bench/probe.ts: start a window on each server, then read it. */
import { fileURLToPath } from 'node:url';
import type { ProbeReading } from './probe.js';

/** `node --import <this>` loads the probe into a child. */
export const PROBE_IMPORT = ['--import', fileURLToPath(new URL('./probe.js', import.meta.url))];

interface Probed {
  probe?: string | undefined;
}

async function call(origin: string, path: string): Promise<unknown> {
  const response = await fetch(origin + path, { signal: AbortSignal.timeout(5_000) });
  return response.json();
}

export async function resetProbes(servers: Probed[]): Promise<void> {
  await Promise.all(servers.map((server) => (server.probe ? call(server.probe, '/reset') : undefined)));
}

/** The window's figures over all servers: the worst lag of any, the queries and round trips of all. */
export async function readProbes(servers: Probed[]): Promise<ProbeReading | undefined> {
  const readings = (await Promise.all(servers.filter((s) => s.probe).map((s) => call(s.probe!, '/read')))) as ProbeReading[];
  if (readings.length === 0) return undefined;
  return {
    lagP99: Math.max(...readings.map((r) => r.lagP99)),
    lagMax: Math.max(...readings.map((r) => r.lagMax)),
    queries: readings.reduce((sum, r) => sum + r.queries, 0),
    roundTrips: readings.reduce((sum, r) => sum + r.roundTrips, 0),
  };
}
