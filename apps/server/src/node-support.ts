/** The oldest Node.js with node:sqlite available without a flag. */
export const OLDEST_NODE = '22.13';

/**
 * Why this Node.js cannot run the server, in one line, or undefined when it can. Checked before
 * anything loads the storage, so an old Node gets this sentence instead of a stack trace.
 */
export async function missingNodeSupport(): Promise<string | undefined> {
  try {
    await import('node:sqlite');
    return undefined;
  } catch {
    return `gameball-server needs Node.js ${OLDEST_NODE} or newer (it keeps its data with node:sqlite); this is Node.js ${process.version}.`;
  }
}
