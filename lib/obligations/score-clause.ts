/**
 * How sure we are that a clause is a directive the analyst wants highlighted (docs/obligations.md §8).
 *
 * Wording sets the start (hard legal wording 0.9, soft hortatory wording 0.6); context moves it:
 * a named bearer makes a directive concrete, reported speech and background sections make it
 * someone else's words or scene-setting, an epistemic collocation (可能要, 应是) is not deontic at all.
 */
import type { Strength } from '../types';

/** Clauses scoring below this are not reported. */
export const HIGHLIGHT_THRESHOLD = 0.5;

export interface ScoreFactors {
  strength: Strength;
  explicitBearer: boolean;
  /** Inside a numbered list item or a 重点任务/工作措施 section. */
  inList: boolean;
  /** In a 背景/意义/目的 section or in the paragraph of a 为…，现… preamble. */
  background: boolean;
  quoted: boolean;
  epistemic: boolean;
}

export function scoreClause(f: ScoreFactors): number {
  let s = f.strength === 'hard' ? 0.9 : 0.6;
  if (f.explicitBearer) s += 0.1;
  if (f.inList) s += 0.05;
  if (f.background) s -= 0.2;
  if (f.quoted) s -= 0.15;
  if (f.epistemic) s -= 0.3;
  // Two decimals: 0.6 + 0.1 - 0.2 must be exactly 0.5, not 0.49999999999999994.
  return Math.round(Math.min(1, Math.max(0, s)) * 100) / 100;
}
