import type { Migration } from '../migrator.js';
import { customersAndLedger } from './0001-customers-and-ledger.js';
import { pointsEconomics } from './0002-points-economics.js';
import { materializedWallets } from './0003-materialized-wallets.js';
import { engagement } from './0004-engagement.js';
import { campaigns } from './0006-campaigns.js';

/** Every migration, oldest first. Add new ones at the end; never edit a released one. */
export const migrations: readonly Migration[] = [customersAndLedger, pointsEconomics, materializedWallets, engagement, campaigns];
