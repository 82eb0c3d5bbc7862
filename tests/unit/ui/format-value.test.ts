import { describe, expect, it } from 'vitest';
import { formatValue, formatValueLong } from '../../../src/ui/format-value.ts';

describe('formatValue', () => {
  it.each([
    [3, '3'],
    [0, '0'],
    [-0, '0'],
    [-12, '-12'],
    [0.25, '0.25'],
    [-1.25, '-1.3'],
    [-1.3, '-1.3'],
    [0.0125, '0.013'],
    [0.013, '0.013'],
    [12.74, '12.7'],
    [123.6, '124'],
    [0.00042, '4e-4'],
    [123456, '1.2e5'],
    [10000, '1e4'],
    [NaN, 'NaN'],
    [Infinity, '∞'],
    [-Infinity, '-∞'],
  ])('%s → %s', (v, text) => {
    expect(formatValue(v)).toBe(text);
  });

  it('float32 noise around an integer reads as the integer', () => {
    expect(formatValue(Math.fround(2.9999998))).toBe('3');
    expect(formatValue(Math.fround(0.1))).toBe('0.1');
  });
});

describe('formatValueLong', () => {
  it.each([
    [Math.fround(0.731), '0.731'],
    [Math.fround(-1.23456), '-1.235'],
    [4, '4'],
    [0.0000125, '1.25e-5'],
  ])('%s → %s', (v, text) => {
    expect(formatValueLong(v)).toBe(text);
  });
});
