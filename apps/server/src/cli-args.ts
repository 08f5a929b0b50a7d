import { SETTINGS } from './config.js';

/** What the command line asks for. */
export type CommandLine =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'serve'; env: Record<string, string> }
  | { command: 'exec'; env: Record<string, string>; run: string[] }
  | { command: 'error'; message: string };

const FLAG_WIDTH = Math.max(...SETTINGS.map((s) => `${s.flag} ${s.value}`.length)) + 2;

export const HELP = `gameball-server: the reference server of the Gameball v4 loyalty API

Usage:
  gameball-server [options]                   serve until stopped (Ctrl-C or SIGTERM)
  gameball-server exec [options] -- <command> start a server on throwaway storage with the
                                              reference tools on, run <command> with
                                              GAMEBALL_BASE_URL, GAMEBALL_ORIGIN,
                                              GAMEBALL_API_KEY and GAMEBALL_SECRET_KEY set,
                                              stop the server and exit with the command's code
  gameball-server --help | --version

Options (each sets the environment variable after it; a flag wins over the variable):
${SETTINGS.map((s) => `  ${`${s.flag} ${s.value}`.padEnd(FLAG_WIDTH)}${s.env}: ${s.help}`).join('\n')}

In exec mode --data-dir and --database-url keep the data there instead of throwaway storage,
and the port is a free one unless --port is given. One <command> word is run by the shell
("npm test" works quoted); several are run as they are.
API: http://<host>:<port>/api/v4/integrations   docs: http://<host>:<port>/docs`;

/** Reads `argv` (without node and the script); never exits, the caller does. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const dash = argv.indexOf('--');
  const before = dash >= 0 ? argv.slice(0, dash) : [...argv];
  const after = dash >= 0 ? argv.slice(dash + 1) : [];
  const exec = before[0] === 'exec';
  const words = exec ? before.slice(1) : before;
  if (words.includes('--help') || words.includes('-h')) return { command: 'help' };
  if (words.includes('--version') || words.includes('-v')) return { command: 'version' };
  const env: Record<string, string> = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const [flag, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const setting = SETTINGS.find((s) => s.flag === flag);
    if (!setting) return { command: 'error', message: `unknown ${word.startsWith('-') ? 'option' : 'argument'} '${word}'; see gameball-server --help` };
    const value = inline ?? words[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) return { command: 'error', message: `${flag} needs a value: ${setting.value}` };
    env[setting.env] = value;
  }
  if (!exec) {
    if (dash >= 0) return { command: 'error', message: "'--' is for exec mode: gameball-server exec -- <command>" };
    return { command: 'serve', env };
  }
  if (after.length === 0) return { command: 'error', message: 'exec needs a command after --, e.g. gameball-server exec -- npm test' };
  return { command: 'exec', env, run: after };
}
