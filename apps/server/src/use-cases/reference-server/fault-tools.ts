import type { FaultBoard } from '../../faults.js';
import type { Scope } from '../../scope.js';
import type { ReferenceTools } from './reference-tools.js';

/** The reference tools and the process's fault board (faults.ts), as the request context carries them. */
export type FaultTools = Scope & ReferenceTools & { faults: FaultBoard };
