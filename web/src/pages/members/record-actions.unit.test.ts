import { describe, expect, it } from 'vitest';
import { allows, anyButton, memberButtons } from './record-actions';

describe('a member record’s buttons', () => {
  it('shows each button only for an action the server lists', () => {
    expect(memberButtons({ actions: ['update', 'leave', 'transfer'] })).toEqual({ edit: true, transfer: true, leave: true });
    // A branch secretary with no other branch to transfer to: no 组织关系转接.
    expect(memberButtons({ actions: ['update', 'leave'] })).toEqual({ edit: true, transfer: false, leave: true });
    // A member who has left: corrections only.
    expect(memberButtons({ actions: ['update'] })).toEqual({ edit: true, transfer: false, leave: false });
  });

  it('shows nothing to a viewer, or before the record is loaded', () => {
    expect(anyButton(memberButtons({ actions: [] }))).toBe(false);
    expect(anyButton(memberButtons(null))).toBe(false);
    expect(anyButton(memberButtons(undefined))).toBe(false);
    expect(anyButton(memberButtons({ actions: ['leave'] }))).toBe(true);
  });

  it('reads other records’ actions the same way', () => {
    expect(allows({ actions: ['update'] }, 'update')).toBe(true);
    expect(allows({ actions: ['update'] }, 'delete')).toBe(false);
  });
});
