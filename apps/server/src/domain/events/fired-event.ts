/** A metadata value as events carry it: text, number, flag or a list of them. */
export type MetadataValue = string | number | boolean | null | MetadataValue[];

/** One event a customer did: its name and metadata (`place_order`, `payment_processed` or the shop's own). */
export interface FiredEvent {
  name: string;
  metadata: Record<string, MetadataValue>;
}
