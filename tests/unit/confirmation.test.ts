/** When a place's facts were last confirmed, and by which source. */
import { describe, expect, test } from 'vitest';
import { lastConfirmation } from '../../src/lib/freshness.ts';

const history = [
  { source: 'liste-fictive', name: 'Liste fictive', edition: '2026-01-15' },
  { source: 'liste-fictive', name: 'Liste fictive', edition: '2026-02-15' },
];
const listed = { name: 'Liste fictive (août 2024)', date: '2024-08-01', record: 'liste-fictive:7' };

describe('the last confirmation of a place', () => {
  test.each([
    [
      'the newest dated source, without a refresh',
      [
        { name: 'Site fictif', date: '2025-03-01' },
        { name: 'Autre source fictive', date: '2025-06-01' },
      ],
      undefined,
      { date: '2025-06-01', source: 'Autre source fictive' },
    ],
    ['the last edition of a list the place is still on', [listed], undefined, { date: '2026-02-15', source: 'Liste fictive' }],
    ['its own date when the list no longer has it', [listed], { list: 'Liste fictive', date: '2026-02-15' }, { date: '2024-08-01', source: 'Liste fictive (août 2024)' }],
    ['a source the place’s page cites more recently than the list', [listed, { name: 'Mairie fictive', date: '2026-03-01' }], undefined, { date: '2026-03-01', source: 'Mairie fictive' }],
    ['nothing when no source has a date', [{ name: 'Site fictif', date: null }], undefined, null],
  ])('%s', (_, sources, delisted, expected) => {
    expect(lastConfirmation({ sources, delisted }, history)).toEqual(expected);
  });
});
