import { describe, expect, it } from 'vitest';
import { dueFor, duesRate, monthlyDues, parseYuan, yuan } from './dues-rates.js';

describe('dues rates (中组发〔2008〕3号)', () => {
  it('applies one flat rate to the whole base at each bracket edge, never progressively', () => {
    expect(duesRate('在职', 300_000)).toBe(50);
    expect(duesRate('在职', 300_001)).toBe(100);
    expect(duesRate('在职', 500_000)).toBe(100);
    expect(duesRate('在职', 500_001)).toBe(150);
    expect(duesRate('在职', 1_000_000)).toBe(150);
    expect(duesRate('在职', 1_000_001)).toBe(200);
    // 6000元 → 1.5% of the whole = 90元, not 0.5% of 3000 + 1% of 2000 + 1.5% of 1000.
    expect(monthlyDues('在职', 600_000)).toBe(9000);
    expect(monthlyDues('离退休', 500_000)).toBe(2500);
    expect(monthlyDues('离退休', 500_100)).toBe(5001);
  });

  it('rounds to the fen, and charges fixed amounts to farmers, students and members in hardship', () => {
    expect(monthlyDues('在职', 345_678)).toBe(3457); // 3456.78元 × 1% = 34.5678 → 34.57元
    expect(monthlyDues('农民', null)).toBe(50);
    expect(monthlyDues('农民', null, { farmerFen: 100, hardshipFen: 20 })).toBe(100);
    expect(monthlyDues('学生', null)).toBe(20);
    expect(monthlyDues('下岗失业', 999_999)).toBe(20);
  });

  it('takes the base in force for the month, and an approved reduction or exemption over it', () => {
    const bases = [
      { fromMonth: '2025-01', category: '在职' as const, baseFen: 400_000 },
      { fromMonth: '2025-07', category: '在职' as const, baseFen: 600_000 },
    ];
    const approvals = [{ kind: '免交' as const, fromMonth: '2025-10', toMonth: '2025-12', monthlyFen: null }, { kind: '减交' as const, fromMonth: '2026-01', toMonth: null, monthlyFen: 1000 }];
    expect(dueFor(bases, approvals, '2024-12')).toBeNull();
    expect(dueFor(bases, approvals, '2025-06')).toBe(4000);
    expect(dueFor(bases, approvals, '2025-07')).toBe(9000);
    expect(dueFor(bases, approvals, '2025-11')).toBe(0);
    expect(dueFor(bases, approvals, '2026-03')).toBe(1000);
  });

  it('writes and reads 元 with two decimals', () => {
    expect(yuan(1234)).toBe('12.34');
    expect(yuan(5)).toBe('0.05');
    expect(parseYuan('12.3')).toBe(1230);
    expect(parseYuan('0.2')).toBe(20);
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
  });
});
