import { describe, expect, it } from 'vitest';
import { BEGINNING, END } from '../../src/domain/leaderboard/leaderboard-window.js';
import { windowPieces } from '../../src/domain/leaderboard/window-pieces.js';
import { bucketStart } from '../../src/domain/points/progress-totals.js';
import { seededRandom } from '../support/random.js';

describe('a leaderboard window cut into buckets and edges', () => {
  it('covers [from, to) exactly once, with whole buckets that start and end inside it', () => {
    const rnd = seededRandom(7);
    const base = Date.parse('2023-11-20T00:00:00.000Z');
    for (let n = 0; n < 2000; n++) {
      const a = base + Math.floor(rnd() * 200 * 86_400_000) - (n % 5 === 0 ? Math.floor(rnd() * 1000) * 3_600_000 : 0);
      const b = a + 1 + Math.floor(rnd() ** 3 * 120 * 86_400_000);
      const [from, to] = [new Date(a).toISOString(), new Date(b).toISOString()];
      const [start, end] = [n % 7 === 0 ? BEGINNING : from, n % 11 === 0 ? END : to];
      const pieces = windowPieces(start, end);
      if (start === BEGINNING && end === END) {
        expect(pieces).toEqual([{ source: 'all', from: BEGINNING, to: END }]);
        continue;
      }
      expect(pieces[0]!.from).toBe(start);
      expect(pieces.at(-1)!.to).toBe(end);
      pieces.forEach((piece, i) => {
        expect(piece.from < piece.to).toBe(true);
        if (i > 0) expect(piece.from).toBe(pieces[i - 1]!.to);
        if (piece.source === 'ledger' || piece.source === 'all') return;
        // Whole buckets: the range starts on a bucket edge, and its last bucket ends by its end.
        expect(bucketStart(piece.source, piece.from)).toBe(piece.from);
        expect(bucketStart(piece.source, piece.to)).toBe(piece.to);
      });
      // Ledger reads stay within an hour at each edge.
      for (const piece of pieces.filter((p) => p.source === 'ledger')) expect(Date.parse(piece.to) - Date.parse(piece.from)).toBeLessThan(3_600_000);
      expect(pieces.filter((p) => p.source === 'ledger').length).toBeLessThanOrEqual(2);
    }
  });

  it('takes a window inside one hour from the ledger alone, and a month from its bucket', () => {
    expect(windowPieces('2024-03-05T10:07:00.000Z', '2024-03-05T10:31:00.000Z')).toEqual([
      { source: 'ledger', from: '2024-03-05T10:07:00.000Z', to: '2024-03-05T10:31:00.000Z' },
    ]);
    expect(windowPieces('2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z')).toEqual([
      { source: 'month', from: '2024-02-01T00:00:00.000Z', to: '2024-03-01T00:00:00.000Z' },
    ]);
    expect(windowPieces('2024-01-31T22:30:00.000Z', '2024-03-02T01:15:00.000Z')).toEqual([
      { source: 'ledger', from: '2024-01-31T22:30:00.000Z', to: '2024-01-31T23:00:00.000Z' },
      { source: 'hour', from: '2024-01-31T23:00:00.000Z', to: '2024-02-01T00:00:00.000Z' },
      { source: 'month', from: '2024-02-01T00:00:00.000Z', to: '2024-03-01T00:00:00.000Z' },
      { source: 'day', from: '2024-03-01T00:00:00.000Z', to: '2024-03-02T00:00:00.000Z' },
      { source: 'hour', from: '2024-03-02T00:00:00.000Z', to: '2024-03-02T01:00:00.000Z' },
      { source: 'ledger', from: '2024-03-02T01:00:00.000Z', to: '2024-03-02T01:15:00.000Z' },
    ]);
  });
});
