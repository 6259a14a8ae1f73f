import {
  ancestorsOf,
  codeAtLevel,
  isWithin,
  levelOfCode,
  narrowerRegion,
  parentRegionCode,
  subtreePattern,
  villageOf,
} from './regionCodes';

const county = '610921';
const township = '610921100';
const village = '610921100201';
const grid = '610921100201001';

describe('region codes', () => {
  it('name the level by length', () => {
    expect([county, township, village, grid].map(levelOfCode)).toEqual(['county', 'township', 'village', 'grid']);
  });

  it('hold their subtree by prefix', () => {
    expect(isWithin(grid, township)).toBe(true);
    expect(isWithin(township, township)).toBe(true);
    expect(isWithin('610921101201', township)).toBe(false);
    expect(isWithin(township, grid)).toBe(false);
  });

  it('list their ancestors from the county down, and their parent', () => {
    expect(ancestorsOf(village)).toEqual([county, township, village]);
    expect(ancestorsOf(county)).toEqual([county]);
    expect(parentRegionCode(grid)).toBe(village);
    expect(parentRegionCode(county)).toBeNull();
  });

  it('cut a code to a level above it, never below', () => {
    expect(codeAtLevel(grid, 'township')).toBe(township);
    expect(codeAtLevel(village, 'village')).toBe(village);
    expect(codeAtLevel(county, 'township')).toBeNull();
    expect(villageOf(grid)).toBe(village);
  });

  it('reduce a scope and a filter to the narrower, or null when apart', () => {
    expect(narrowerRegion(township, undefined)).toBe(township);
    expect(narrowerRegion(township, county)).toBe(township);
    expect(narrowerRegion(township, village)).toBe(village);
    expect(narrowerRegion(township, '610921101')).toBeNull();
    expect(subtreePattern(township)).toBe('610921100%');
  });
});
