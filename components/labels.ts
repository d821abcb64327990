import type { AnnotationColour, ObligationCategory } from '../lib/types';
import type { MessageKey } from './messages';

export const CATEGORY_LABEL: Record<ObligationCategory, MessageKey> = {
  obligation: 'catObligation',
  prohibition: 'catProhibition',
  permission: 'catPermission',
  encouragement: 'catEncouragement',
  accountability: 'catAccountability',
};

export const COLOUR_LABEL: Record<AnnotationColour, MessageKey> = {
  yellow: 'colourYellow',
  green: 'colourGreen',
  blue: 'colourBlue',
  pink: 'colourPink',
  purple: 'colourPurple',
};

/** Split what the analyst typed into tags: commas (both widths), 、, semicolons or spaces; trimmed, unique, bounded. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(/[,，、;；\s]+/)) {
    const tag = raw.trim().slice(0, 64);
    if (tag) seen.add(tag);
    if (seen.size >= 50) break;
  }
  return [...seen];
}
