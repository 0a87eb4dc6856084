import { describe, expect, it } from 'vitest';
import { stepEditable } from './step-actions';

describe('a development step’s 登记 / 更正 button', () => {
  it('shows where the server lists update on the record, for every step but one not yet reachable', () => {
    const record = { actions: ['update' as const] };
    for (const state of ['done', 'next', 'overdue', 'missing', 'optional'] as const) expect(stepEditable(record, { state })).toBe(true);
    expect(stepEditable(record, { state: 'pending' })).toBe(false);
  });

  it('shows nowhere without update (a viewer, a record outside the caller’s writing scope)', () => {
    expect(stepEditable({ actions: [] }, { state: 'next' })).toBe(false);
    expect(stepEditable(null, { state: 'next' })).toBe(false);
  });
});
